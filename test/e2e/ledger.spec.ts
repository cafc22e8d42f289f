import { readFile, writeFile } from 'node:fs/promises';
import { type Page, expect } from '@playwright/test';
import { test } from './support/test';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../../shared/validation/idNumber';
import { readXlsx, sheetRecords } from '../support/xlsxReader';
import { screenshot, startWithDemoData } from './support/demo';

/**
 * Issue 6, the ledger (台账): export downloads a file whose content a second, independent reader
 * verifies; a file with errors shows the error table and writes nothing; a clean import writes
 * after the confirmation, and the new recipient is in the caseload.
 */
async function localCount(page: Page, key: string): Promise<number> {
  await page.goto('/#/settings');
  const el = page.getByTestId(`count-${key}`).locator('.ant-statistic-content-value');
  await expect(el).not.toHaveText(/统计中/);
  return Number((await el.innerText()).replace(/,/g, ''));
}

async function exportLedger(page: Page, path: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账' }).click()]);
  const name = download.suggestedFilename();
  await download.saveAs(path);
  await expect(page.getByTestId('ledger-export-result')).toBeVisible();
  return name;
}

function headerIndex(ws: ExcelJS.Worksheet, header: string): number {
  const values = ws.getRow(1).values as unknown[];
  const i = values.findIndex((v) => v === header);
  if (i < 1) throw new Error(`no column ${header}`);
  return i;
}

const NEW_NAME = '台账新增测试';

/** A valid recipient row for the 优抚对象 sheet, copying the station of the first row. */
function addRecipientRow(ws: ExcelJS.Worksheet): void {
  const first17 = '44030419460715135';
  const row = ws.addRow([]);
  row.getCell(headerIndex(ws, '姓名')).value = NEW_NAME;
  row.getCell(headerIndex(ws, '性别')).value = '男';
  row.getCell(headerIndex(ws, '身份证号')).value = `${first17}${idNumberCheckChar(first17)}`;
  row.getCell(headerIndex(ws, '出生日期')).value = new Date(Date.UTC(1946, 6, 15));
  row.getCell(headerIndex(ws, '联系电话')).value = '13912345678';
  row.getCell(headerIndex(ws, '住址')).value = '园岭街道百花二路 8 号';
  row.getCell(headerIndex(ws, '服务站')).value = ws.getRow(2).getCell(headerIndex(ws, '服务站')).value;
  row.getCell(headerIndex(ws, '优抚类别')).value = '其他重点优抚对象';
  row.getCell(headerIndex(ws, '状态')).value = '在册';
}

test('ledger: export verified by an independent reader; a file with errors writes nothing; a clean import adds a recipient', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await startWithDemoData(page, { recipients: 120 });
  const recipients = await localCount(page, 'recipients');
  const visits = await localCount(page, 'visits');
  const outboxBefore = await localCount(page, 'outbox');

  await page.goto('/#/ledger');
  await expect(page.getByTestId('nav-ledger')).toBeVisible();
  await expect(page.getByTestId('ledger-export')).toBeVisible();
  await screenshot(page, '90-ledger');

  // Masked by default: the independent reader sees masked ID numbers and the local counts.
  const maskedFile = testInfo.outputPath('masked.xlsx');
  let started = Date.now();
  const maskedName = await exportLedger(page, maskedFile);
  testInfo.annotations.push({ type: 'export', description: `${recipients} recipients, ${visits} visits: ${Date.now() - started} ms` });
  expect(maskedName).toMatch(/^台账-福田区园岭街道.+社区-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const masked = readXlsx(await readFile(maskedFile));
  expect(masked.map((s) => s.name)).toEqual(['优抚对象', '走访记录', '帮扶记录', '服务任务', '诉求']);
  const maskedRecipients = sheetRecords(masked[0]!);
  expect(maskedRecipients).toHaveLength(recipients);
  for (const r of maskedRecipients) expect(String(r['身份证号'])).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  expect(sheetRecords(masked[1]!)).toHaveLength(visits);
  await screenshot(page, '91-ledger-exported');

  // Full ID numbers, for a file that can be imported again.
  await page.getByTestId('ledger-id-choice').getByText('完整号码').click();
  const fullFile = testInfo.outputPath('full.xlsx');
  await exportLedger(page, fullFile);
  const full = readXlsx(await readFile(fullFile));
  for (const r of sheetRecords(full[0]!)) expect(String(r['身份证号'])).toMatch(/^\d{17}[\dX]$/);
  const aid = sheetRecords(full[2]!);
  expect(aid.length).toBeGreaterThan(0);
  const amountCell = full[2]!.rows
    .slice(1)
    .flat()
    .find((c) => c.format === '#,##0.00');
  expect(amountCell?.value).toEqual(expect.any(Number));

  // A file with a new recipient and two bad rows: the error table, and nothing written.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fullFile);
  addRecipientRow(wb.getWorksheet('优抚对象')!);
  const visitsSheet = wb.getWorksheet('走访记录')!;
  visitsSheet.getRow(2).getCell(headerIndex(visitsSheet, '走访时间')).value = '2026-02-30 09:00';
  const aidSheet = wb.getWorksheet('帮扶记录')!;
  aidSheet.getRow(2).getCell(headerIndex(aidSheet, '金额（元）')).value = -100;
  const badFile = testInfo.outputPath('with-errors.xlsx');
  await writeFile(badFile, new Uint8Array(await wb.xlsx.writeBuffer()));

  await page.getByTestId('ledger-file').setInputFiles(badFile);
  await expect(page.getByTestId('ledger-preview')).toBeVisible({ timeout: 60_000 });
  const errors = page.getByTestId('ledger-errors');
  await expect(errors.locator('tbody tr')).toHaveCount(2);
  await expect(errors).toContainText('走访记录');
  await expect(errors).toContainText('日期不正确');
  await expect(errors).toContainText('帮扶记录');
  await expect(errors).toContainText('金额不能为负数');
  await expect(page.getByTestId('ledger-confirm')).toBeDisabled();
  await page.getByTestId('ledger-errors').scrollIntoViewIfNeeded();
  await screenshot(page, '92-ledger-import-errors');
  // Only an explicit choice lets the valid rows in; here the user cancels instead.
  await page.getByTestId('ledger-skip-errors').click();
  await expect(page.getByTestId('ledger-confirm')).toBeEnabled();
  await page.getByTestId('ledger-cancel').click();
  expect(await localCount(page, 'recipients')).toBe(recipients);
  expect(await localCount(page, 'outbox')).toBe(outboxBefore);

  // The same new recipient in a clean file: preview, confirm, and the caseload shows them.
  const clean = new ExcelJS.Workbook();
  await clean.xlsx.readFile(fullFile);
  addRecipientRow(clean.getWorksheet('优抚对象')!);
  const cleanFile = testInfo.outputPath('clean.xlsx');
  await writeFile(cleanFile, new Uint8Array(await clean.xlsx.writeBuffer()));
  await page.goto('/#/ledger');
  started = Date.now();
  await page.getByTestId('ledger-file').setInputFiles(cleanFile);
  const preview = page.getByTestId('ledger-preview');
  await expect(preview).toBeVisible({ timeout: 60_000 });
  testInfo.annotations.push({ type: 'import preview', description: `read, checked and planned in ${Date.now() - started} ms` });
  await expect(preview.locator('tbody tr').first()).toContainText(`优抚对象10${recipients}0`);
  await expect(page.getByText('没有发现错误。')).toBeVisible();
  await screenshot(page, '93-ledger-import-preview');
  started = Date.now();
  await page.getByTestId('ledger-confirm').click();
  await expect(page.getByTestId('ledger-import-result')).toContainText('已导入', { timeout: 60_000 });
  testInfo.annotations.push({ type: 'import write', description: `${Date.now() - started} ms` });
  await screenshot(page, '94-ledger-imported');

  expect(await localCount(page, 'recipients')).toBe(recipients + 1);
  expect(await localCount(page, 'outbox')).toBeGreaterThan(outboxBefore);
  await page.goto('/#/caseload');
  await page.getByTestId('caseload-search').fill(NEW_NAME);
  await expect(page.getByTestId('caseload-row').getByTestId('recipient-name').filter({ hasText: NEW_NAME })).toBeVisible();
  await screenshot(page, '95-ledger-new-recipient-in-caseload');

  // Importing the same clean file again creates nothing.
  await page.goto('/#/ledger');
  await page.getByTestId('ledger-file').setInputFiles(cleanFile);
  await expect(page.getByTestId('ledger-preview').locator('tbody tr').first()).toContainText(`优抚对象00${recipients + 1}0`, {
    timeout: 60_000,
  });
  await expect(page.getByText('没有需要写入的变化。')).toBeVisible();
  await expect(page.getByTestId('ledger-confirm')).toBeDisabled();
});

test('ledger: a supervisor picks a street of the district; the file holds that street only', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await startWithDemoData(page, { recipients: 150, account: 'supervisor', path: '/ledger' });
  await expect(page.getByTestId('ledger-export')).toBeVisible();
  await page.getByTestId('ledger-scope').click();
  await page.keyboard.type('园岭街道');
  const option = page.locator('.ant-select-item-option[title="福田区 园岭街道"]');
  await expect(option).toBeVisible();
  await screenshot(page, '96-ledger-supervisor-scope');
  await option.click();
  const file = testInfo.outputPath('street.xlsx');
  const name = await exportLedger(page, file);
  expect(name).toMatch(/^台账-福田区园岭街道-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const recipients = sheetRecords(readXlsx(await readFile(file))[0]!);
  expect(recipients.length).toBeGreaterThan(0);
  for (const r of recipients) expect(String(r['服务站'])).toMatch(/^福田区 园岭街道 /);

  await page.goto('/#/settings');
  await page.getByTestId('language-switch').getByText('English').click();
  await page.goto('/#/ledger');
  await expect(page.getByRole('button', { name: 'Export ledger' })).toBeVisible();
  await screenshot(page, '97-ledger-en');
});

import { writeFileSync } from 'node:fs';
import { type Page, expect } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { todayInShanghai } from '../../shared/calendar/shanghai';
import { e2eNow } from './support/clock';
import { SCREENSHOT_DIR, screenshot, startWithDemoData } from './support/demo';
import { test } from './support/test';
import { confirmSaved } from './support/visitSave';

/**
 * Issue 16's printed forms, in Chinese: the app ships its own CJK font (Noto Sans SC), so on
 * this machine, which has none, the PDF Chromium prints has the Chinese text (without the font
 * it would be empty boxes with no text behind them). A visit with a photo, a signed aid line
 * and a need is logged; each form is opened from its button, printed to an A4 PDF and read back.
 */

/** A small photo drawn in the page, as a picked file. */
async function photo(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const g = canvas.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 800, 600);
    grad.addColorStop(0, '#2f6fb5');
    grad.addColorStop(1, '#f2c14e');
    g.fillStyle = grad;
    g.fillRect(0, 0, 800, 600);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return { name: '门口.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(dataUrl.split(',')[1]!, 'base64') };
}

/** Draws a stroke on the signature pad once its dialog has stopped zooming in. */
async function sign(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-canvas');
  await expect(pad).toBeVisible();
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await pad.boundingBox());
      const still = now === last;
      last = now;
      await page.waitForTimeout(200);
      return still;
    })
    .toBe(true);
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 150);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 40 + i * 18, box.y + 150 - Math.sin(i / 3) * 60, { steps: 2 });
  await page.mouse.up();
  await page.getByTestId('signature-accept').click();
}

interface PrintedPdf {
  /** All pages' text, whitespace removed (the extractor splits runs of Chinese at will). */
  text: string;
  pages: number;
  /** The first page's size in points. */
  width: number;
  height: number;
}

/** The page printed as the tests and Electron print it (A4, the page's @page preferred), read back. */
async function printed(page: Page, name: string): Promise<PrintedPdf> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SCREENSHOT_DIR}/${name}.pdf`, pdf);
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const first = await doc.getPage(1);
  const [, , width = 0, height = 0] = first.view;
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { text: text.replace(/\s+/g, ''), pages: totalPages, width, height };
}

/** The page as the paper has it: print media in an A4-wide window (96 dpi), no app chrome. */
async function paperScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, name);
  // Back to no emulation (not 'screen': page.pdf would then print with screen media).
  await page.emulateMedia({ media: null });
  if (size) await page.setViewportSize(size);
}

/** A4 portrait in points (595.28 × 841.89), within a point (Chromium rounds the page to whole CSS pixels). */
function expectA4Portrait(pdf: PrintedPdf): void {
  expect(Math.abs(pdf.width - 595.28)).toBeLessThan(1);
  expect(Math.abs(pdf.height - 841.89)).toBeLessThan(1);
}

test('the printed forms carry the visit, its aid and signature, the request, the case file and the visit list, in Chinese on A4', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await startWithDemoData(page, { recipients: 50, path: '/caseload' });
  await page.getByTestId('caseload-row').first().click();
  await expect(page).toHaveURL(/#\/recipients\/[0-9a-f-]{36}/);
  const profileUrl = page.url().replace(/^.*#/, '/#');
  const name = (await page.getByTestId('profile-name').innerText()).trim();
  expect(name).toMatch(/[\u4e00-\u9fff]/);

  // A home visit with a photo, ¥500 signed for on screen, and a need that becomes a request.
  await page.getByTestId('profile-log-visit').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();
  const photoCard = page.getByTestId('visit-photos');
  await photoCard.getByTestId('attachment-input').setInputFiles([await photo(page)]);
  await expect(photoCard.getByTestId('attachment-thumb')).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('add-aid').click();
  await page.getByTestId('aid-0-amount').fill('500');
  await page.getByTestId('aid-0-sign').click();
  await sign(page);
  await expect(page.getByTestId('aid-0-signed')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('add-need').click();
  const need = `申请居家适老化改造 e2e${Date.now()}`;
  await page.getByTestId('need-0-description').fill(need);
  const notes = `打印走访记录 e2e${Date.now()}`;
  await page.getByTestId('visit-notes').fill(notes);
  await page.getByTestId('visit-notes').focus();
  await page.keyboard.press('Control+s');
  await confirmSaved(page, /帮扶 1 条，诉求 1 条/);

  const today = todayInShanghai(e2eNow());
  const [y, m, d] = today.split('-').map(Number);
  const todayZh = `${y}年${m}月${d}日`;

  // 走访记录表, from the visit's entry on the timeline.
  await page.goto(profileUrl);
  await page.getByTestId('timeline-visit').filter({ hasText: notes }).getByTestId('print-visit-open').click();
  await expect(page).toHaveURL(/#\/print\/visit\/[0-9a-f-]{36}$/);
  const visitSheet = page.getByTestId('print-visit');
  await expect(visitSheet).toBeVisible({ timeout: 30_000 });
  // The photo and the aid line's signature, both loaded before printing.
  await expect(visitSheet.locator('[data-testid="print-image"][data-state="ready"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(visitSheet.getByTestId('print-aid-line').locator('[data-testid="print-image"][data-state="ready"]')).toHaveCount(1);
  await expect(visitSheet.getByTestId('print-aid-receipt')).toHaveText('已签收');
  // The whole ID number never reaches paper: region and last 4 only.
  await expect(visitSheet.getByTestId('print-id-number')).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await screenshot(page, '100-print-visit');
  const visitPdf = await printed(page, '100-print-visit');
  expectA4Portrait(visitPdf);
  expect(visitPdf.text).toContain('走访记录表');
  expect(visitPdf.text).toContain(name);
  expect(visitPdf.text).toContain(todayZh);
  expect(visitPdf.text).toContain('¥500.00');
  expect(visitPdf.text).toContain('已签收');
  expect(visitPdf.text).toContain(notes.replace(/\s+/g, ''));
  expect(visitPdf.text).not.toMatch(/\d{17}[\dX]/);
  await paperScreenshot(page, '105-print-visit-paper');

  // 诉求处理单, from the request's entry: the call-back section is there to fill in by hand.
  await page.goto(profileUrl);
  await page.getByTestId('timeline-request').filter({ hasText: need }).getByTestId('print-request-open').click();
  const requestSheet = page.getByTestId('print-request');
  await expect(requestSheet).toBeVisible({ timeout: 30_000 });
  await expect(requestSheet.getByTestId('print-callback')).toBeVisible();
  await screenshot(page, '101-print-request');
  const requestPdf = await printed(page, '101-print-request');
  expectA4Portrait(requestPdf);
  for (const text of ['诉求处理单', name, need, todayZh, '回访记录（手工填写）', '是否满意'])
    expect(requestPdf.text).toContain(text.replace(/\s+/g, ''));

  // 一人一档, from the profile's header: the last year holds the visit and the aid.
  await page.goto(profileUrl);
  await page.getByTestId('print-recipient-open').click();
  const fileSheet = page.getByTestId('print-recipient');
  await expect(fileSheet).toBeVisible({ timeout: 30_000 });
  await expect(fileSheet.getByTestId('print-history-visits')).toContainText(notes);
  await screenshot(page, '102-print-recipient');
  const filePdf = await printed(page, '102-print-recipient');
  expectA4Portrait(filePdf);
  await paperScreenshot(page, '106-print-recipient-paper');
  for (const text of ['一人一档', name, '基本信息', '优抚类别', '服务责任', '近一年记录', '¥500.00', '已签收', need, todayZh])
    expect(filePdf.text).toContain(text.replace(/\s+/g, ''));

  // Today's visit list of the station, from Today: as many lines as the count says, ours among them.
  await page.goto('/#/today');
  await page.getByTestId('print-list-open').hover();
  await page.getByTestId('print-list-day').click();
  const list = page.getByTestId('print-visit-list');
  await expect(list).toBeVisible({ timeout: 30_000 });
  const lines = await list.getByTestId('print-list-line').count();
  expect(lines).toBeGreaterThanOrEqual(1);
  await expect(list.getByTestId('print-list-count')).toHaveText(`共 ${lines} 次走访`);
  await expect(list.getByTestId('print-list-line').filter({ hasText: name })).not.toHaveCount(0);
  await screenshot(page, '103-print-visit-list');
  const listPdf = await printed(page, '103-print-visit-list');
  expectA4Portrait(listPdf);
  for (const text of ['走访清单', todayZh, `共${lines}次走访`, name]) expect(listPdf.text).toContain(text.replace(/\s+/g, ''));

  // The week's list holds the day's and perhaps more.
  await page.goto('/#/today');
  await page.getByTestId('print-list-open').hover();
  await page.getByTestId('print-list-week').click();
  await expect(page).toHaveURL(/week=1/);
  await expect(page.getByTestId('print-visit-list')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('print-list-period')).toContainText('至');
  const weekLines = await page.getByTestId('print-list-line').count();
  expect(weekLines).toBeGreaterThanOrEqual(lines);
  await expect(page.getByTestId('print-list-count')).toHaveText(`共 ${weekLines} 次走访`);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, '104-print-visit-list-week-print-media');
});

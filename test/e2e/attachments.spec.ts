import { type Page, expect } from '@playwright/test';
import { newClockedContext, test } from './support/test';
import { screenshot, startWithDemoData } from './support/demo';
import { signInApi } from './support/api';
import { signIn, waitUntilSynced } from './support/session';
import { confirmSaved } from './support/visitSave';
import { e2eNow } from './support/clock';
import { shanghaiDate } from '../../shared/calendar/shanghai';
import { readXlsx, sheetRecords } from '../support/xlsxReader';
import { readFile } from 'node:fs/promises';

/**
 * Issue 15: photos on a visit, from the caseworker's computer to the supervisor's. Taken while
 * offline, they show at once and after a reload; their bytes are never in clear in IndexedDB;
 * back online they go up with the sync; the district supervisor's computer shows the
 * thumbnails and opens an original.
 */

/** A camera-sized JPEG drawn in the page (3200 × 2400, a gradient and a label), as picked files are. */
async function cameraJpeg(page: Page, label: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const dataUrl = await page.evaluate((text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 3200;
    canvas.height = 2400;
    const g = canvas.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 3200, 2400);
    grad.addColorStop(0, '#2f6fb5');
    grad.addColorStop(1, '#f2c14e');
    g.fillStyle = grad;
    g.fillRect(0, 0, 3200, 2400);
    for (let i = 0; i < 400; i++) {
      g.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
      g.fillRect((i * 97) % 3200, (i * 53) % 2400, 60, 60);
    }
    g.fillStyle = '#fff';
    g.font = 'bold 240px sans-serif';
    // The name, and its length in Latin digits too: the same picture whatever font is installed.
    g.fillText(`${text} ${text.length}${text.charCodeAt(0)}`, 200, 1300);
    return canvas.toDataURL('image/jpeg', 0.95);
  }, label);
  return { name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(dataUrl.split(',')[1]!, 'base64') };
}

/** Every byte value of every IndexedDB store of the page's origin that starts like a JPEG, PNG or PDF. */
async function clearImageValues(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const magic = [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47],
      [0x25, 0x50, 0x44, 0x46],
    ];
    let found = 0;
    const visit = (v: unknown): void => {
      if (v instanceof Uint8Array || v instanceof ArrayBuffer) {
        const b = v instanceof Uint8Array ? v : new Uint8Array(v);
        if (magic.some((m) => m.every((x, i) => b[i] === x))) found += 1;
      } else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error(String(req.error)));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(new Error(String(req.error)));
        });
        rows.forEach(visit);
      }
      db.close();
    }
    return found;
  });
}

test('photos on a visit and a signed aid line: taken offline, kept across a reload, uploaded on reconnect, seen by the supervisor', async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  // The district's visits with photo evidence this week, before: the report must show one more.
  const week = shanghaiDate(e2eNow().toISOString());
  const supervisorApi = await signInApi(request, 'demo-supervisor', 'e2e-attachments-review');
  const photosThisWeek = async (): Promise<number> => {
    const r = await supervisorApi.call('review', { week });
    if (!r.ok) throw new Error(r.error.code);
    return r.value.stations.reduce((n, s) => n + s.visitsWithPhotos, 0);
  };
  const photosBefore = await photosThisWeek();
  await signIn(page, 'demo-caseworker');
  await waitUntilSynced(page);
  await page.goto('/#/caseload');
  await page.getByTestId('caseload-row').first().click();
  await expect(page).toHaveURL(/#\/recipients\/[0-9a-f-]{36}/);
  const profileUrl = page.url();

  await page.context().setOffline(true);
  await page.getByTestId('profile-log-visit').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();
  const files = [await cameraJpeg(page, '门口'), await cameraJpeg(page, '客厅')];
  expect(files[0]!.buffer.length).toBeGreaterThan(400_000);
  const photoCard = page.getByTestId('visit-photos');
  await photoCard.getByTestId('attachment-input').setInputFiles(files);
  await expect(photoCard.getByTestId('attachment-thumb')).toHaveCount(2, { timeout: 30_000 });
  await photoCard.scrollIntoViewIfNeeded();
  await screenshot(page, '90-visit-photos-picked');

  // Condolence money, signed for on screen.
  await page.getByTestId('add-aid').click();
  await page.getByTestId('aid-0-amount').fill('500');
  await page.getByTestId('aid-0-sign').click();
  const pad = page.getByTestId('signature-canvas');
  await expect(pad).toBeVisible();
  // The dialog zooms in: draw once it stands still (the same box twice, 200 ms apart).
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
  for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 40 + i * 18, box.y + 150 - Math.sin(i / 3) * 70, { steps: 2 });
  await page.mouse.up();
  await screenshot(page, '93-aid-signature-pad');
  await page.getByTestId('signature-accept').click();
  await expect(page.getByTestId('aid-0-signed')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('aid-0-receipt').getByTestId('aid-signature-preview')).toBeVisible();
  await page.getByTestId('aid-0-receipt').scrollIntoViewIfNeeded();
  await screenshot(page, '94-aid-signed');
  // A reload before saving (a crash, a closed window) keeps the photos and the signature with the draft.
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible({ timeout: 30_000 });
  await expect(photoCard.getByTestId('attachment-thumb')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('aid-0-signed')).toBeVisible();
  await expect(page.getByTestId('aid-0-amount')).toHaveValue('500');
  const notes = `带照片的走访 e2e-${Date.now()}`;
  await page.getByTestId('visit-notes').fill(notes);
  await page.getByTestId('visit-notes').focus();
  await page.keyboard.press('Control+s');
  await confirmSaved(page, /帮扶 1 条.*照片与材料 2 份/);

  // On the profile at once, from this device, offline.
  await page.goto(profileUrl);
  const visit = page.getByTestId('timeline-visit').filter({ hasText: notes });
  await expect(visit.getByTestId('attachment-tile')).toHaveCount(2);
  await expect(visit.locator('[data-testid="attachment-tile"][data-state="ready"]')).toHaveCount(2);
  const signedAid = page
    .getByTestId('timeline-aid')
    .filter({ has: page.getByTestId('attachment') })
    .first();
  await expect(signedAid.locator('[data-testid="attachment-tile"][data-state="ready"]')).toHaveCount(1);
  // Still only on this computer: the record says so.
  await expect(visit.getByTestId('attachment-uploading')).toHaveCount(2);
  expect(await clearImageValues(page)).toBe(0);

  // The Sync screen says what waits to go up.
  await page.goto('/#/sync');
  await expect(page.getByTestId('sync-uploads-waiting')).toContainText('6');
  await screenshot(page, '95-sync-uploads-waiting');
  await page.goto(profileUrl);

  // A reload (still offline) keeps them; the bytes went through the at-rest seal.
  await page.context().setOffline(false);
  await page.reload();
  await expect(visit.locator('[data-testid="attachment-tile"][data-state="ready"]')).toHaveCount(2, { timeout: 30_000 });
  await visit.scrollIntoViewIfNeeded();
  await screenshot(page, '91-profile-visit-photos');
  const ids = [
    ...(await visit.getByTestId('attachment').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!))),
    ...(await signedAid.getByTestId('attachment').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!))),
  ];
  expect(ids).toHaveLength(3);

  // Back online: the sync takes the rows up, then the bytes; nothing waits any more.
  await waitUntilSynced(page);
  await expect(page.getByTestId('sync-uploads')).toHaveCount(0, { timeout: 60_000 });
  await expect(visit.getByTestId('attachment-uploading')).toHaveCount(0, { timeout: 30_000 });
  const checker = await signInApi(request, 'demo-supervisor', 'e2e-attachments-check');
  for (const id of ids) {
    await expect
      .poll(
        async () => {
          const s = await checker.call('attachmentStatus', { id });
          return s.ok ? s.value.original.arrived && s.value.thumb?.arrived === true : s.error.code;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
  }

  // Settings → storage: this computer's photos, none waiting any more.
  await page.goto('/#/settings');
  const usage = page.getByTestId('attachment-storage-card');
  await expect(usage.getByTestId('attachment-usage-originals')).toHaveText(/^3 个/);
  await expect(usage.getByTestId('attachment-usage-thumbnails')).toHaveText(/^3 个/);
  await expect(usage.getByTestId('attachment-usage-awaiting')).not.toContainText(/\d/);
  await page.getByTestId('keep-originals').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '30' }).first().click();
  await expect(usage.getByTestId('attachment-usage-droppable')).toBeVisible();
  await usage.scrollIntoViewIfNeeded();
  await screenshot(page, '97-settings-attachment-storage');

  // The district supervisor's computer: the thumbnails come down on demand; an original opens.
  const second = await newClockedContext(browser);
  const other = await second.newPage();
  await signIn(other, 'demo-supervisor');
  await waitUntilSynced(other);
  await other.goto(profileUrl.replace(/^.*#/, '/#'));
  const theirs = other.getByTestId('timeline-visit').filter({ hasText: notes });
  await expect(theirs.locator('[data-testid="attachment-tile"][data-state="ready"]')).toHaveCount(2, { timeout: 30_000 });
  const theirAid = other
    .getByTestId('timeline-aid')
    .filter({ has: other.getByTestId('attachment') })
    .first();
  await expect(theirAid.locator('[data-testid="attachment-tile"][data-state="ready"]')).toHaveCount(1, { timeout: 30_000 });
  await theirs.getByTestId('attachment-thumbnail').first().click();
  const preview = other.locator('.ant-image-preview-img');
  await expect(preview).toBeVisible();
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 30_000 })
    .toBe(1600);
  await screenshot(other, '92-supervisor-opens-original');
  await other.keyboard.press('Escape');

  // The printed weekly report counts the visit with photo evidence, as the server does.
  expect(await photosThisWeek()).toBe(photosBefore + 1);
  await other.goto('/#/review');
  await other.getByTestId('review-print').click();
  await expect(other.getByTestId('review-print-page')).toBeVisible();
  await expect(other.getByTestId('review-photos-total')).toHaveText(String(photosBefore + 1), { timeout: 60_000 });
  await other.getByTestId('review-photos-total').scrollIntoViewIfNeeded();
  await screenshot(other, '97-review-print-photo-evidence');

  // The ledger: the visit's row counts its two photos; the person's case file has the signature too.
  await other.goto('/#/ledger');
  const exportButton = other.getByRole('button', { name: /导出台账/ });
  await expect(exportButton).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([other.waitForEvent('download'), exportButton.click()]);
  const file = testInfo.outputPath('ledger.xlsx');
  await download.saveAs(file);
  const sheets = Object.fromEntries(readXlsx(await readFile(file)).map((sh) => [sh.name, sheetRecords(sh)]));
  const row = sheets['走访记录']!.find((v) => v['情况记录'] === notes);
  expect(Number(row?.['附件数'])).toBe(2);
  // The same person on the other sheets (ID numbers masked in this file: name and masked number).
  const samePerson = (r: Record<string, unknown>) => r['身份证号'] === row?.['身份证号'] && r['姓名'] === row?.['姓名'];
  expect(sheets['帮扶记录']!.filter((a) => samePerson(a) && Number(a['附件数']) === 1).length).toBeGreaterThanOrEqual(1);
  expect(Number(sheets['优抚对象']!.find(samePerson)?.['资料数'])).toBeGreaterThanOrEqual(3);
  await screenshot(other, '98-ledger-with-evidence');
  await second.close();
});

test('the profile’s documents: a certificate added, listed by kind, withdrawn with a reason and kept', async ({ page }) => {
  await startWithDemoData(page, { recipients: 50, path: '/caseload' });
  await page.getByTestId('caseload-row').first().click();
  const docs = page.getByTestId('recipient-documents');
  await docs.scrollIntoViewIfNeeded();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await docs.getByTestId('attachment-input').setInputFiles({ name: '立功证书.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(docs.getByTestId('attachment-thumb')).toHaveCount(1);
  // A file that is neither a photo nor a PDF is refused by name, whatever it calls itself.
  await docs
    .getByTestId('attachment-input')
    .setInputFiles({ name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture') });
  await expect(docs.getByTestId('attachment-error')).toBeVisible();
  await docs.getByTestId('documents-save').click();
  const group = docs.locator('[data-testid="documents-group"][data-kind="certificate"]');
  await expect(group.getByTestId('attachment')).toHaveCount(1);
  await screenshot(page, '96-profile-documents');
  await group.getByTestId('attachment-withdraw').click();
  await page.getByTestId('attachment-withdraw-reason').fill('传错了对象');
  await page.getByTestId('attachment-withdraw-confirm').click();
  await expect(group.getByText('传错了对象')).toBeVisible();
  await expect(group.getByTestId('attachment-withdraw')).toHaveCount(0);
  await expect(group.getByTestId('attachment')).toHaveCount(1);
});

test('an aid line signed for after the visit, and papers added to a request', async ({ page }) => {
  await startWithDemoData(page, { recipients: 50, path: '/caseload' });
  await page.getByTestId('caseload-row').first().click();
  await expect(page).toHaveURL(/#\/recipients\/[0-9a-f-]{36}/);
  const profileUrl = page.url();

  // The visit's aid handed out with no signature yet (the receipt comes back later).
  await page.getByTestId('profile-log-visit').click();
  await page.getByTestId('add-aid').click();
  await page.getByTestId('aid-0-amount').fill('300');
  await page.getByRole('checkbox', { name: '对象已签收' }).uncheck();
  // A need raised on the visit becomes a request, which takes papers later.
  await page.getByTestId('add-need').click();
  const need = `屋顶漏水需维修 e2e-${Date.now()}`;
  await page.getByTestId('need-0-description').fill(need);
  const notes = `补签收 e2e-${Date.now()}`;
  await page.getByTestId('visit-notes').fill(notes);
  await page.getByTestId('visit-notes').focus();
  await page.keyboard.press('Control+s');
  await confirmSaved(page, /帮扶 1 条，诉求 1 条/);
  await page.goto(profileUrl);

  const line = page
    .getByTestId('timeline-aid')
    .filter({ has: page.getByTestId('aid-unacknowledged') })
    .filter({ hasText: '300' })
    .first();
  await expect(line).toBeVisible();
  await line.getByTestId('aid-sign-later').click();
  const dialog = page.getByTestId('add-attachments');
  await expect(dialog).toBeVisible();
  // Nothing picked: a clear sentence, nothing written.
  await page.getByTestId('add-attachments-save').click();
  await expect(page.getByTestId('add-attachments-error')).toBeVisible();
  await dialog.getByTestId('attachment-input').setInputFiles([await cameraJpeg(page, '签收单')]);
  await expect(dialog.getByTestId('attachment-thumb')).toHaveCount(1, { timeout: 30_000 });
  await screenshot(page, '99-aid-sign-later');
  await page.getByTestId('add-attachments-save').click();
  await expect(dialog).toBeHidden();
  const signed = page
    .getByTestId('timeline-aid')
    .filter({ hasText: '300' })
    .filter({ has: page.getByTestId('attachment') })
    .first();
  await expect(signed.getByTestId('aid-acknowledged')).toBeVisible();
  await expect(signed.locator('[data-testid="attachment-tile"][data-state="ready"]')).toHaveCount(1);
  await expect(signed.getByTestId('aid-sign-later')).toHaveCount(0);

  // The request's papers: a PDF quote for the repair.
  const request = page.getByTestId('timeline-request').filter({ hasText: need });
  await request.getByTestId('request-add-attachments').click();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await page
    .getByTestId('add-attachments')
    .getByTestId('attachment-input')
    .setInputFiles({ name: '维修报价.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByTestId('add-attachments').getByTestId('attachment-thumb')).toHaveCount(1);
  await page.getByTestId('add-attachments-save').click();
  await expect(request.getByTestId('attachment')).toHaveCount(1);
  await signed.scrollIntoViewIfNeeded();
  await screenshot(page, '99-aid-signed-later');
  await request.scrollIntoViewIfNeeded();
  await screenshot(page, '99-request-papers');
});

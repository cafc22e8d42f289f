import { writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { test } from './support/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { addDays, mondayOf, todayInShanghai } from '../../shared/calendar/shanghai';
import { stationsAtLevel } from '../../shared/stations/tree';
import { e2eNow } from './support/clock';
import { SCREENSHOT_DIR, screenshot } from './support/demo';
import { signIn, waitUntilSynced } from './support/session';

/**
 * Issue 19: the printed weekly report (A4) came out as one page, the shell's fixed-height
 * scrolling area cutting it after 22 of the district's 93 communities, without the charts or
 * the sign-off. The PDF Chromium prints must hold every row, the sign-off and the charts.
 *
 * In English, so the checks do not depend on a CJK font (without one, Chromium prints Chinese
 * as empty boxes and the PDF has no text for it): every table row is counted by its aid cell
 * ("n / ¥x.xx"). Where a CJK font is installed the community names are checked as well.
 */
const DISTRICT = '440304';

test('the printed weekly report has every community of the district, the sign-off and the charts', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByTestId('login-screen').getByText('English', { exact: true }).click();
  await signIn(page, 'demo-supervisor');
  await waitUntilSynced(page);
  // The week signed off first: the paper carries the signature and the comment. The week before
  // the run's, this spec's own: supervisor.spec signs off the run's week of the same district.
  const week = addDays(mondayOf(todayInShanghai(e2eNow())), -7);
  const comment = `Week reviewed, follow up the overdue heroes e2e-${Date.now()}`;
  await page.goto(`/#/review?week=${week}`);
  await page.getByTestId('signoff-comment').fill(comment);
  await page.getByTestId('signoff-submit').click();
  await expect(page.getByTestId('signoff-shown')).toContainText(comment);
  await page.getByTestId('review-print').click();
  await expect(page.getByTestId('review-print-page')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`week=${week}`));
  const table = page.getByTestId('review-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('chart-visits').locator('svg')).toBeVisible();
  const communities = stationsAtLevel('community', DISTRICT);
  expect(communities.length).toBe(93);
  const aidCells = await table
    .locator('td')
    .filter({ hasText: /^\d+ \/ ¥[\d,]+\.\d\d$/ })
    .count();
  expect(aidCells).toBeGreaterThan(communities.length);
  const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SCREENSHOT_DIR}/72-review-print.pdf`, pdf);
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, '70-review-print-media-top');
  await page.getByTestId('chart-visits').scrollIntoViewIfNeeded();
  await screenshot(page, '71-review-print-media-end');
  const pages = text.map((p) => p.replace(/\s+/g, ''));
  const all = pages.join('');
  expect(totalPages).toBeGreaterThan(1);
  // Every row of the table, street subtotals and the total included, is on paper.
  expect(all.split('/¥').length - 1).toBe(aidCells);
  // The sign-off block and the three charts (their titles; the SVG charts' axis text is there too).
  expect(all).toContain('Sign-offoftheweek');
  expect(all).toContain(comment.replace(/\s+/g, ''));
  for (const title of ['Visitcoveragebystation(%)', 'Aidoverthelast12months(yuan,byfund)', 'Visitsperweekoverthelastyear'])
    expect(all).toContain(title);
  // The table's header is repeated on each page the table runs over (thead as a table-header-group).
  expect(pages.filter((p) => p.includes('Visitsdue') && p.includes('Openrequests')).length).toBeGreaterThan(1);
  if (/[\u4e00-\u9fff]/.test(all)) {
    expect(communities.filter((c) => !all.includes(c.name)).map((c) => c.name)).toEqual([]);
  }
});

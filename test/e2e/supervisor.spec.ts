import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect } from '@playwright/test';
import { newClockedContext, test } from './support/test';
import { addDays, todayInShanghai } from '../../shared/calendar/shanghai';
import { MutationFactory, dutyFields, occurrenceFields, recipientFields } from '../support/fixtures';
import { e2eNow } from './support/clock';
import { screenshot } from './support/demo';
import { signIn, waitUntilSynced } from './support/session';
import { signInApi, pullUntil } from './support/api';
import type { ApiClient } from '../../shared/api/client';
import { type Mutation, type PushResponse, PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';

/**
 * Issue 6's end-to-end: a district supervisor signs in and syncs, sees the community with an
 * overdue hero duty highlighted in the weekly review, drills down, resolves a conflict on the
 * quality page, signs off the week, opens the printable report, and exports the ledger.
 *
 * The spec brings its own hero: a combat hero in 华新社区 (no demo recipients there, and no other
 * spec writes there), whose monthly home visit is 10 days overdue on the run's day. The demo
 * hero in the caseworker's community is left to the specs that log visits for it.
 */
const HERO_COMMUNITY = '440304001003';
const HERO_NAME = '赵卫国';
const CASEWORKER_COMMUNITY = '440304001001';

const signInAs = (request: APIRequestContext, username: string) => signInApi(request, username, `e2e-${randomUUID()}`);

async function pushOk(api: ApiClient, clientId: string, mutations: Mutation[]): Promise<PushResponse> {
  const res = await api.call('push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId, mutations });
  if (!res.ok) throw new Error(`push failed: ${res.error.code} ${res.error.message}`);
  return res.value;
}

/** Two devices of the caseworker change one recipient's address from the same revision: a conflict. */
async function makeConflict(request: APIRequestContext): Promise<string> {
  const api = await signInAs(request, 'demo-caseworker');
  const now = e2eNow;
  const a = new MutationFactory(`e2e-a-${randomUUID()}`, now);
  const b = new MutationFactory(`e2e-b-${randomUUID()}`, now);
  const rowId = randomUUID();
  const name = '冲突测试';
  await pushOk(api, a.clientId, [a.upsert('recipients', rowId, recipientFields(CASEWORKER_COMMUNITY, { name, address: '园岭新村 1 栋' }))]);
  const editA = a.upsert('recipients', rowId, { address: '园岭新村 2 栋（甲设备）' }, 1);
  await new Promise((r) => setTimeout(r, 20));
  const editB = b.upsert('recipients', rowId, { address: '园岭新村 3 栋（乙设备）' }, 1);
  await pushOk(api, b.clientId, [editB]);
  const merged = await pushOk(api, a.clientId, [editA]);
  expect(merged.results[0]?.status).toBe('merged');
  return name;
}

/** The spec's hero, pushed by the district supervisor: a monthly home visit due 10 days ago, not done. */
async function makeOverdueHero(request: APIRequestContext): Promise<void> {
  const api = await signInAs(request, 'demo-supervisor');
  const m = new MutationFactory(`e2e-hero-${randomUUID()}`, e2eNow);
  const recipientId = randomUUID();
  const dutyId = randomUUID();
  const due = addDays(todayInShanghai(e2eNow()), -10);
  const pushed = await pushOk(api, m.clientId, [
    m.upsert(
      'recipients',
      recipientId,
      recipientFields(HERO_COMMUNITY, { name: HERO_NAME, address: '华新村 3 栋', categories: [{ code: 'combat_hero' }] }),
    ),
    m.upsert('duties', dutyId, dutyFields(recipientId, HERO_COMMUNITY, { kind: 'home_visit', anchorDate: due })),
    m.upsert('dutyOccurrences', randomUUID(), occurrenceFields(dutyId, recipientId, HERO_COMMUNITY, { dueDate: due })),
  ]);
  expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
}

test('a supervisor reviews the week, resolves a conflict, signs off, prints the report and exports the ledger', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  await makeConflict(request);
  await makeOverdueHero(request);
  await signIn(page, 'demo-supervisor');
  await expect(page.getByTestId('nav-review')).toBeVisible();
  await expect(page.getByTestId('nav-quality')).toBeVisible();
  await waitUntilSynced(page);

  // The review: figures from the server, the hero community highlighted and first in its street.
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('review-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('review-source')).toHaveAttribute('data-source', 'server');
  const heroRow = page.locator(`tr[data-row-key="${HERO_COMMUNITY}"]`);
  await expect(heroRow).toHaveClass(/yf-review-hero/);
  await expect(page.getByTestId(`review-hero-overdue-${HERO_COMMUNITY}`)).toContainText('英雄逾期');
  await expect(page.getByTestId('chart-coverage').locator('svg')).toBeVisible();
  await screenshot(page, '60-review-district');

  // Drill down into the community: its overdue duties, heroes first, link to the profiles.
  await page.getByTestId(`review-drill-${HERO_COMMUNITY}`).click();
  await expect(page.getByTestId('review-drill-page')).toBeVisible();
  const heroDuty = page.getByTestId('review-drill-page').locator('.yf-review-hero');
  await expect(heroDuty).toHaveCount(1);
  await expect(heroDuty).toContainText(HERO_NAME);
  await expect(heroDuty).toContainText('入户走访');
  await expect(heroDuty.locator('td').last()).toHaveText('10');
  await screenshot(page, '61-review-drill');

  // Offline, the same review comes from the local database.
  await page.context().setOffline(true);
  await page.goto('/#/review');
  await expect(page.getByTestId('review-source')).toHaveAttribute('data-source', 'local', { timeout: 60_000 });
  await expect(page.locator(`tr[data-row-key="${HERO_COMMUNITY}"]`)).toHaveClass(/yf-review-hero/);
  await screenshot(page, '62-review-offline-local');
  await page.context().setOffline(false);

  // Conflicts and data quality: keep the current value of the conflict.
  await page.goto('/#/quality');
  await expect(page.getByTestId('quality-page')).toBeVisible();
  const keep = page.locator('[data-testid^="conflict-keep-"]').first();
  await expect(keep).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('quality-no-contact')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, '63-quality-before');
  const before = await page.locator('[data-testid^="conflict-keep-"]').count();
  await keep.click();
  await expect(page.getByTestId('conflicts-notice')).toBeVisible();
  await expect(page.locator('[data-testid^="conflict-keep-"]')).toHaveCount(before - 1);
  await screenshot(page, '64-quality-resolved');

  // Sign off the week with a comment; it is shown, then synced for the city to see.
  await page.goto('/#/review');
  await expect(page.getByTestId('review-table')).toBeVisible({ timeout: 60_000 });
  const comment = `本周福田区走访总体正常，园岭街道英雄逾期需跟进 e2e-${Date.now()}`;
  await page.getByTestId('signoff-comment').fill(comment);
  await page.getByTestId('signoff-submit').click();
  await expect(page.getByTestId('signoff-shown')).toContainText(comment);
  await expect(page.getByTestId('signoff-shown')).toContainText('黄志强');
  await page.getByTestId('signoff-card').scrollIntoViewIfNeeded();
  await screenshot(page, '65-review-signed');
  await waitUntilSynced(page);
  const adminApi = await signInAs(request, 'demo-admin');
  const seen = await pullUntil(adminApi, (p) => p.changes.some((c) => c.table === 'signoffs' && c.row?.comment === comment), 5000, 200);
  expect(seen).toBe(true);

  // The printable report: the table and the charts, no navigation in print.
  await page.goto('/#/review');
  await page.getByTestId('review-print').click();
  await expect(page.getByTestId('review-print-page')).toBeVisible();
  await expect(page.getByTestId('review-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('chart-visits').locator('svg')).toBeVisible();
  await screenshot(page, '66-review-print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.ant-layout-sider')).toBeHidden();
  await screenshot(page, '67-review-print-media');
  await page.emulateMedia({ media: 'screen' });

  // The city administrator sees the district's sign-off in the city review.
  const adminContext = await newClockedContext(browser);
  const admin = await adminContext.newPage();
  await signIn(admin, 'demo-admin');
  await waitUntilSynced(admin);
  await admin.goto('/#/review');
  await expect(admin.getByTestId('review-table')).toBeVisible({ timeout: 60_000 });
  await expect(admin.getByTestId('district-signoffs')).toContainText(comment);
  await admin.getByTestId('district-signoffs').scrollIntoViewIfNeeded();
  await screenshot(admin, '68-review-city-signoffs');
  await adminContext.close();

  // LAST: the Excel ledger (issue 6 item 5, built beside this) downloads from #/ledger.
  await page.goto('/#/ledger');
  const exportButton = page.getByRole('button', { name: /导出台账/ });
  await expect(exportButton).toBeVisible({ timeout: 30_000 });
  const download = page.waitForEvent('download');
  await exportButton.click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await screenshot(page, '69-ledger-exported');
});

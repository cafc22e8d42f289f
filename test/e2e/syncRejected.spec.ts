import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { test } from './support/test';
import { encodeHlc } from '../../shared/sync/hlc';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { e2eNow } from './support/clock';
import { screenshot } from './support/demo';
import { signIn, waitUntilSynced } from './support/session';
import { confirmSaved } from './support/visitSave';

/**
 * Issue 13, findings 1 and 10 as the caseworker sees them: a visit logged offline for a recipient
 * whom the district supervisor moved to another community meanwhile is refused by the server;
 * the Sync page lists it per record, with what it changed and why, and the recipient leaves.
 */
test('an edit the server refuses is listed on the Sync page per record', async ({ page, request }) => {
  await signIn(page, 'demo-caseworker');
  await waitUntilSynced(page);
  await page.goto('/#/caseload');
  await page.getByTestId('caseload-row').first().click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible({ timeout: 30_000 });
  const recipientId = /#\/recipients\/([^?]+)/.exec(page.url())?.[1];
  expect(recipientId).toBeTruthy();

  // Offline, the caseworker logs a phone call.
  await page.context().setOffline(true);
  await page.goto(`/#/visit/new?recipient=${recipientId}`);
  await page.getByTestId('visit-mode').getByText('电话联系').click();
  await page.getByTestId('visit-notes').fill(`电话回访 e2e-${Date.now()}`);
  await page.getByTestId('visit-save').click();
  await confirmSaved(page);

  // Meanwhile the district supervisor moves the recipient to the next community.
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'demo-supervisor', password: 'demo-pass', deviceId: `e2e-mover-${randomUUID().slice(0, 8)}` },
  });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  let rev: number | null = null;
  for (let cursor = 0, more = true; more && rev === null;) {
    const res = await request.get(`/api/v1/sync/pull?cursor=${cursor}&limit=5000`, { headers });
    const body = (await res.json()) as { changes: { table: string; rowId: string; rev: number }[]; cursor: number; hasMore: boolean };
    rev = body.changes.find((c) => c.table === 'recipients' && c.rowId === recipientId)?.rev ?? null;
    cursor = body.cursor;
    more = body.hasMore;
  }
  expect(rev).not.toBeNull();
  const clientId = `e2e-mover-${randomUUID()}`;
  const moved = await request.post('/api/v1/sync/push', {
    headers,
    data: {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId,
      mutations: [
        {
          id: randomUUID(),
          seq: 1,
          table: 'recipients',
          rowId: recipientId,
          op: 'upsert',
          fields: { stationCode: '440304001002' },
          baseRev: rev,
          hlc: encodeHlc({ millis: e2eNow().getTime(), counter: 0, node: clientId }),
        },
      ],
    },
  });
  expect(moved.ok()).toBe(true);
  expect(((await moved.json()) as { results: { status: string }[] }).results[0]?.status).toMatch(/applied|merged/);

  // Back online: the push is refused record by record, and the Sync page says so.
  await page.context().setOffline(false);
  await page.goto('/#/sync');
  const refused = page.getByTestId('sync-rejected');
  await expect(refused).toBeVisible({ timeout: 90_000 });
  const visitLine = refused.locator('tr', { hasText: '走访' });
  await expect(visitLine).toHaveCount(1);
  await expect(visitLine.getByTestId('sync-rejected-reason')).toContainText('无权访问该服务站的数据');
  // The visit was new: nothing of it reached the server.
  await expect(visitLine).toContainText('新录入的记录');
  await expect(page.getByTestId('sync-pending')).toContainText('0', { timeout: 60_000 });
  await screenshot(page, '53-sync-refused-per-record-zh');
});

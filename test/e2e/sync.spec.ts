import { type APIRequestContext, expect } from '@playwright/test';
import { newClockedContext, test } from './support/test';
import { screenshot } from './support/demo';
import { signIn, waitUntilSynced } from './support/session';
import { confirmSaved } from './support/visitSave';

/**
 * Issue 4's end-to-end: sign in to a local central server, bootstrap, go offline, log a visit,
 * come back online, and see the visit on the server and on a second client.
 */
test('a wrong password gets a clear zh-CN message and no session', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('login-username').fill('demo-caseworker');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码不正确');
  await expect(page.getByTestId('nav-today')).toHaveCount(0);
});

test('sign in, bootstrap, log a visit offline, come back online: the server and a second client have it', async ({
  page,
  browser,
  request,
}) => {
  await signIn(page, 'demo-caseworker');
  await waitUntilSynced(page);
  await screenshot(page, '50-sync-after-bootstrap');

  await page.goto('/#/today');
  const firstRow = page.getByTestId('today-row').first();
  await expect(firstRow).toBeVisible({ timeout: 30_000 });

  // The network goes away; the caseworker keeps working.
  await page.context().setOffline(true);
  await expect(page.getByTestId('online-indicator')).toHaveAttribute('data-online', 'false');
  await firstRow.getByTestId('log-visit').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();
  await page.getByTestId('visit-mode').getByText('电话联系').click();
  const notes = `离线电话联系，情况稳定 e2e-${Date.now()}`;
  await page.getByTestId('visit-notes').fill(notes);
  await page.getByTestId('visit-notes').focus();
  await page.keyboard.press('Control+s');
  await confirmSaved(page);

  await page.goto('/#/sync');
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('sync-pending')).not.toContainText(/^0$/);
  await screenshot(page, '51-sync-offline-pending');

  // Back online: the scheduler syncs on reconnect, and the outbox drains.
  await page.context().setOffline(false);
  await expect(page.getByTestId('sync-pending')).toContainText('0', { timeout: 60_000 });
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  await screenshot(page, '52-sync-back-online');

  // On the server: the district supervisor's pull contains the visit.
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'demo-supervisor', password: 'demo-pass', deviceId: 'e2e-check-device' },
  });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  let cursor = 0;
  let found = false;
  for (let page = 0; page < 100 && !found; page++) {
    const res = await request.get(`/api/v1/sync/pull?cursor=${cursor}&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { changes: { table: string; row: { notes?: string } | null }[]; cursor: number; hasMore: boolean };
    found = body.changes.some((c) => c.table === 'visits' && c.row?.notes === notes);
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  expect(found).toBe(true);

  // A second client (a fresh browser profile) signs in and sees the visit in the timeline.
  const second = await newClockedContext(browser);
  const other = await second.newPage();
  await signIn(other, 'demo-caseworker');
  await waitUntilSynced(other);
  await other.goto('/#/caseload');
  const recipientLink = page.url();
  expect(recipientLink).toContain('#/sync');
  await other.goto(await profileUrlOfVisit(request, notes));
  await expect(other.getByTestId('timeline').getByTestId('timeline-visit').filter({ hasText: notes })).toBeVisible({ timeout: 30_000 });
  await screenshot(other, '53-second-client-timeline');
  await second.close();
});

/** The profile route of the recipient whose timeline holds the visit, read from the first client. */
/** The profile of the recipient a visit with these notes belongs to, found on the server (the local store keeps notes sealed). */
async function profileUrlOfVisit(request: APIRequestContext, notes: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'demo-supervisor', password: 'demo-pass', deviceId: 'e2e-check-device' },
  });
  const { token } = (await login.json()) as { token: string };
  let cursor = 0;
  let id: string | null = null;
  for (let n = 0; n < 100 && id === null; n++) {
    const res = await request.get(`/api/v1/sync/pull?cursor=${cursor}&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as {
      changes: { table: string; row: { notes?: string; recipientId?: string } | null }[];
      cursor: number;
      hasMore: boolean;
    };
    id = body.changes.find((c) => c.table === 'visits' && c.row?.notes === notes)?.row?.recipientId ?? null;
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  expect(id).toBeTruthy();
  return `/#/recipients/${id}`;
}

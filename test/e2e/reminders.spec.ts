import { type Page, expect } from '@playwright/test';
import { todayInShanghai } from '../../shared/calendar/shanghai';
import { DEMO_ACCOUNTS } from '../../shared/demo/accounts';
import type { Request } from '../../shared/domain/schemas';
import { isRequestOverdue } from '../../shared/requests/deadlines';
import { signInApi } from './support/api';
import { screenshot } from './support/demo';
import { E2E_WEB_URL } from './support/ports';
import { signIn } from './support/session';
import { test } from './support/test';

/**
 * Issue 16's morning reminder in the browser shell, on the run's clock: at the first unlock of
 * the day, one notification with the counts Today shows (heroes first) and the overdue requests;
 * a click opens Today; at 9:00 the next morning, another while the app stays open; none once the
 * setting is off.
 */

interface Captured {
  title: string;
  body: string;
}

declare global {
  interface Window {
    __notifications?: (Captured & { onclick: (() => void) | null })[];
  }
}

/**
 * The page's Notification replaced by a recorder before the app loads: each notification made
 * is kept, and a "click" calls the handler the app set, as the system would. The permission is
 * the context's grant as the Permissions API tells it: headless Chromium's own
 * `Notification.permission` answers 'denied' whatever the context grants (puppeteer#3279).
 */
function captureNotifications(): void {
  const real = window.Notification;
  const made: NonNullable<Window['__notifications']> = [];
  window.__notifications = made;
  let permission: NotificationPermission = 'default';
  void navigator.permissions.query({ name: 'notifications' }).then((status) => {
    const follow = (): void => {
      permission = status.state === 'prompt' ? 'default' : status.state;
    };
    follow();
    status.onchange = follow;
  });
  class Recorded {
    static get permission(): NotificationPermission {
      return permission;
    }
    static requestPermission(): Promise<NotificationPermission> {
      return real.requestPermission();
    }
    onclick: (() => void) | null = null;
    readonly title: string;
    readonly body: string;
    constructor(title: string, options?: NotificationOptions) {
      this.title = title;
      this.body = options?.body ?? '';
      made.push(this);
    }
    close(): void {}
  }
  Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
}

async function notifications(page: Page): Promise<Captured[]> {
  return page.evaluate(() => (window.__notifications ?? []).map((n) => ({ title: n.title, body: n.body })));
}

/** Today's list, all lines on one page: its counts as a person reads them off the screen. */
async function todayFigures(page: Page) {
  await page.goto('/#/today');
  const overdueCard = page.getByTestId('count-overdue').locator('.ant-statistic-content-value');
  await expect(overdueCard).toHaveText(/^\d+$/, { timeout: 30_000 });
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 30_000 });
  const sizeChanger = page.locator('.ant-pagination-options .ant-select');
  if ((await sizeChanger.count()) > 0) {
    await sizeChanger.click();
    await page.locator('.ant-select-item-option', { hasText: '200' }).click();
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 30_000 });
  }
  // "其中逾期 3" beside the open requests, shown only when some are overdue.
  const overdueRequestsTag = page.getByTestId('count-overdue-requests');
  const overdueRequests = (await overdueRequestsTag.count()) > 0 ? Number(/\d+/.exec(await overdueRequestsTag.innerText())?.[0]) : 0;
  const rows = page.getByTestId('today-row');
  const heroRows = page.locator('[data-testid="today-row"][data-hero="1"]');
  return {
    overdue: Number(await overdueCard.innerText()),
    overdueRequests,
    overdueRows: await rows.filter({ has: page.getByTestId('due-overdue') }).count(),
    dueToday: await rows.filter({ hasText: '今天到期' }).count(),
    heroOverdue: await heroRows.filter({ has: page.getByTestId('due-overdue') }).count(),
    heroDueToday: await heroRows.filter({ hasText: '今天到期' }).count(),
  };
}

/** Moves the page's clock to `hh:mm:ss` Shanghai time on `date`, then lets a minute and a half run (timers fire). */
async function morningOf(page: Page, date: string): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  const target = Date.parse(`${date}T08:59:30+08:00`);
  await page.clock.fastForward(target - now);
  await page.clock.runFor(90_000);
}

test('the morning notification counts what Today shows, opens Today, fires at 9:00 and stays off when turned off', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['notifications'], { origin: E2E_WEB_URL });
  await page.addInitScript(captureNotifications);
  await signIn(page, 'demo-caseworker');

  // The first unlock of the day: once the first download is in, one notification.
  await expect.poll(async () => (await notifications(page)).length, { timeout: 90_000 }).toBe(1);
  const [first] = await notifications(page);
  console.log(`reminder: ${first?.title} | ${first?.body.replaceAll('\n', ' | ')}`);

  const today = todayInShanghai(new Date(await page.evaluate(() => Date.now())));
  const figures = await todayFigures(page);
  expect(figures.overdueRows).toBe(figures.overdue);
  expect(figures.overdue).toBeGreaterThan(0);
  expect(first?.title).toBe(`今日待办：逾期 ${figures.overdue} 项，今天到期 ${figures.dueToday} 项`);
  const heroParts = [
    figures.heroOverdue > 0 ? `${figures.heroOverdue} 项逾期` : null,
    figures.heroDueToday > 0 ? `${figures.heroDueToday} 项今天到期` : null,
  ].filter((p) => p !== null);
  const lines = first?.body.split('\n') ?? [];
  // Heroes first when Today has any of theirs (earlier specs of a full run may have done them all).
  if (heroParts.length > 0) expect(lines[0]).toBe(`英雄 ${heroParts.join('，')}`);
  else expect(first?.body ?? '').not.toContain('英雄');

  // The overdue requests: as Today counts them, and as the server's rows of the station give them.
  const api = await signInApi(request, 'demo-caseworker', 'e2e-reminders-check');
  const requests: Request[] = [];
  for (let cursor = 0, more = true; more;) {
    const res = await api.call('pull', { cursor, limit: 5000 });
    if (!res.ok) throw new Error(res.error.code);
    for (const c of res.value.changes) if (c.table === 'requests' && c.row) requests.push(c.row as Request);
    cursor = res.value.cursor;
    more = res.value.hasMore;
  }
  const station = DEMO_ACCOUNTS.caseworker.stationCode;
  const overdueRequests = requests.filter((r) => r.stationCode.startsWith(station) && isRequestOverdue(r, today)).length;
  expect(figures.overdueRequests).toBe(overdueRequests);
  if (overdueRequests > 0) expect(lines).toContain(`逾期诉求 ${overdueRequests} 件`);
  else expect(first?.body).not.toContain('逾期诉求');

  // A click on it, from another screen: Today opens.
  await page.goto('/#/caseload');
  await expect(page).toHaveURL(/#\/caseload/);
  await page.evaluate(() => window.__notifications?.[0]?.onclick?.());
  await expect(page).toHaveURL(/#\/today/);
  await expect(page.getByTestId('count-overdue')).toBeVisible();

  // Reloading (a second unlock the same day) brings no second one.
  await page.reload();
  await expect(page.getByTestId('nav-today')).toBeVisible({ timeout: 30_000 });
  await page.clock.runFor(5_000);
  expect(await notifications(page)).toHaveLength(0);

  // The app left open overnight: at 9:00 the next morning, the timer brings the day's reminder.
  await morningOf(page, '2026-11-29');
  await expect.poll(async () => (await notifications(page)).length, { timeout: 30_000 }).toBe(1);
  const [nextMorning] = await notifications(page);
  expect(nextMorning?.title).toMatch(/^今日待办：逾期 \d+ 项，今天到期 \d+ 项$/);

  // Turned off in Settings: no notification the morning after.
  await page.goto('/#/settings');
  const card = page.getByTestId('reminder-card');
  await expect(card.getByTestId('reminder-last-shown')).toContainText('2026-11-29');
  const toggle = card.getByTestId('reminder-switch');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '112-settings-reminder-on-zh');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await screenshot(page, '113-settings-reminder-off-zh');
  await morningOf(page, '2026-11-30');
  await page.clock.runFor(5_000);
  expect(await notifications(page)).toHaveLength(1);

  // Back on the same morning: the day's reminder, owed, comes at once (the machinery was alive).
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await notifications(page)).length, { timeout: 30_000 }).toBe(2);
  await expect(card.getByTestId('reminder-last-shown')).toContainText('2026-11-30');
});

test('in a browser that refuses notifications, the setting says so and nothing is shown', async ({ page, context }) => {
  // The site's notifications blocked in the browser's settings (what a person's "Block" leaves).
  const cdp = await context.newCDPSession(page);
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  await cdp.send('Browser.setPermission', {
    permission: { name: 'notifications' },
    setting: 'denied',
    origin: E2E_WEB_URL,
    browserContextId: targetInfo.browserContextId,
  });
  await page.addInitScript(captureNotifications);
  await signIn(page, 'demo-caseworker');
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('reminder-card');
  await expect(card.getByTestId('reminder-switch')).toHaveAttribute('aria-checked', 'true');
  await expect(card.getByTestId('reminder-denied')).toContainText('浏览器已拒绝本站的通知权限');
  await expect(card.getByTestId('reminder-ask')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '114-settings-reminder-denied-zh');
  expect(await notifications(page)).toHaveLength(0);
  await expect(card.getByTestId('reminder-last-shown')).toHaveText('还没有提醒过');
});

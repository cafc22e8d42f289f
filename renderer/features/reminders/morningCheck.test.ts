import { afterEach, describe, expect, it } from 'vitest';
import { fromLunar, toLunar } from '../../../shared/duties';
import type { YoufuDb } from '../../db/handle';
import { loadTodayData, loadTodayDetails } from '../../db/queries/today';
import { readReminderSettings, writeRemindersEnabled } from '../../db/queries/reminders';
import { createRecipient } from '../../db/recipientRepository';
import { upsertRow } from '../../db/repository';
import { makeIdNumber, newTestDb, recipientInput, requestInput, testContext } from '../../db/testFixtures';
import { type MorningCheckContext, runMorningCheck } from './morningCheck';
import type { NotifyPermission, Notifier } from './notifier';
import type { ReminderText } from './reminderText';

const opened: YoufuDb[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const id = (n: number) => `33333333-0000-4000-8000-${String(n).padStart(12, '0')}`;
const STATION = '440304001001';
const TODAY = '2026-11-28';

/** A birth date in 1940 whose lunar birthday falls on `solar` this year. */
function lunarBirthOn(solar: string): string {
  const l = toLunar(solar);
  return fromLunar({ year: 1940, month: l.month, day: l.day, leap: false });
}

/**
 * Registered on the day given, so each one's first contact falls due then: a hero ten days
 * overdue, a family overdue, a disabled veteran due today; a lunar birthday in two days; a
 * recipient of another district; an overdue urgent request and a fresh normal one.
 */
async function station(): Promise<YoufuDb> {
  const db = newTestDb();
  opened.push(db);
  const ctx = testContext(db);
  const people = [
    { n: 1, at: '2026-11-18', categories: [{ code: 'combat_hero' as const }], birth: '19400315' },
    { n: 2, at: '2026-11-20', categories: [{ code: 'martyr_family' as const, relation: 'spouse' as const }], birth: '19400315' },
    { n: 3, at: TODAY, categories: [{ code: 'disabled_veteran' as const, disabilityGrade: 4 }], birth: '19400315' },
    {
      n: 4,
      at: TODAY,
      categories: [{ code: 'first_class_merit' as const }],
      birth: lunarBirthOn('2026-11-30').replaceAll('-', ''),
      lunarBirthday: true,
    },
    {
      n: 5,
      at: '2026-11-10',
      categories: [{ code: 'martyr_family' as const, relation: 'child' as const }],
      birth: '19400315',
      stationCode: '440305001001',
    },
  ];
  for (const p of people) {
    ctx.clock.ms = Date.parse(`${p.at}T09:00:00+08:00`);
    const r = await createRecipient(
      ctx,
      recipientInput(id(p.n), {
        categories: p.categories,
        idNumber: makeIdNumber(p.birth, String(100 + p.n)),
        stationCode: p.stationCode ?? STATION,
        lunarBirthday: p.lunarBirthday ?? false,
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  ctx.clock.ms = Date.parse(`${TODAY}T08:00:00+08:00`);
  await upsertRow(ctx, 'requests', requestInput(id(101), id(2), STATION, { urgency: 'critical', openedAt: '2026-11-25T10:00:00+08:00' }));
  await upsertRow(ctx, 'requests', requestInput(id(102), id(3), STATION, { urgency: 'normal', openedAt: '2026-11-27T10:00:00+08:00' }));
  return db;
}

function fakeNotifier(permission: NotifyPermission = 'granted', shows = true) {
  const shown: ReminderText[] = [];
  const notifier: Notifier = {
    permission: () => permission,
    requestPermission: () => Promise.resolve(permission),
    show: (text) => {
      shown.push(text);
      return Promise.resolve(shows);
    },
    onClicked: () => () => undefined,
    watchPermission: () => () => undefined,
  };
  return { notifier, shown };
}

function check(db: YoufuDb, notifier: Notifier, now: string, over: Partial<MorningCheckContext> = {}) {
  return runMorningCheck({
    db,
    stationPrefix: STATION,
    notifier,
    now: () => new Date(now),
    locale: () => 'zh',
    dataComplete: () => Promise.resolve(true),
    ...over,
  });
}

describe('the morning check', () => {
  it('shows the counts Today shows, heroes first, once a day', async () => {
    const db = await station();
    const { notifier, shown } = fakeNotifier();
    expect(await check(db, notifier, `${TODAY}T07:45:00+08:00`)).toBe('shown');
    // What the Today screen lists, line by line.
    const today = await loadTodayData(db, { stationPrefix: STATION, today: TODAY });
    const items = await loadTodayDetails(db, today.lines);
    const dueToday = items.filter((i) => i.occurrence.dueDate === TODAY);
    const heroOverdue = items.filter((i) => i.hero && i.overdue).length;
    const heroDueToday = dueToday.filter((i) => i.hero).length;
    expect([today.overdue, dueToday.length, heroOverdue, heroDueToday].every((n) => n > 0)).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe(`今日待办：逾期 ${today.overdue} 项，今天到期 ${dueToday.length} 项`);
    const lines = shown[0]?.body.split('\n') ?? [];
    expect(lines[0]).toBe(`英雄 ${heroOverdue} 项逾期，${heroDueToday} 项今天到期`);
    expect(lines).toContain('逾期诉求 1 件');
    expect(lines.at(-1)).toMatch(/^3 天内：.*生日慰问 1 项（农历 1 项）/);
    expect((await readReminderSettings(db)).lastShownDay).toBe(TODAY);

    // The 9:00 timer the same day, and a second unlock: already reminded.
    expect(await check(db, notifier, `${TODAY}T09:00:00+08:00`)).toBe('already_shown');
    expect(shown).toHaveLength(1);
    // The next morning it is owed again.
    expect(await check(db, notifier, '2026-11-29T09:00:00+08:00')).toBe('shown');
    expect(shown).toHaveLength(2);
  });

  it('counts only the session’s scope: another district’s overdue duty is not in it', async () => {
    const db = await station();
    const { notifier, shown } = fakeNotifier();
    await check(db, notifier, `${TODAY}T07:45:00+08:00`);
    const here = await loadTodayData(db, { stationPrefix: STATION, today: TODAY });
    const all = await loadTodayData(db, { stationPrefix: '4403', today: TODAY });
    expect(all.overdue).toBeGreaterThan(here.overdue);
    expect(shown[0]?.title).toContain(`逾期 ${here.overdue} 项`);
  });

  it('stays quiet when turned off, and the day stays owed for when it is turned back on', async () => {
    const db = await station();
    const { notifier, shown } = fakeNotifier();
    await writeRemindersEnabled(db, false);
    expect(await check(db, notifier, `${TODAY}T09:00:00+08:00`)).toBe('off');
    expect(shown).toHaveLength(0);
    await writeRemindersEnabled(db, true);
    expect(await check(db, notifier, `${TODAY}T09:30:00+08:00`)).toBe('shown');
  });

  it('waits for the first download, and for the browser’s permission, without marking the day', async () => {
    const db = await station();
    const granted = fakeNotifier();
    expect(await check(db, granted.notifier, `${TODAY}T09:00:00+08:00`, { dataComplete: () => Promise.resolve(false) })).toBe('incomplete');
    const notAsked = fakeNotifier('default');
    expect(await check(db, notAsked.notifier, `${TODAY}T09:00:00+08:00`)).toBe('needs_permission');
    const denied = fakeNotifier('denied');
    expect(await check(db, denied.notifier, `${TODAY}T09:00:00+08:00`)).toBe('not_shown');
    const failing = fakeNotifier('granted', false);
    expect(await check(db, failing.notifier, `${TODAY}T09:00:00+08:00`)).toBe('not_shown');
    expect(granted.shown.length + notAsked.shown.length + denied.shown.length).toBe(0);
    expect((await readReminderSettings(db)).lastShownDay).toBeNull();
  });

  it('writes English when the app is in English', async () => {
    const db = await station();
    const { notifier, shown } = fakeNotifier();
    await check(db, notifier, `${TODAY}T09:00:00+08:00`, { locale: () => 'en' });
    expect(shown[0]?.title).toMatch(/^Today: \d+ overdue, \d+ due today$/);
    expect(shown[0]?.body).toContain('Overdue requests: 1');
  });
});

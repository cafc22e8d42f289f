import { describe, expect, it } from 'vitest';
import { createIpcRegistry } from './ipc';
import { type NotificationLike, notificationHandlers } from './notifications';
import { APP_PAGE, FakeIpcMain, MemoryLog } from './testing/fakes';

/** A stand-in for Electron's Notification: records what was shown and lets a test click it. */
class FakeNotification implements NotificationLike {
  readonly listeners = new Map<string, (() => void)[]>();
  shown = false;
  closed = false;
  constructor(readonly options: { title: string; body: string }) {}
  on(event: 'click' | 'close', listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.closed = true;
    this.fire('close');
  }
  fire(event: 'click' | 'close'): void {
    for (const l of this.listeners.get(event) ?? []) l();
  }
}

function setup(supported = true) {
  const created: FakeNotification[] = [];
  let clicks = 0;
  const ipcMain = new FakeIpcMain();
  const log = new MemoryLog();
  createIpcRegistry({ ipcMain, log }).handleSome(
    notificationHandlers({
      isSupported: () => supported,
      create: (options) => {
        const n = new FakeNotification(options);
        created.push(n);
        return n;
      },
      onClick: () => {
        clicks += 1;
      },
      log,
    }),
  );
  const show = (payload: unknown, sender = APP_PAGE) => ipcMain.invoke('notifications:show', sender, payload);
  return { created, clicks: () => clicks, show, log };
}

describe('notifications:show', () => {
  it('shows the title and body the page wrote, and a click reaches the window once', async () => {
    const s = setup();
    expect(await s.show({ title: '今日待办：逾期 3 项，今天到期 1 项', body: '英雄 1 项逾期\n逾期诉求 2 件' })).toEqual({
      ok: true,
      value: { shown: true },
    });
    expect(s.created).toHaveLength(1);
    expect(s.created[0]?.options).toEqual({ title: '今日待办：逾期 3 项，今天到期 1 项', body: '英雄 1 项逾期\n逾期诉求 2 件' });
    expect(s.created[0]?.shown).toBe(true);
    expect(s.clicks()).toBe(0);
    s.created[0]?.fire('click');
    expect(s.clicks()).toBe(1);
  });

  it('replaces the notification still on screen with the new one', async () => {
    const s = setup();
    await s.show({ title: 'first', body: '' });
    await s.show({ title: 'second', body: '' });
    expect(s.created.map((n) => [n.options.title, n.closed])).toEqual([
      ['first', true],
      ['second', false],
    ]);
  });

  it('answers shown: false and creates nothing where the system has no notifications', async () => {
    const s = setup(false);
    expect(await s.show({ title: '今日待办', body: '' })).toEqual({ ok: true, value: { shown: false } });
    expect(s.created).toHaveLength(0);
    expect(s.log.lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('refuses an empty title, an unknown key and a frame that is not the app page', async () => {
    const s = setup();
    expect(await s.show({ title: ' ', body: '' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await s.show({ title: 'x', body: '', icon: 'https://evil.example/x.png' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await s.show({ title: 'x', body: '' }, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(s.created).toHaveLength(0);
  });
});

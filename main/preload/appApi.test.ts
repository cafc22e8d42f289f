import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { createIpcRegistry } from '../ipc';
import { APP_PAGE, FakeIpcMain, MemoryLog } from '../testing/fakes';
import { createAppApi } from './appApi';
import type { IpcRendererLike } from './invoke';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** An ipcRenderer wired straight to a FakeIpcMain, as the app page's frame. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly calls: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, Set<Listener>>();
  constructor(private readonly main: FakeIpcMain) {}
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.calls.push({ channel, args });
    return this.main.invoke(channel, APP_PAGE, ...args);
  }
  on(channel: string, listener: Listener): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  emit(channel: string, payload: unknown): void {
    for (const l of this.listeners.get(channel) ?? []) l({ sender: 'ipcRenderer-must-not-leak' }, payload);
  }
}

function setup() {
  const main = new FakeIpcMain();
  const renderer = new FakeIpcRenderer(main);
  const api = createAppApi(renderer);
  return { main, renderer, api };
}

describe('window.app', () => {
  it('exposes exactly the feature modules and their named methods, no invoke or ipcRenderer', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual([
      'app',
      'attachments',
      'auth',
      'backup',
      'conflicts',
      'db',
      'log',
      'notifications',
      'report',
      'review',
      'shell',
      'sync',
    ]);
    expect(Object.keys(api.attachments).sort()).toEqual(['download', 'status', 'upload']);
    expect(Object.keys(api.conflicts).sort()).toEqual(['list', 'resolve']);
    expect(Object.keys(api.backup).sort()).toEqual(['chooseFolder', 'configure', 'status', 'write']);
    expect(Object.keys(api.auth).sort()).toEqual(['lock', 'login', 'logout', 'onChanged', 'status', 'unlock']);
    expect(Object.keys(api.sync).sort()).toEqual(['pull', 'push']);
    expect(Object.keys(api.db)).toEqual(['keys']);
    expect(Object.keys(api.notifications).sort()).toEqual(['onClicked', 'show']);
    const everything = JSON.stringify(Object.entries(api as unknown as Record<string, object>).map(([k, v]) => [k, Object.keys(v)]));
    expect(everything).not.toMatch(/invoke|ipcRenderer|send/i);
  });

  it('is frozen, so page script cannot replace a method', () => {
    const { api } = setup();
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.auth)).toBe(true);
  });

  it('reaches every channel of the contract through some method', async () => {
    const { api, main, renderer } = setup();
    const registry = createIpcRegistry({ ipcMain: main, log: new MemoryLog() });
    for (const channel of IPC_CHANNELS) registry.handle(channel, () => ({ ok: false, error: { code: 'not_found', message: channel } }));
    await api.auth.login({ username: 'a', password: 'b', deviceId: 'device-0001' });
    await api.auth.logout();
    await api.auth.unlock({ username: 'a', password: 'b' });
    await api.auth.lock();
    await api.auth.status();
    await api.db.keys();
    await api.sync.push({ protocolVersion: 1, schemaVersion: 1, clientId: 'client-0001', mutations: [] });
    await api.sync.pull({ cursor: 0, limit: 10 });
    await api.app.info();
    await api.app.setLocale('en');
    await api.app.setAutoLock(15);
    await api.shell.openExternal('https://www.gov.cn/');
    await api.log.openFolder();
    await api.conflicts.list({ status: 'open' });
    await api.conflicts.resolve({ id: 1, resolution: 'keep_winner' });
    await api.backup.status();
    await api.backup.chooseFolder();
    await api.backup.configure({ enabled: false });
    await api.backup.write({
      meta: {
        schemaVersion: 1,
        databaseName: 'd',
        accountId: 'a',
        serverId: 's',
        createdAt: '2026-11-28T00:00:00.000Z',
        outboxSeqFloor: 0,
      },
      tableOrder: ['recipients'],
      tables: { recipients: [] },
    });
    await api.report.printToPdf({ suggestedName: 'r.pdf' });
    await api.review.get({ week: '2026-11-23' });
    await api.review.duplicates();
    const attachmentId = '0b7e6f3c-2d4a-4c8e-9f1a-5b6c7d8e9f00';
    await api.attachments.status({ id: attachmentId });
    await api.attachments.upload({ attachmentId, part: 'original', bytes: new Uint8Array([0xff, 0xd8]) });
    await api.attachments.download({ id: attachmentId, part: 'thumb' });
    await api.notifications.show({ title: '今日待办', body: '' });
    expect(renderer.calls.map((c) => c.channel).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers a value even when main has no handler', async () => {
    const { api } = setup();
    expect(await api.app.info()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('gets validation_failed as a value for a malformed call from untyped page script', async () => {
    const { api, main } = setup();
    createIpcRegistry({ ipcMain: main, log: new MemoryLog() }).handle('sync:pull', () => {
      throw new Error('must not run');
    });
    const res = await api.sync.pull({ cursor: 'zero', limit: 10 } as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('delivers auth:changed payloads without the IPC event and can unsubscribe', () => {
    const { api, renderer } = setup();
    const seen: unknown[] = [];
    const off = api.auth.onChanged((status) => seen.push(status));
    renderer.emit('auth:changed', { state: 'locked', session: null, lastUsername: 'zhangmin' });
    off();
    renderer.emit('auth:changed', { state: 'signed_out', session: null, lastUsername: null });
    expect(seen).toEqual([{ state: 'locked', session: null, lastUsername: 'zhangmin' }]);
  });

  it('tells a notification click without any payload or IPC event, and can unsubscribe', () => {
    const { api, renderer } = setup();
    const seen: unknown[] = [];
    const off = api.notifications.onClicked((...args: unknown[]) => seen.push(args));
    renderer.emit('notifications:clicked', null);
    off();
    renderer.emit('notifications:clicked', null);
    expect(seen).toEqual([[]]);
  });
});

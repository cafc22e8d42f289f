import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from '../shared/ipc/channels';
import type { SessionInfo } from '../shared/ipc/contract';
import { ipcErr, ipcOk } from '../shared/ipc/errors';
import { type IpcHandlers, createIpcRegistry } from './ipc';
import { APP_PAGE, FakeIpcMain, MemoryLog } from './testing/fakes';

function setup() {
  const ipcMain = new FakeIpcMain();
  const log = new MemoryLog();
  const registry = createIpcRegistry({ ipcMain, log });
  return { ipcMain, log, registry };
}

const session: SessionInfo = {
  user: { id: 'u1', name: '张敏', username: 'zhangmin', role: 'caseworker', stationCode: '440304001001' },
  scopes: ['440304001001'],
  serverId: 'srv',
  expiresAt: null,
  canSync: true,
};

/** Handlers that record being called; every malformed call below must leave them untouched. */
function spyHandlers() {
  const called = vi.fn<(channel: IpcChannel) => void>();
  const answer =
    <T>(channel: IpcChannel, value: T) =>
    () => {
      called(channel);
      return ipcOk(value);
    };
  const handlers: IpcHandlers = {
    'auth:login': answer('auth:login', session),
    'auth:logout': answer('auth:logout', null),
    'auth:unlock': answer('auth:unlock', session),
    'auth:lock': answer('auth:lock', null),
    'auth:status': answer('auth:status', { state: 'signed_out', session: null, lastUsername: null }),
    'db:keys': answer('db:keys', { dataKey: 'A'.repeat(43) + '=', blindIndexKey: 'B'.repeat(43) + '=' }),
    'sync:push': answer('sync:push', { lastSeq: 0, results: [], serverTime: 'now' }),
    'sync:pull': answer('sync:pull', { changes: [], cursor: 0, hasMore: false, remaining: 0, serverTime: 'now' }),
    'app:info': answer('app:info', {
      productName: 'p',
      version: '1',
      electron: '45',
      chrome: '140',
      platform: 'linux',
      serverOrigin: 'http://127.0.0.1:8787',
    }),
    'app:setLocale': answer('app:setLocale', null),
    'app:setAutoLock': answer('app:setAutoLock', null),
    'shell:openExternal': answer('shell:openExternal', null),
    'log:openFolder': answer('log:openFolder', null),
    'conflicts:list': answer('conflicts:list', { conflicts: [], serverTime: 'now' }),
    'conflicts:resolve': answer('conflicts:resolve', {
      conflict: {
        id: 1,
        table: 'recipients',
        rowId: 'r1',
        stationCode: '440304001001',
        field: 'address',
        winnerValue: 'a',
        loserValue: 'b',
        winner: { side: 'server', clientId: 'c1', accountId: null, accountName: null, hlc: 'h', editedAt: null },
        loser: { side: 'client', clientId: 'c2', accountId: null, accountName: null, hlc: 'h', editedAt: null },
        createdAt: 't',
        status: 'resolved',
        resolution: 'keep_winner',
        resolvedAt: 't',
        resolvedBy: { accountId: 'u1', name: null },
      },
      alreadyResolved: false,
    }),
    'backup:status': answer('backup:status', { enabled: false, folder: null, lastAt: null, lastFile: null, lastError: null }),
    'backup:chooseFolder': answer('backup:chooseFolder', { folder: null }),
    'backup:configure': answer('backup:configure', { enabled: false, folder: null, lastAt: null, lastFile: null, lastError: null }),
    'backup:write': answer('backup:write', { file: 'f.ydb', bytes: 1, at: 'now' }),
    'review:get': answer('review:get', {
      scope: '440304',
      weekStart: '2026-11-23',
      weekEnd: '2026-11-29',
      asOf: '2026-11-28',
      rowLevel: 'community',
      stations: [],
      trends: { aidByMonth: [], visitsByWeek: [] },
      serverTime: 'now',
    }),
    'review:duplicates': answer('review:duplicates', { duplicates: [] }),
    'report:printToPdf': answer('report:printToPdf', { path: null }),
    'attachments:status': answer('attachments:status', {
      id: '0b7e6f3c-2d4a-4c8e-9f1a-5b6c7d8e9f00',
      original: { arrived: true },
      thumb: null,
    }),
    'attachments:upload': answer('attachments:upload', null),
    'attachments:download': answer('attachments:download', { bytes: new Uint8Array([0xff, 0xd8, 0xff]) }),
    'notifications:show': answer('notifications:show', { shown: true }),
  };
  return { handlers, called };
}

describe('createIpcRegistry', () => {
  it('registers every channel of the contract through handleAll', () => {
    const { registry, ipcMain } = setup();
    registry.handleAll(spyHandlers().handlers);
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('throws when a channel is registered twice', () => {
    const { registry } = setup();
    registry.handle('auth:lock', () => ipcOk(null));
    expect(() => registry.handle('auth:lock', () => ipcOk(null))).toThrow(/registered twice/);
  });

  it.each(IPC_CHANNELS)('%s answers a malformed payload with validation_failed and never runs the handler', async (channel) => {
    const { registry, ipcMain } = setup();
    const { handlers, called } = spyHandlers();
    registry.handleAll(handlers);
    for (const bad of [undefined, null, 42, 'text', [], { unexpected: true }]) {
      const res = await ipcMain.invoke(channel, APP_PAGE, bad);
      expect(res).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    expect(await ipcMain.invoke(channel, APP_PAGE)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await ipcMain.invoke(channel, APP_PAGE, {}, {})).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(called).not.toHaveBeenCalled();
  });

  it('names the failing field without echoing the value', async () => {
    const { registry, ipcMain } = setup();
    registry.handleAll(spyHandlers().handlers);
    const res = await ipcMain.invoke('auth:login', APP_PAGE, { username: 'zhangmin', password: 12345678, deviceId: 'device-0001' });
    expect(res).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const message = (res as { error: { message: string } }).error.message;
    expect(message).toContain('password');
    expect(message).not.toContain('12345678');
  });

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a file page', 'file:///etc/passwd'],
    ['another app host', 'app://evil/index.html'],
    ['a look-alike host', 'app://desk.evil/index.html'],
    ['a destroyed frame', null],
  ])('refuses %s with forbidden_sender', async (_what, url) => {
    const { registry, ipcMain, log } = setup();
    const { handlers, called } = spyHandlers();
    registry.handleAll(handlers);
    expect(await ipcMain.invoke('auth:status', url, {})).toEqual(ipcErr('forbidden_sender', 'This window may not call the app'));
    expect(called).not.toHaveBeenCalled();
    expect(log.lines.some((l) => l.level === 'warn')).toBe(true);
  });

  it('turns a thrown error into an internal value and logs the detail, not the renderer', async () => {
    const { registry, ipcMain, log } = setup();
    registry.handle('app:info', () => {
      throw new Error('disk on fire at /home/zhang/secret');
    });
    const res = await ipcMain.invoke('app:info', APP_PAGE, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(res)).not.toContain('disk on fire');
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'ipc: app:info failed' }));
  });

  it('also catches a rejected promise', async () => {
    const { registry, ipcMain } = setup();
    registry.handle('app:info', () => Promise.reject(new Error('nope')));
    expect(await ipcMain.invoke('app:info', APP_PAGE, {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('strips fields the contract does not name (a token never leaves main)', async () => {
    const { registry, ipcMain } = setup();
    registry.handle('auth:login', () => ipcOk({ ...session, token: 'the-secret-token' }));
    const res = await ipcMain.invoke('auth:login', APP_PAGE, { username: 'zhangmin', password: 'pw', deviceId: 'device-0001' });
    expect(res).toEqual(ipcOk(session));
    expect(JSON.stringify(res)).not.toContain('the-secret-token');
  });

  it('refuses to send an answer outside the response schema', async () => {
    const { registry, ipcMain, log } = setup();
    registry.handle('app:info', () => ipcOk({ productName: 1 } as never));
    expect(await ipcMain.invoke('app:info', APP_PAGE, {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('passes domain errors through and replaces unknown codes with internal', async () => {
    const { registry, ipcMain } = setup();
    registry.handle('auth:unlock', () => ipcErr('locked_out', 'wait'));
    registry.handle('auth:lock', () => ({ ok: false, error: { code: 'made_up', message: 'x' } }) as never);
    expect(await ipcMain.invoke('auth:unlock', APP_PAGE, { username: 'a', password: 'b' })).toEqual(ipcErr('locked_out', 'wait'));
    expect(await ipcMain.invoke('auth:lock', APP_PAGE, {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('hands the handler the parsed request and the sender', async () => {
    const { registry, ipcMain } = setup();
    const seen = vi.fn();
    registry.handle('sync:pull', (req, ctx) => {
      seen(req, ctx.senderUrl);
      return ipcOk({ changes: [], cursor: req.cursor, hasMore: false, remaining: 0, serverTime: 't' });
    });
    await ipcMain.invoke('sync:pull', APP_PAGE, { cursor: 7, limit: 10 });
    expect(seen).toHaveBeenCalledWith({ cursor: 7, limit: 10 }, APP_PAGE);
  });
});

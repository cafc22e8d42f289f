import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '../shared/ipc/contract';
import { ipcErr, ipcOk } from '../shared/ipc/errors';
import type { LoginResponse } from '../shared/sync/protocol';
import { MAX_PDF_BYTES } from '../shared/attachments/limits';
import { createAuthSession } from './authSession';
import { createIpcRegistry } from './ipc';
import { createOfflineUnlock } from './offlineUnlock';
import { createSealedFile } from './sealedFile';
import { authHandlers, conflictsHandlers, reviewHandlers, syncHandlers } from './sessionHandlers';
import type { SyncClient } from './syncClient';
import { FakeSafeStorage } from './testing/fakeSafeStorage';
import { APP_PAGE, FakeIpcMain, MemoryLog } from './testing/fakes';
import { createTokenVault } from './tokenVault';

const SERVER = 'https://sync.example.cn/';
const TOKEN = 'tok_Zq81LmN0pQ7rS2tU4vW6xY9z';
const NOW = Date.parse('2026-06-01T00:00:00Z');
const loginAnswer: LoginResponse = {
  token: TOKEN,
  serverId: 'srv',
  serverTime: 't',
  expiresAt: '2026-07-01T00:00:00.000Z',
  scopes: ['440304001001'],
  user: { id: 'u1', name: '张敏', username: 'zhangmin', role: 'caseworker', stationCode: '440304001001' },
};
const loginReq = { username: 'zhangmin', password: 'correct horse', deviceId: 'device-0001' };
const pushReq = { protocolVersion: 1, schemaVersion: 1, clientId: 'client-0001', mutations: [] };
const pushAnswer = { lastSeq: 0, results: [], serverTime: 't' };

const ATTACHMENT_ID = '0b7e6f3c-2d4a-4c8e-9f1a-5b6c7d8e9f00';
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

const party = (side: 'client' | 'server') => ({
  side,
  clientId: `c-${side}`,
  accountId: null,
  accountName: null,
  hlc: 'h',
  editedAt: null,
});
const CONFLICT = {
  id: 9,
  table: 'recipients' as const,
  rowId: 'r1',
  stationCode: '440304001001',
  field: 'address',
  winnerValue: 'a',
  loserValue: 'b',
  winner: party('server'),
  loser: party('client'),
  createdAt: 't',
  status: 'resolved' as const,
  resolution: 'keep_winner' as const,
  resolvedAt: 't',
  resolvedBy: { accountId: 'u1', name: '张敏' },
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeClient() {
  return {
    login: vi.fn<SyncClient['login']>(() => Promise.resolve(ipcOk(loginAnswer))),
    logout: vi.fn<SyncClient['logout']>(() => Promise.resolve(ipcOk(null))),
    push: vi.fn<SyncClient['push']>(() => Promise.resolve(ipcOk(pushAnswer))),
    pull: vi.fn<SyncClient['pull']>(() =>
      Promise.resolve(ipcOk({ changes: [], cursor: 0, hasMore: false, remaining: 0, serverTime: 't' })),
    ),
    review: vi.fn<SyncClient['review']>(() =>
      Promise.resolve(
        ipcOk({
          scope: '440304',
          weekStart: '2026-11-23',
          weekEnd: '2026-11-29',
          asOf: '2026-11-28',
          rowLevel: 'community' as const,
          stations: [],
          trends: { aidByMonth: [], visitsByWeek: [] },
          serverTime: 't',
        }),
      ),
    ),
    duplicates: vi.fn<SyncClient['duplicates']>(() => Promise.resolve(ipcOk({ duplicates: [] }))),
    listConflicts: vi.fn<SyncClient['listConflicts']>(() => Promise.resolve(ipcOk({ conflicts: [], serverTime: 't' }))),
    resolveConflict: vi.fn<SyncClient['resolveConflict']>(() => Promise.resolve(ipcOk({ conflict: CONFLICT, alreadyResolved: false }))),
    attachmentStatus: vi.fn<SyncClient['attachmentStatus']>((_token, id) =>
      Promise.resolve(ipcOk({ id, original: { arrived: true }, thumb: null })),
    ),
    uploadAttachment: vi.fn<SyncClient['uploadAttachment']>(() => Promise.resolve(ipcOk(null))),
    downloadAttachment: vi.fn<SyncClient['downloadAttachment']>(() => Promise.resolve(ipcOk(PHOTO))),
  };
}

/** One "run" of the app over a userData folder; call again with the same dir for a restart. */
async function start(dir: string, safe = new FakeSafeStorage()) {
  const client = fakeClient();
  const emitted: AuthStatus[] = [];
  const auth = createAuthSession({
    client,
    vault: createTokenVault(createSealedFile(path.join(dir, 'credential.bin'), safe)),
    offline: createOfflineUnlock({
      file: createSealedFile(path.join(dir, 'verifiers.bin'), safe),
      now: () => NOW,
      params: { N: 1024, r: 8, p: 1, keyLen: 32 },
    }),
    serverUrl: SERVER,
    now: () => NOW,
    emit: (s) => emitted.push(s),
    log: new MemoryLog(),
  });
  await auth.init();
  const ipcMain = new FakeIpcMain();
  const registry = createIpcRegistry({ ipcMain, log: new MemoryLog() });
  registry.handleSome({
    ...authHandlers(auth),
    ...syncHandlers(auth, client),
    ...conflictsHandlers(auth, client),
    ...reviewHandlers(auth, client),
  });
  const call = (channel: string, payload: unknown = {}) => ipcMain.invoke(channel, APP_PAGE, payload);
  return { client, emitted, call };
}

function userData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'youfu-auth-'));
  dirs.push(dir);
  return dir;
}

describe('auth session over IPC', () => {
  it('first online sign-in: session without the token, token sealed on disk, sync uses it', async () => {
    const dir = userData();
    const app = await start(dir);
    expect(await app.call('auth:status')).toEqual(ipcOk({ state: 'signed_out', session: null, lastUsername: null }));
    const res = await app.call('auth:login', loginReq);
    expect(res).toMatchObject({ ok: true, value: { user: { id: 'u1' }, canSync: true, expiresAt: loginAnswer.expiresAt } });
    expect(JSON.stringify(res)).not.toContain(TOKEN);
    for (const f of readdirSync(dir)) expect(readFileSync(path.join(dir, f)).toString('latin1')).not.toContain(TOKEN);
    expect(await app.call('sync:push', pushReq)).toEqual(ipcOk(pushAnswer));
    expect(app.client.push).toHaveBeenCalledWith(TOKEN, pushReq);
    expect(app.emitted.at(-1)?.state).toBe('unlocked');
  });

  it('the conflict review goes through main with the sealed token, and not while locked', async () => {
    const app = await start(userData());
    await app.call('auth:login', loginReq);
    expect(await app.call('conflicts:list', { status: 'open', limit: 20 })).toEqual(ipcOk({ conflicts: [], serverTime: 't' }));
    expect(app.client.listConflicts).toHaveBeenCalledWith(TOKEN, { status: 'open', limit: 20 });
    expect(await app.call('conflicts:resolve', { id: 9, resolution: 'keep_winner' })).toMatchObject({
      ok: true,
      value: { conflict: { id: 9 } },
    });
    expect(app.client.resolveConflict).toHaveBeenCalledWith(TOKEN, { id: 9, resolution: 'keep_winner' });
    await app.call('auth:lock');
    expect(await app.call('conflicts:list', { status: 'open' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(app.client.listConflicts).toHaveBeenCalledTimes(1);
  });

  it('the weekly review goes through main with the sealed token, and not while locked', async () => {
    const app = await start(userData());
    await app.call('auth:login', loginReq);
    expect(await app.call('review:get', { week: '2026-11-25', station: '440304001' })).toMatchObject({
      ok: true,
      value: { scope: '440304' },
    });
    expect(app.client.review).toHaveBeenCalledWith(TOKEN, { week: '2026-11-25', station: '440304001' });
    expect(await app.call('review:duplicates')).toEqual(ipcOk({ duplicates: [] }));
    expect(await app.call('review:get', { week: '25/11/2026' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    await app.call('auth:lock');
    expect(await app.call('review:duplicates')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(app.client.duplicates).toHaveBeenCalledTimes(1);
  });

  it('attachment bytes go up and come down through main with the sealed token, and not while locked', async () => {
    const app = await start(userData());
    await app.call('auth:login', loginReq);
    expect(await app.call('attachments:status', { id: ATTACHMENT_ID })).toEqual(
      ipcOk({ id: ATTACHMENT_ID, original: { arrived: true }, thumb: null }),
    );
    expect(app.client.attachmentStatus).toHaveBeenCalledWith(TOKEN, ATTACHMENT_ID);
    const upload = { attachmentId: ATTACHMENT_ID, part: 'original', bytes: PHOTO };
    expect(await app.call('attachments:upload', upload)).toEqual(ipcOk(null));
    expect(app.client.uploadAttachment).toHaveBeenCalledWith(TOKEN, upload);
    expect(await app.call('attachments:download', { id: ATTACHMENT_ID, part: 'thumb' })).toEqual(ipcOk({ bytes: PHOTO }));
    expect(app.client.downloadAttachment).toHaveBeenCalledWith(TOKEN, { id: ATTACHMENT_ID, part: 'thumb' });
    await app.call('auth:lock');
    expect(await app.call('attachments:upload', upload)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(app.client.uploadAttachment).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['bytes as an array of numbers', () => [0xff, 0xd8, 0xff]],
    ['bytes as a base64 string', () => '/9j/'],
    ['bytes as an ArrayBuffer', () => new ArrayBuffer(4)],
    ['more bytes than a PDF may have', () => new Uint8Array(MAX_PDF_BYTES + 1)],
  ])('refuses an upload with %s before any HTTP', async (_what, bytes: () => unknown) => {
    const app = await start(userData());
    await app.call('auth:login', loginReq);
    expect(await app.call('attachments:upload', { attachmentId: ATTACHMENT_ID, part: 'original', bytes: bytes() })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(app.client.uploadAttachment).not.toHaveBeenCalled();
  });

  it('lock hides the session and stops sync; the right password unlocks offline', async () => {
    const app = await start(userData());
    await app.call('auth:login', loginReq);
    await app.call('auth:lock');
    expect(await app.call('auth:status')).toEqual(ipcOk({ state: 'locked', session: null, lastUsername: 'zhangmin' }));
    expect(await app.call('sync:pull', { cursor: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(app.client.pull).not.toHaveBeenCalled();
    expect(await app.call('auth:unlock', { username: 'zhangmin', password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await app.call('auth:unlock', { username: 'zhangmin', password: 'correct horse' })).toMatchObject({
      ok: true,
      value: { canSync: true },
    });
    expect(await app.call('sync:pull', { cursor: 0, limit: 10 })).toMatchObject({ ok: true });
  });

  it('after a restart the app starts locked and unlocks offline, token still usable', async () => {
    const dir = userData();
    await (await start(dir)).call('auth:login', loginReq);
    const again = await start(dir);
    expect(await again.call('auth:status')).toEqual(ipcOk({ state: 'locked', session: null, lastUsername: 'zhangmin' }));
    expect(await again.call('auth:unlock', { username: 'zhangmin', password: 'correct horse' })).toMatchObject({
      ok: true,
      value: { canSync: true },
    });
    await again.call('sync:push', pushReq);
    expect(again.client.push).toHaveBeenCalledWith(TOKEN, pushReq);
    expect(again.client.login).not.toHaveBeenCalled();
  });

  it('logout revokes and forgets the token; offline unlock still opens the data, without sync', async () => {
    const dir = userData();
    const app = await start(dir);
    await app.call('auth:login', loginReq);
    expect(await app.call('auth:logout')).toEqual(ipcOk(null));
    expect(app.client.logout).toHaveBeenCalledWith(TOKEN);
    expect(await app.call('auth:status')).toEqual(ipcOk({ state: 'signed_out', session: null, lastUsername: 'zhangmin' }));
    const again = await start(dir);
    expect(await again.call('auth:unlock', { username: 'zhangmin', password: 'correct horse' })).toMatchObject({
      ok: true,
      value: { canSync: false, expiresAt: null },
    });
    expect(await again.call('sync:push', pushReq)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(again.client.push).not.toHaveBeenCalled();
  });

  it('logout offline still forgets the token locally', async () => {
    const app = await start(userData());
    await app.call('auth:login', loginReq);
    app.client.logout.mockResolvedValueOnce(ipcErr('network', 'offline'));
    expect(await app.call('auth:logout')).toEqual(ipcOk(null));
    expect(await app.call('sync:push', pushReq)).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('refuses to sign in without a keychain and revokes the fresh token', async () => {
    const app = await start(userData(), new FakeSafeStorage(false));
    expect(await app.call('auth:login', loginReq)).toMatchObject({ ok: false, error: { code: 'encryption_unavailable' } });
    expect(app.client.logout).toHaveBeenCalledWith(TOKEN);
    expect(await app.call('auth:status')).toMatchObject({ value: { state: 'signed_out' } });
  });

  it('passes a wrong online password through as unauthorized', async () => {
    const app = await start(userData());
    app.client.login.mockResolvedValueOnce(ipcErr('unauthorized', 'wrong username or password'));
    expect(await app.call('auth:login', loginReq)).toEqual(ipcErr('unauthorized', 'wrong username or password'));
  });

  it('an account that never signed in online here cannot unlock offline', async () => {
    const app = await start(userData());
    expect(await app.call('auth:unlock', { username: 'lisi', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'offline_unlock_unavailable' },
    });
  });

  it('a token the server no longer accepts is dropped and the renderer told', async () => {
    const app = await start(userData());
    await app.call('auth:login', loginReq);
    app.client.push.mockResolvedValueOnce(ipcErr('unauthorized', 'token expired'));
    expect(await app.call('sync:push', pushReq)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(app.emitted.at(-1)).toMatchObject({ state: 'unlocked', session: { canSync: false } });
    expect(await app.call('sync:push', pushReq)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(app.client.push).toHaveBeenCalledTimes(1);
  });
});

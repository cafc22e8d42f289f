import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from './channels';
import { IPC_CONTRACT, sessionSchema } from './contract';
import { IPC_ERROR_CODES, toSyncErrorCode } from './errors';
import { MAX_PDF_BYTES } from '../attachments/limits';

const session = {
  user: { id: 'u1', name: '张敏', username: 'zhangmin', role: 'caseworker', stationCode: '440304001001' },
  scopes: ['440304001001'],
  serverId: 'srv',
  expiresAt: '2030-01-01T00:00:00.000Z',
  canSync: true,
};

const ATTACHMENT_ID = '0b7e6f3c-2d4a-4c8e-9f1a-5b6c7d8e9f00';

/** One valid request per channel, so each malformed variant below is wrong for one reason. */
const VALID: { [C in IpcChannel]: unknown } = {
  'auth:login': { username: 'zhangmin', password: 'pw', deviceId: 'device-0001' },
  'auth:logout': {},
  'auth:unlock': { username: 'zhangmin', password: 'pw' },
  'auth:lock': {},
  'auth:status': {},
  'db:keys': {},
  'sync:push': { protocolVersion: 1, schemaVersion: 1, clientId: 'client-0001', mutations: [] },
  'sync:pull': { cursor: 0, limit: 100 },
  'app:info': {},
  'app:setLocale': { locale: 'en' },
  'app:setAutoLock': { minutes: 10 },
  'shell:openExternal': { url: 'https://www.gov.cn/' },
  'log:openFolder': {},
  'conflicts:list': { status: 'open', limit: 50 },
  'conflicts:resolve': { id: 3, resolution: 'keep_winner' },
  'backup:status': {},
  'backup:chooseFolder': {},
  'backup:configure': { enabled: true, folder: '/home/zhang/备份', password: 'long-enough' },
  'backup:write': {
    meta: {
      schemaVersion: 1,
      databaseName: 'station-srv-u1',
      accountId: 'u1',
      serverId: 'srv',
      createdAt: '2026-11-28T01:00:00.000Z',
      outboxSeqFloor: 0,
    },
    tableOrder: ['recipients'],
    tables: { recipients: [] },
  },
  'review:get': { week: '2026-11-23', station: '440304001' },
  'review:duplicates': {},
  'report:printToPdf': { suggestedName: '周报-2026-11-23.pdf' },
  'attachments:status': { id: ATTACHMENT_ID },
  'attachments:upload': { attachmentId: ATTACHMENT_ID, part: 'thumb', bytes: new Uint8Array([0xff, 0xd8, 0xff]) },
  'attachments:download': { id: ATTACHMENT_ID, part: 'original' },
  'notifications:show': { title: '今日待办：逾期 3 项，今天到期 1 项', body: '英雄 1 项逾期' },
};

describe('IPC contract', () => {
  it('has a request and response schema for every channel and nothing more', () => {
    expect(Object.keys(IPC_CONTRACT).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it.each(IPC_CHANNELS)('%s accepts its valid request', (channel) => {
    expect(IPC_CONTRACT[channel].request.safeParse(VALID[channel]).success).toBe(true);
  });

  it.each(IPC_CHANNELS)('%s refuses undefined, a string, an array and an unknown key', (channel) => {
    const schema = IPC_CONTRACT[channel].request;
    for (const bad of [undefined, null, 'x', [], { ...(VALID[channel] as object), extra: 1 }]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it.each([
    ['auth:login', { username: '', password: 'pw', deviceId: 'device-0001' }],
    ['auth:login', { username: 'a', password: 'x'.repeat(201), deviceId: 'device-0001' }],
    ['sync:pull', { cursor: -1, limit: 10 }],
    ['sync:pull', { cursor: 0, limit: 100_000 }],
    ['sync:push', { protocolVersion: 1, schemaVersion: 1, clientId: 'c', mutations: [] }],
    ['app:setLocale', { locale: 'fr' }],
    ['app:setAutoLock', { minutes: 0 }],
    ['app:setAutoLock', { minutes: 2.5 }],
    ['shell:openExternal', { url: 'x'.repeat(3000) }],
    ['attachments:status', { id: 'not-a-uuid' }],
    ['attachments:upload', { attachmentId: ATTACHMENT_ID, part: 'original', bytes: [0xff, 0xd8] }],
    ['attachments:upload', { attachmentId: ATTACHMENT_ID, part: 'original', bytes: 'ffd8' }],
    ['attachments:upload', { attachmentId: ATTACHMENT_ID, part: 'signature', bytes: new Uint8Array(1) }],
    ['attachments:download', { id: ATTACHMENT_ID, part: 'full' }],
    ['notifications:show', { title: '  ', body: '' }],
    ['notifications:show', { title: 'x', body: 'x'.repeat(1001) }],
  ] as const)('%s refuses %j', (channel, bad) => {
    expect(IPC_CONTRACT[channel].request.safeParse(bad).success).toBe(false);
  });

  it('takes attachment bytes up to the largest a PDF may be, and not one byte more', () => {
    const upload = IPC_CONTRACT['attachments:upload'].request;
    const of = (size: number) => ({ attachmentId: ATTACHMENT_ID, part: 'original', bytes: new Uint8Array(size) });
    expect(upload.safeParse(of(MAX_PDF_BYTES)).success).toBe(true);
    expect(upload.safeParse(of(MAX_PDF_BYTES + 1)).success).toBe(false);
  });

  it('strips a token from a session so it cannot reach the renderer', () => {
    const parsed = sessionSchema.parse({ ...session, token: 'secret-token' });
    expect(parsed).not.toHaveProperty('token');
  });

  it('keeps every sync protocol code and maps the bridge codes onto them', () => {
    expect(IPC_ERROR_CODES).toContain('validation_failed');
    expect(IPC_ERROR_CODES).toContain('must_refetch');
    expect(toSyncErrorCode('locked')).toBe('unauthorized');
    expect(toSyncErrorCode('forbidden_sender')).toBe('unauthorized');
    expect(toSyncErrorCode('encryption_unavailable')).toBe('internal');
    expect(toSyncErrorCode('clock_skew')).toBe('clock_skew');
  });
});

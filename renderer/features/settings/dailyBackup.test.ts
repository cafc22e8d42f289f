import { afterEach, describe, expect, it } from 'vitest';
import type { AppApi } from '../../../shared/ipc/appApi';
import type { BackupStatus, IpcRequest } from '../../../shared/ipc/contract';
import type { YoufuDb } from '../../db/handle';
import { localDatabaseName } from '../../db/queries/settings';
import { upsertRows } from '../../db/repository';
import { newTestDb, recipientInput, testContext } from '../../db/testFixtures';
import { isDailyBackupDue, runDailyBackup } from './dailyBackup';

describe('isDailyBackupDue', () => {
  const now = new Date('2026-11-28T10:00:00+08:00');
  it.each([
    [null, true],
    ['2026-11-28T00:30:00+08:00', false],
    ['2026-11-27T23:59:00+08:00', true],
    // 01:00 UTC on the 27th is 09:00 on the 27th in Shanghai: yesterday.
    ['2026-11-27T01:00:00.000Z', true],
    // 17:00 UTC on the 27th is 01:00 on the 28th in Shanghai: today.
    ['2026-11-27T17:00:00.000Z', false],
    ['not a date', true],
  ])('last backup %s → due %s', (lastAt, due) => {
    expect(isDailyBackupDue(lastAt, now)).toBe(due);
  });
});

/** main's side as seen from the renderer: a status and a recorder of writes. */
function fakeApi(status: BackupStatus) {
  const writes: IpcRequest<'backup:write'>[] = [];
  const api = {
    backup: {
      status: () => Promise.resolve({ ok: true as const, value: status }),
      write: (req: IpcRequest<'backup:write'>) => {
        writes.push(req);
        return Promise.resolve({
          ok: true as const,
          value: { file: 'youfu-backup-2026-11-28-u1.ydb', bytes: 100, at: '2026-11-28T02:00:00.000Z' },
        });
      },
    },
  } as unknown as AppApi;
  return { api, writes };
}

const opened: YoufuDb[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

describe('runDailyBackup', () => {
  const now = new Date('2026-11-28T10:00:00+08:00');
  const on = (lastAt: string | null): BackupStatus => ({ enabled: true, folder: '/backups', lastAt, lastFile: null, lastError: null });

  async function dbWithOneRecipient(): Promise<YoufuDb> {
    const db = newTestDb();
    opened.push(db);
    const res = await upsertRows(testContext(db), 'recipients', [
      recipientInput('b0000000-0000-4000-8000-000000000001', { name: '陈国栋' }),
    ]);
    expect(res.ok).toBe(true);
    return db;
  }

  it('hands main a snapshot of the whole database, unsynced changes included, when no backup was made today', async () => {
    const db = await dbWithOneRecipient();
    const { api, writes } = fakeApi(on('2026-11-27T09:00:00+08:00'));
    expect(await runDailyBackup(api, { db, accountId: 'u1', serverId: 'srv' }, now)).toMatchObject({ kind: 'written' });
    expect(writes).toHaveLength(1);
    const [req] = writes;
    expect(req?.meta).toMatchObject({
      accountId: 'u1',
      serverId: 'srv',
      databaseName: localDatabaseName(db),
      createdAt: now.toISOString(),
    });
    expect(req?.tables.recipients).toHaveLength(1);
    expect(req?.tables.outbox).toHaveLength(1);
    expect(req?.tableOrder).toContain('outbox');
  });

  it('does nothing when switched off or already done today, unless asked to back up now', async () => {
    const db = await dbWithOneRecipient();
    const off = fakeApi({ enabled: false, folder: null, lastAt: null, lastFile: null, lastError: null });
    expect(await runDailyBackup(off.api, { db, accountId: 'u1', serverId: 'srv' }, now)).toEqual({ kind: 'off' });
    expect(await runDailyBackup(off.api, { db, accountId: 'u1', serverId: 'srv' }, now, true)).toEqual({ kind: 'off' });
    const today = fakeApi(on('2026-11-28T08:00:00+08:00'));
    expect(await runDailyBackup(today.api, { db, accountId: 'u1', serverId: 'srv' }, now)).toEqual({ kind: 'not_due' });
    expect(today.writes).toHaveLength(0);
    expect(await runDailyBackup(today.api, { db, accountId: 'u1', serverId: 'srv' }, now, true)).toMatchObject({ kind: 'written' });
  });

  it("reports main's refusal as a value", async () => {
    const db = await dbWithOneRecipient();
    const api = {
      backup: {
        status: () => Promise.resolve({ ok: false as const, error: { code: 'locked' as const, message: 'Unlock the app first' } }),
      },
    } as unknown as AppApi;
    expect(await runDailyBackup(api, { db, accountId: 'u1', serverId: 'srv' }, now)).toEqual({
      kind: 'failed',
      error: { code: 'locked', message: 'Unlock the app first' },
    });
  });
});

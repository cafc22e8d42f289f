import { constants } from 'node:fs';
import { access, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { encodeBackup } from '../shared/backup/format';
import { todayInShanghai } from '../shared/calendar/shanghai';
import type { BackupStatus, IpcParsedRequest, IpcResponse } from '../shared/ipc/contract';
import { type IpcResult, ipcErr, ipcOk } from '../shared/ipc/errors';
import type { IpcHandlers } from './ipc';
import type { Log } from './logTypes';
import { type SealedFile, writeAtomically } from './sealedFile';

/**
 * Daily backups of the signed-in account's local database into a folder the person chose.
 *
 * Main keeps, per account, the folder and the backup password (sealed with safeStorage; never
 * handed back to the renderer). Main cannot read IndexedDB, so the renderer reads a consistent
 * snapshot once a day and hands it over; main encrypts it with the backup file format
 * (shared/backup/format.ts: PBKDF2 + AES-256-GCM, the same file a manual export writes and the
 * restore reads), writes it atomically and keeps the newest `keep` files of that account.
 */
export const DEFAULT_BACKUPS_KEPT = 14;

const accountConfigSchema = z.object({
  folder: z.string(),
  lastAt: z.string().nullable().catch(null),
  lastFile: z.string().nullable().catch(null),
  lastError: z.string().nullable().catch(null),
});
type AccountConfig = z.infer<typeof accountConfigSchema>;
const configFileSchema = z.record(z.string(), accountConfigSchema);

export interface DailyBackupDeps {
  /** backups.json in userData: folders and last results per account (no secrets). */
  configFile: string;
  /** The sealed file holding an account's backup password. */
  passwordFile: (accountId: string) => SealedFile;
  /** The account that is signed in and unlocked, or null. */
  currentAccountId: () => string | null;
  /** Electron's folder picker; null when cancelled. */
  chooseFolder: () => Promise<string | null>;
  now: () => Date;
  log: Log;
  keep?: number;
  /** PBKDF2 iterations (tests lower it to the format's minimum). */
  iterations?: number;
}

type BackupChannels = 'backup:status' | 'backup:chooseFolder' | 'backup:configure' | 'backup:write';

/** The last 12 letters and digits of the account id: one account's files apart from another's in a shared folder. */
const accountTag = (accountId: string): string => accountId.replace(/[^a-zA-Z0-9]/g, '').slice(-12);

/** `youfu-backup-2026-11-28-<account tag>.ydb`, by the Shanghai calendar day. */
export function dailyBackupFileName(accountId: string, at: Date): string {
  const day = todayInShanghai(at);
  return `youfu-backup-${day}-${accountTag(accountId)}.ydb`;
}

function filePattern(accountId: string): RegExp {
  return new RegExp(`^youfu-backup-\\d{4}-\\d{2}-\\d{2}-${accountTag(accountId)}\\.ydb$`);
}

async function isWritableFolder(folder: string): Promise<boolean> {
  if (!path.isAbsolute(folder)) return false;
  try {
    const s = await stat(folder);
    if (!s.isDirectory()) return false;
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function dailyBackupHandlers(deps: DailyBackupDeps): Pick<IpcHandlers, BackupChannels> {
  const keep = deps.keep ?? DEFAULT_BACKUPS_KEPT;

  async function readConfig(): Promise<Record<string, AccountConfig>> {
    try {
      const parsed = configFileSchema.safeParse(JSON.parse(await readFile(deps.configFile, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  async function updateConfig(accountId: string, next: AccountConfig | null): Promise<void> {
    const all = await readConfig();
    if (next === null) delete all[accountId];
    else all[accountId] = next;
    await writeAtomically(deps.configFile, JSON.stringify(all, null, 2));
  }

  const toStatus = (c: AccountConfig | undefined): BackupStatus => ({
    enabled: c !== undefined,
    folder: c?.folder ?? null,
    lastAt: c?.lastAt ?? null,
    lastFile: c?.lastFile ?? null,
    lastError: c?.lastError ?? null,
  });

  function account(): IpcResult<string> {
    const id = deps.currentAccountId();
    return id === null ? ipcErr('locked', 'Unlock the app first') : ipcOk(id);
  }

  async function prune(folder: string, accountId: string): Promise<void> {
    const mine = (await readdir(folder)).filter((f) => filePattern(accountId).test(f)).sort();
    for (const old of mine.slice(0, Math.max(0, mine.length - keep))) await rm(path.join(folder, old), { force: true });
  }

  async function write(req: IpcParsedRequest<'backup:write'>): Promise<IpcResult<IpcResponse<'backup:write'>>> {
    const who = account();
    if (!who.ok) return who;
    // The renderer may only back up the database of the account that is unlocked.
    if (req.meta.accountId !== who.value) return ipcErr('forbidden_scope', 'That database belongs to another account');
    const config = (await readConfig())[who.value];
    if (!config) return ipcErr('backup_not_configured', 'Daily backups are off');
    const fail = async (code: 'folder_unwritable' | 'backup_not_configured' | 'internal', message: string) => {
      await updateConfig(who.value, { ...config, lastError: code });
      return ipcErr(code, message);
    };
    const password = await deps.passwordFile(who.value).read();
    if (password === null) return fail('backup_not_configured', 'The backup password is no longer readable here; set it again');
    if (!(await isWritableFolder(config.folder))) return fail('folder_unwritable', 'The backup folder is missing or read-only');
    const encoded = await encodeBackup(
      req.meta,
      req.tableOrder,
      req.tables,
      password,
      deps.iterations === undefined ? {} : { iterations: deps.iterations },
    );
    if (!encoded.ok) return fail('internal', encoded.error.code);
    const at = deps.now();
    const file = dailyBackupFileName(who.value, at);
    try {
      await writeAtomically(path.join(config.folder, file), Buffer.from(encoded.value));
      await prune(config.folder, who.value);
    } catch (e) {
      deps.log.warn('daily backup: write failed', e);
      return fail('folder_unwritable', 'The backup file could not be written');
    }
    await updateConfig(who.value, { folder: config.folder, lastAt: at.toISOString(), lastFile: file, lastError: null });
    deps.log.info('daily backup written', { file, bytes: encoded.value.length });
    return ipcOk({ file, bytes: encoded.value.length, at: at.toISOString() });
  }

  return {
    'backup:status': async () => {
      const who = account();
      if (!who.ok) return who;
      return ipcOk(toStatus((await readConfig())[who.value]));
    },
    'backup:chooseFolder': async () => ipcOk({ folder: await deps.chooseFolder() }),
    'backup:configure': async (req) => {
      const who = account();
      if (!who.ok) return who;
      if (!req.enabled) {
        await updateConfig(who.value, null);
        await deps.passwordFile(who.value).remove();
        return ipcOk(toStatus(undefined));
      }
      if (!(await isWritableFolder(req.folder))) return ipcErr('folder_unwritable', 'The backup folder is missing or read-only');
      const sealed = await deps.passwordFile(who.value).write(req.password);
      if (!sealed.ok)
        return ipcErr('encryption_unavailable', 'The system keychain is not available; the backup password is never stored in plaintext');
      const previous = (await readConfig())[who.value];
      const next: AccountConfig = {
        folder: req.folder,
        lastAt: previous?.lastAt ?? null,
        lastFile: previous?.lastFile ?? null,
        lastError: null,
      };
      await updateConfig(who.value, next);
      return ipcOk(toStatus(next));
    },
    'backup:write': write,
  };
}

import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { z } from 'zod';
import type { DatabaseKeysPayload } from '../shared/ipc/contract';
import { ipcErr, ipcOk } from '../shared/ipc/errors';
import { type Result, err, ok } from '../shared/result';
import type { AuthSession } from './authSession';
import type { IpcHandlers } from './ipc';
import type { SealedFile } from './sealedFile';

/**
 * The keys of each local database (one per server and account): a random AES-256-GCM data key
 * and a random blind-index HMAC key, created on first use and kept ONLY in a file sealed with
 * safeStorage (DPAPI / Keychain / libsecret). They cross to the renderer through `db:keys`,
 * and only while the session is unlocked; the renderer drops them when it locks.
 *
 * A key file that exists but cannot be opened (another OS user, a reset keychain) is never
 * replaced by fresh keys: that would make the sealed data unreadable for good.
 */
const KEY_BYTES = 32;
const entrySchema = z.object({ dataKey: z.string(), blindIndexKey: z.string(), createdAt: z.string() });
const storeSchema = z.object({ version: z.literal(1), databases: z.record(z.string(), entrySchema) });
type Store = z.infer<typeof storeSchema>;

export type DataKeyError = 'encryption_unavailable' | 'keys_unreadable';

export interface DataKeyVault {
  keysFor(serverId: string, userId: string): Promise<Result<DatabaseKeysPayload, DataKeyError>>;
}

export interface DataKeyVaultOptions {
  file: SealedFile;
  /** Whether the sealed file exists at all (to tell "none yet" from "cannot be opened"). */
  fileExists: () => Promise<boolean>;
  now: () => number;
  randomBytes?: (n: number) => Buffer;
}

export function fileExists(filePath: string): () => Promise<boolean> {
  return () =>
    access(filePath).then(
      () => true,
      () => false,
    );
}

export function createDataKeyVault(opts: DataKeyVaultOptions): DataKeyVault {
  const random = opts.randomBytes ?? nodeRandomBytes;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function load(): Promise<Result<Store, DataKeyError>> {
    const text = await opts.file.read();
    if (text === null) {
      return (await opts.fileExists()) ? err('keys_unreadable') : ok({ version: 1, databases: {} });
    }
    try {
      const parsed = storeSchema.safeParse(JSON.parse(text));
      return parsed.success ? ok(parsed.data) : err('keys_unreadable');
    } catch {
      return err('keys_unreadable');
    }
  }

  return {
    keysFor: (serverId, userId) =>
      serial(async () => {
        const store = await load();
        if (!store.ok) return store;
        const id = JSON.stringify([serverId, userId]);
        const existing = store.value.databases[id];
        if (existing) return ok({ dataKey: existing.dataKey, blindIndexKey: existing.blindIndexKey });
        const created = {
          dataKey: random(KEY_BYTES).toString('base64'),
          blindIndexKey: random(KEY_BYTES).toString('base64'),
          createdAt: new Date(opts.now()).toISOString(),
        };
        store.value.databases[id] = created;
        const written = await opts.file.write(JSON.stringify(store.value));
        if (!written.ok) return written;
        return ok({ dataKey: created.dataKey, blindIndexKey: created.blindIndexKey });
      }),
  };
}

/** `db:keys`: the unlocked account's database keys; `locked` otherwise. */
export function dataKeyHandlers(auth: Pick<AuthSession, 'status'>, vault: DataKeyVault): Pick<IpcHandlers, 'db:keys'> {
  return {
    'db:keys': async () => {
      const status = auth.status();
      if (status.state !== 'unlocked' || status.session === null) return ipcErr('locked', 'Unlock the app first');
      const res = await vault.keysFor(status.session.serverId, status.session.user.id);
      if (res.ok) return ipcOk(res.value);
      return res.error === 'encryption_unavailable'
        ? ipcErr('encryption_unavailable', 'The system keychain is unavailable, so the local data cannot be opened safely')
        : ipcErr(
            'encryption_unavailable',
            'The key file of the local data cannot be opened on this computer (another user, or the keychain was reset)',
          );
    },
  };
}

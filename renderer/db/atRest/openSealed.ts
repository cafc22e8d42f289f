import { type YoufuDb, type YoufuDbOptions, openYoufuDb } from '../database';
import type { DatabaseKeys } from './keys';
import { type SealProgress, checkDatabaseKeys, sealLegacyRows } from './migrate';

export type OpenSealedResult = { ok: true; db: YoufuDb; sealedLegacy: number } | { ok: false; error: 'keys_mismatch' };

/**
 * Opens an account's database with its keys: refuses keys the data was not sealed with (the
 * database stays as it is, nothing is written or wiped), then seals in place whatever the
 * previous plaintext version left in clear.
 */
export async function openSealedDatabase(
  name: string,
  keys: DatabaseKeys,
  options: Omit<YoufuDbOptions, 'keys'> & { onSealProgress?: (p: SealProgress) => void } = {},
): Promise<OpenSealedResult> {
  const { onSealProgress, ...dbOptions } = options;
  const db = await openYoufuDb(name, { ...dbOptions, keys });
  try {
    if ((await checkDatabaseKeys(db, keys)) === 'mismatch') {
      db.codec.forget();
      db.close();
      return { ok: false, error: 'keys_mismatch' };
    }
    const sealedLegacy = await sealLegacyRows(db, onSealProgress ? { onProgress: onSealProgress } : {});
    return { ok: true, db, sealedLegacy };
  } catch (e) {
    db.codec.forget();
    db.close();
    throw e;
  }
}

/** Closes a session's database and drops its keys from memory (lock, sign-out, unmount). */
export function closeSealedDatabase(db: YoufuDb): void {
  db.codec.forget();
  db.close();
}

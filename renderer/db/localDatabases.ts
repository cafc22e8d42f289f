import { Dexie } from 'dexie';
import { markSealed } from './atRest/migrate';
import type { DatabaseKeys } from './atRest/keys';
import { openYoufuDb } from './database';
import { type LoadOptions, type LoadProgress, type LoaderRow, loadNdjsonRows } from './demoLoader';

/**
 * Whole local databases by name, for the start screen (the demo), a restore into a new
 * database, and the bench: whether one exists, deleting one, filling a fresh one.
 */

export function localDatabaseExists(name: string): Promise<boolean> {
  return Dexie.exists(name);
}

export function deleteLocalDatabase(name: string): Promise<void> {
  return Dexie.delete(name);
}

/** How many recipients the database holds (0 when it does not exist); opened without keys, closed after. */
export async function recipientCountIn(name: string): Promise<number> {
  if (!(await Dexie.exists(name))) return 0;
  const db = await openYoufuDb(name);
  try {
    return await db.recipients.count();
  } finally {
    db.close();
  }
}

/**
 * Loads rows into a database this version has just created (it must not exist, or be empty):
 * sealed under `keys` as they are written, and marked as having nothing to migrate.
 */
export async function fillNewDatabase(
  name: string,
  keys: DatabaseKeys,
  rows: AsyncIterable<LoaderRow> | Iterable<LoaderRow>,
  options: LoadOptions = {},
): Promise<LoadProgress> {
  const db = await openYoufuDb(name, { keys });
  try {
    await markSealed(db, keys);
    return await loadNdjsonRows(db, rows, options);
  } finally {
    db.close();
  }
}

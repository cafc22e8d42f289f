/**
 * When an account's database cannot be opened (a newer app wrote it, the disk damaged it), the
 * person may restore a backup. The unreadable database is never deleted: the backup goes into
 * a NEW database, and this alias points the account at it from then on. The old one stays for
 * whoever examines the computer.
 */
import { toShanghaiIsoSeconds } from '../../shared/calendar/shanghai';

/** One database per server and account, so two users of one machine never share rows. */
export function databaseName(serverId: string, userId: string): string {
  if (serverId === '' || userId === '') throw new Error('databaseName needs a serverId and a userId');
  return `station-${serverId}-${userId}`;
}

const PREFIX = 'youfu-desk.dbAlias.';

export interface AliasStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const browserStorage = (): AliasStorage | null => (typeof localStorage === 'undefined' ? null : localStorage);

/** The database the account uses: its base name, or the restored one that replaced it. */
export function resolveDatabaseName(baseName: string, storage: AliasStorage | null = browserStorage()): string {
  const alias = storage?.getItem(PREFIX + baseName) ?? null;
  return alias !== null && alias.startsWith(`${baseName}-restored-`) ? alias : baseName;
}

export function setDatabaseAlias(baseName: string, name: string, storage: AliasStorage | null = browserStorage()): void {
  storage?.setItem(PREFIX + baseName, name);
}

/** A freshly loaded demo database replaces whatever a restore pointed the account at. */
export function clearDatabaseAlias(baseName: string, storage: AliasStorage | null = browserStorage()): void {
  storage?.removeItem(PREFIX + baseName);
}

/** `station-srv-u1-restored-20261128T093000`, by the Shanghai clock. */
export function restoredDatabaseName(baseName: string, now: Date): string {
  return `${baseName}-restored-${toShanghaiIsoSeconds(now).slice(0, 19).replace(/[-:]/g, '')}`;
}

import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../shared/domain/enums';
import { STAFF_ROLE } from '../../shared/domain/enums';
import { stationCode as stationCodeSchema } from '../../shared/domain/primitives';
import { getStation } from '../../shared/stations/tree';
import type { Queryable } from '../db/db';
import { checkPassword, checkUsername, normalizeUsername } from './credentialPolicy';
import type { PasswordHash } from './password';
import { hashPassword } from './password';

export interface Account {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  stationCode: string;
  disabled: boolean;
}

export interface AccountRow {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  station_code: string;
  disabled: boolean;
  password_hash: string;
  password_salt: string;
}

export function toAccount(r: Pick<AccountRow, 'id' | 'username' | 'name' | 'role' | 'station_code' | 'disabled'>): Account {
  return { id: r.id, username: r.username, name: r.name, role: r.role, stationCode: r.station_code, disabled: r.disabled };
}

export function checkStationCode(code: string): void {
  if (!stationCodeSchema.safeParse(code).success || !getStation(code)) throw new Error(`unknown station code ${code}`);
}

export interface NewAccount {
  /** Defaults to a fresh uuid; demo accounts reuse their staff row's id. */
  id?: string;
  username: string;
  name: string;
  role: StaffRole;
  stationCode: string;
  password: string;
}

/**
 * The username is stored as sign-in compares it (see credentialPolicy.ts), so `Li.Xiaomin ` can
 * sign in as `li.xiaomin`; one that could never sign in, and a weak password, are refused.
 */
export async function createAccount(db: Queryable, a: NewAccount, now = new Date()): Promise<Account> {
  const username = checkUsername(a.username);
  if (!(STAFF_ROLE.values as readonly string[]).includes(a.role)) throw new Error(`unknown role ${a.role}`);
  checkStationCode(a.stationCode);
  checkPassword(a.password, username);
  if (await findAccountByUsername(db, username)) throw new Error(`an account named ${username} already exists`);
  const pw = await hashPassword(a.password);
  const rows = await db.query<AccountRow>(
    `INSERT INTO accounts (id, username, name, role, station_code, password_hash, password_salt, disabled, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8, $8) RETURNING *`,
    [a.id ?? randomUUID(), username, a.name, a.role, a.stationCode, pw.hash, pw.salt, now],
  );
  return toAccount(rows[0]!);
}

export async function findAccountByUsername(db: Queryable, username: string): Promise<(Account & { password: PasswordHash }) | null> {
  const rows = await db.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [normalizeUsername(username)]);
  const r = rows[0];
  return r ? { ...toAccount(r), password: { hash: r.password_hash, salt: r.password_salt } } : null;
}

async function updateOne(db: Queryable, username: string, set: string, params: (string | boolean)[], now: Date): Promise<Account> {
  const rows = await db.query<AccountRow>(`UPDATE accounts SET ${set}, updated_at = $2 WHERE username = $1 RETURNING *`, [
    normalizeUsername(username),
    now,
    ...params,
  ]);
  if (!rows[0]) throw new Error(`no account named ${normalizeUsername(username)}`);
  return toAccount(rows[0]);
}

/** Changes the account's scope; its devices must refetch on their next pull. */
export async function setAccountStation(db: Queryable, username: string, stationCode: string, now = new Date()): Promise<Account> {
  checkStationCode(stationCode);
  return updateOne(db, username, 'station_code = $3', [stationCode], now);
}

/** A new password also revokes every token, so a leaked session ends with the reset. */
export async function resetPassword(db: Queryable, username: string, password: string, now = new Date()): Promise<Account> {
  checkPassword(password, username);
  const pw = await hashPassword(password);
  const account = await updateOne(db, username, 'password_hash = $3, password_salt = $4', [pw.hash, pw.salt], now);
  await db.query('UPDATE tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL', [account.id, now]);
  return account;
}

export async function setAccountDisabled(db: Queryable, username: string, disabled: boolean, now = new Date()): Promise<Account> {
  return updateOne(db, username, 'disabled = $3', [disabled], now);
}

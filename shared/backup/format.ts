import { type BackupFailure, type BackupResult, backupFail } from './errors';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  type BackupHeader,
  type BackupMeta,
  DEFAULT_PBKDF2_ITERATIONS,
  IV_BYTES,
  MAX_HEADER_BYTES,
  MIN_PBKDF2_ITERATIONS,
  SALT_BYTES,
  backupHeaderSchema,
} from './header';
import {
  aesGcmDecrypt,
  aesGcmEncrypt,
  derivePasswordKey,
  fromHex,
  randomBytes,
  sha256Hex,
  toHex,
  utf8Decode,
  utf8Encode,
} from '../cipher/aesGcm';

/**
 * The encrypted backup file, version 1:
 *
 *   "YOUFU-BACKUP" (12 ASCII bytes) · header length (uint32, big-endian) · header (UTF-8 JSON)
 *   · AES-256-GCM ciphertext of the payload with its 16-byte tag
 *
 * The payload is JSON lines, one `[table, row]` per line, tables in header order. The key is
 * PBKDF2-SHA256 of the backup password (random salt, ≥ 200k iterations); the IV is random;
 * everything before the ciphertext is the GCM additional data. So a wrong password and any
 * changed byte end the same way: the tag does not verify.
 */

export const MIN_BACKUP_PASSWORD_LENGTH = 8;
const MAGIC_BYTES = utf8Encode(BACKUP_MAGIC);
const PREFIX_BYTES = MAGIC_BYTES.length + 4;

export type BackupTables = Readonly<Record<string, readonly unknown[]>>;

export interface BackupContents {
  header: BackupHeader;
  /** Rows of every table named in the header, in file order. */
  tables: Record<string, unknown[]>;
}

export interface EncodeOptions {
  /** PBKDF2 iterations; at least MIN_PBKDF2_ITERATIONS. */
  iterations?: number;
}

export async function encodeBackup(
  meta: BackupMeta,
  tableOrder: readonly string[],
  tables: BackupTables,
  password: string,
  options: EncodeOptions = {},
): Promise<BackupResult<Uint8Array<ArrayBuffer>>> {
  if (password.length < MIN_BACKUP_PASSWORD_LENGTH) return backupFail('backup_password_too_short');
  const iterations = Math.max(options.iterations ?? DEFAULT_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS);
  const lines: string[] = [];
  const counts: Record<string, number> = {};
  for (const table of tableOrder) {
    const rows = tables[table] ?? [];
    counts[table] = rows.length;
    for (const row of rows) lines.push(JSON.stringify([table, row]));
  }
  const payload = utf8Encode(lines.join('\n'));
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header: BackupHeader = {
    magic: BACKUP_MAGIC,
    formatVersion: BACKUP_FORMAT_VERSION,
    ...meta,
    tables: [...tableOrder],
    counts,
    payloadSha256: await sha256Hex(payload),
    kdf: { name: 'PBKDF2-SHA256', iterations, salt: toHex(salt) },
    cipher: { name: 'AES-256-GCM', iv: toHex(iv) },
  };
  const headerBytes = utf8Encode(JSON.stringify(header));
  const aad = new Uint8Array(PREFIX_BYTES + headerBytes.length);
  aad.set(MAGIC_BYTES, 0);
  new DataView(aad.buffer).setUint32(MAGIC_BYTES.length, headerBytes.length, false);
  aad.set(headerBytes, PREFIX_BYTES);
  const key = await derivePasswordKey(password, salt, iterations, ['encrypt']);
  const sealed = await aesGcmEncrypt(key, iv, payload, aad);
  const out = new Uint8Array(aad.length + sealed.length);
  out.set(aad, 0);
  out.set(sealed, aad.length);
  return { ok: true, value: out };
}

/** Reads the plaintext header without the password; NOT authenticated, for display only. */
export function readBackupHeader(bytes: Uint8Array): BackupResult<{ header: BackupHeader; aad: Uint8Array; sealed: Uint8Array }> {
  if (bytes.length < MAGIC_BYTES.length || !MAGIC_BYTES.every((b, i) => bytes[i] === b)) return backupFail('backup_not_a_backup');
  if (bytes.length < PREFIX_BYTES) return backupFail('backup_damaged_or_wrong_password', 'truncated');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC_BYTES.length, false);
  if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > bytes.length)
    return backupFail('backup_damaged_or_wrong_password', 'header length');
  let raw: unknown;
  try {
    raw = JSON.parse(utf8Decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)));
  } catch {
    return backupFail('backup_damaged_or_wrong_password', 'header is not JSON');
  }
  const version = typeof raw === 'object' && raw !== null && 'formatVersion' in raw ? raw.formatVersion : undefined;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) return backupFail('backup_version_unsupported', `format ${version}`);
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success || parsed.data.formatVersion !== BACKUP_FORMAT_VERSION)
    return backupFail('backup_damaged_or_wrong_password', 'header fields');
  return {
    ok: true,
    value: {
      header: parsed.data,
      aad: bytes.subarray(0, PREFIX_BYTES + headerLength),
      sealed: bytes.subarray(PREFIX_BYTES + headerLength),
    },
  };
}

export interface ParseOptions {
  /** The database the backup is meant to be restored into. */
  expected: { databaseName: string; accountId: string };
  /**
   * Accept a backup of the same account from a differently named database (another server
   * id, say), for restoring into a fresh profile. The caller must make sure the target is empty.
   */
  allowSameAccountFreshProfile?: boolean;
}

/** Decrypts and checks a backup: magic, version, tag, SHA-256, row counts, and whose it is. */
export async function parseBackup(bytes: Uint8Array, password: string, options: ParseOptions): Promise<BackupResult<BackupContents>> {
  const read = readBackupHeader(bytes);
  if (!read.ok) return read;
  const { header, aad, sealed } = read.value;
  const key = await derivePasswordKey(password, fromHex(header.kdf.salt), header.kdf.iterations, ['decrypt']);
  const opened = await aesGcmDecrypt(key, fromHex(header.cipher.iv), sealed, aad);
  if (!opened.ok) return backupFail('backup_damaged_or_wrong_password', 'authentication tag');
  const payload = opened.value;
  if ((await sha256Hex(payload)) !== header.payloadSha256) return backupFail('backup_damaged_or_wrong_password', 'payload digest');
  const tables = decodePayload(payload, header);
  if (!tables.ok) return tables;
  const foreign = checkOwner(header, options);
  if (foreign) return { ok: false, error: foreign };
  return { ok: true, value: { header, tables: tables.value } };
}

function decodePayload(payload: Uint8Array, header: BackupHeader): BackupResult<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const t of header.tables) tables[t] = [];
  let text: string;
  try {
    text = utf8Decode(payload);
  } catch {
    return backupFail('backup_damaged_or_wrong_password', 'payload is not UTF-8');
  }
  if (text.length > 0) {
    for (const [i, line] of text.split('\n').entries()) {
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        return backupFail('backup_damaged_or_wrong_password', `line ${i + 1} is not JSON`);
      }
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string')
        return backupFail('backup_damaged_or_wrong_password', `line ${i + 1}`);
      const rows = tables[entry[0]];
      if (!rows) return backupFail('backup_damaged_or_wrong_password', `line ${i + 1}: unknown table`);
      rows.push(entry[1]);
    }
  }
  for (const t of header.tables) {
    if ((tables[t]?.length ?? 0) !== (header.counts[t] ?? -1)) return backupFail('backup_damaged_or_wrong_password', `count of ${t}`);
  }
  return { ok: true, value: tables };
}

function checkOwner(header: BackupHeader, options: ParseOptions): BackupFailure | null {
  if (header.databaseName === options.expected.databaseName && header.accountId === options.expected.accountId) return null;
  if (options.allowSameAccountFreshProfile === true && header.accountId === options.expected.accountId) return null;
  return { code: 'backup_foreign', detail: `backup of ${header.databaseName}` };
}

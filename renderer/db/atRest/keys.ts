import {
  AES_GCM_IV_BYTES,
  AES_KEY_BYTES,
  aesGcmEncrypt,
  fromBase64,
  importAesKey,
  randomBytes,
  toBase64,
} from '../../../shared/cipher/aesGcm';
import { hmacSha256, toHex, utf8 } from '../blindIndex';

export { fromBase64, toBase64 };

/**
 * The two secrets of one local database: the AES-256-GCM data key that seals sensitive fields,
 * and the HMAC key of the blind index and hashed search keys. Both are random per database;
 * at rest they exist only wrapped (Electron: main's safeStorage; browser shell: see
 * renderer/platform/dbKeys.ts). The renderer holds them only while the session is unlocked.
 */
export interface DatabaseKeyMaterial {
  dataKey: Uint8Array;
  blindIndexKey: Uint8Array;
}

/** The keys as the codec uses them: the data key cannot be exported back out of WebCrypto. */
export interface DatabaseKeys {
  dataKey: CryptoKey;
  blindIndexKey: Uint8Array;
}

export const KEY_BYTES = AES_KEY_BYTES;

export function generateKeyMaterial(): DatabaseKeyMaterial {
  return { dataKey: randomBytes(KEY_BYTES), blindIndexKey: randomBytes(KEY_BYTES) };
}

export async function importDatabaseKeys(material: DatabaseKeyMaterial): Promise<DatabaseKeys> {
  if (material.dataKey.length !== KEY_BYTES || material.blindIndexKey.length !== KEY_BYTES)
    throw new Error('database keys must be 32 bytes each');
  // shared/ cannot name the DOM's CryptoKey; what WebCrypto hands back is one.
  const dataKey = (await importAesKey(material.dataKey)) as CryptoKey;
  return { dataKey, blindIndexKey: new Uint8Array(material.blindIndexKey) };
}

/**
 * A short fingerprint of the key pair, kept in the database: opening it with other keys (a lost
 * key file, another profile's keys) is recognised before anything is written, never silently.
 * It is an HMAC under the blind-index key, so it tells nothing about either key.
 */
export async function keyCheckValue(keys: DatabaseKeys): Promise<string> {
  // A fixed zero IV: this one constant block is all that is ever sealed with it (everything else gets a random IV).
  const probe = await aesGcmEncrypt(
    keys.dataKey,
    new Uint8Array(AES_GCM_IV_BYTES),
    new Uint8Array(16),
    new Uint8Array(utf8('youfu-desk/key-check')),
  );
  return toHex(hmacSha256(keys.blindIndexKey, probe)).slice(0, 32);
}

export function materialToBase64(m: DatabaseKeyMaterial): { dataKey: string; blindIndexKey: string } {
  return { dataKey: toBase64(m.dataKey), blindIndexKey: toBase64(m.blindIndexKey) };
}

export function materialFromBase64(m: { dataKey: string; blindIndexKey: string }): DatabaseKeyMaterial {
  return { dataKey: fromBase64(m.dataKey), blindIndexKey: fromBase64(m.blindIndexKey) };
}

/** New random keys, imported: for a database that lives only as long as this page (benchmarks, tests). */
export async function freshDatabaseKeys(): Promise<DatabaseKeys> {
  return importDatabaseKeys(generateKeyMaterial());
}

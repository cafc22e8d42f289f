import { hmacSha256, toHex, utf8 } from '../blindIndex';

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

export const KEY_BYTES = 32;

export function generateKeyMaterial(): DatabaseKeyMaterial {
  return { dataKey: crypto.getRandomValues(new Uint8Array(KEY_BYTES)), blindIndexKey: crypto.getRandomValues(new Uint8Array(KEY_BYTES)) };
}

export async function importDatabaseKeys(material: DatabaseKeyMaterial): Promise<DatabaseKeys> {
  if (material.dataKey.length !== KEY_BYTES || material.blindIndexKey.length !== KEY_BYTES) throw new Error('database keys must be 32 bytes each');
  const dataKey = await crypto.subtle.importKey('raw', new Uint8Array(material.dataKey), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { dataKey, blindIndexKey: new Uint8Array(material.blindIndexKey) };
}

/**
 * A short fingerprint of the key pair, kept in the database: opening it with other keys (a lost
 * key file, another profile's keys) is recognised before anything is written, never silently.
 * It is an HMAC under the blind-index key, so it tells nothing about either key.
 */
export async function keyCheckValue(keys: DatabaseKeys): Promise<string> {
  const probe = new Uint8Array(await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: new Uint8Array(12), additionalData: new Uint8Array(utf8('youfu-desk/key-check')) }, keys.dataKey, new Uint8Array(16),
  ));
  return toHex(hmacSha256(keys.blindIndexKey, probe)).slice(0, 32);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
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

/**
 * The house's one AES-256-GCM and PBKDF2-SHA256, on WebCrypto (`globalThis.crypto.subtle`, a
 * global in browsers, Electron's renderer and Node 20), with the byte codecs the sealed
 * formats use. Three formats build on it and must stay byte for byte what they are: the
 * sealed fields of the local database (renderer/db/atRest/cipher.ts), the browser shell's key
 * envelope (renderer/platform/keyEnvelope.ts) and the backup file (shared/backup/format.ts);
 * aesGcm.test.ts pins them with known-answer vectors.
 *
 * shared/ compiles without DOM or Node types, so the few WebCrypto shapes used are declared
 * here, module-local.
 */
import { type Result, err, ok } from '../result';

/** A WebCrypto key (`CryptoKey`): opaque here, never extractable. */
export interface CryptoKeyLike {
  readonly type: string;
}

export type AesKeyUsage = 'encrypt' | 'decrypt';

export const AES_KEY_BYTES = 32;
/** GCM's recommended 96-bit nonce; random per encryption, never reused under one key. */
export const AES_GCM_IV_BYTES = 12;
export const AES_GCM_TAG_BYTES = 16;
export const PBKDF2_HASH = 'SHA-256';
export const PBKDF2_SALT_BYTES = 16;
/** The work factor new backups and key envelopes are written with (each format keeps its own minimum). */
export const PBKDF2_DEFAULT_ITERATIONS = 250_000;

interface AesGcmParams {
  name: 'AES-GCM';
  iv: Uint8Array;
  additionalData: Uint8Array;
  tagLength: 128;
}

interface SubtleLike {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: 'PBKDF2' | { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: readonly string[],
  ): Promise<CryptoKeyLike>;
  deriveKey(
    algorithm: { name: 'PBKDF2'; hash: typeof PBKDF2_HASH; salt: Uint8Array; iterations: number },
    baseKey: CryptoKeyLike,
    derived: { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: readonly AesKeyUsage[],
  ): Promise<CryptoKeyLike>;
  encrypt(algorithm: AesGcmParams, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

declare const crypto: { readonly subtle: SubtleLike; getRandomValues(array: Uint8Array): Uint8Array };
declare const TextEncoder: new () => { encode(input: string): Uint8Array<ArrayBuffer> };
declare const TextDecoder: new (label: 'utf-8', options: { fatal: true }) => { decode(input: Uint8Array): string };
declare function btoa(data: string): string;
declare function atob(data: string): string;

const ALL_USAGES: readonly AesKeyUsage[] = ['encrypt', 'decrypt'];

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  crypto.getRandomValues(out);
  return out;
}

/** A raw 256-bit key as a non-extractable AES-GCM key. */
export async function importAesKey(raw: Uint8Array, usages: readonly AesKeyUsage[] = ALL_USAGES): Promise<CryptoKeyLike> {
  if (raw.length !== AES_KEY_BYTES) throw new Error(`an AES-256 key has ${AES_KEY_BYTES} bytes`);
  return crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'AES-GCM', length: 256 }, false, usages);
}

/**
 * The AES-256-GCM key of a password: PBKDF2-SHA256 over the password in Unicode NFC (so the
 * same password typed on another keyboard or OS gives the same key), with the given salt.
 */
export async function derivePasswordKey(
  password: string,
  salt: Uint8Array,
  iterations: number,
  usages: readonly AesKeyUsage[] = ALL_USAGES,
): Promise<CryptoKeyLike> {
  const base = await crypto.subtle.importKey('raw', utf8Encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: PBKDF2_HASH, salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    usages,
  );
}

/** Ciphertext with its 16-byte tag appended, the additional data authenticated alongside. */
export async function aesGcmEncrypt(
  key: CryptoKeyLike,
  iv: Uint8Array,
  plain: Uint8Array,
  additionalData: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, key, plain));
}

/**
 * The plaintext, or `tampered_or_wrong_key` when the tag does not verify: a wrong key, other
 * additional data and a changed byte cannot be told apart, by design.
 */
export async function aesGcmDecrypt(
  key: CryptoKeyLike,
  iv: Uint8Array,
  sealed: Uint8Array,
  additionalData: Uint8Array,
): Promise<Result<Uint8Array<ArrayBuffer>, 'tampered_or_wrong_key'>> {
  try {
    return ok(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, key, sealed)));
  } catch {
    return err('tampered_or_wrong_key');
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** Throws on malformed UTF-8 (a damaged file), never replaces characters silently. */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error('not hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
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

/**
 * AES-256-GCM sealing of small JSON values with WebCrypto. One sealed value is
 * `[version 1][96-bit random IV][ciphertext + 128-bit tag]` in one Uint8Array (IndexedDB keeps
 * bytes as they are). The additional authenticated data names where the value lives (table and
 * row id), so a ciphertext copied onto another row, or another table, fails to open.
 */
import {
  AES_GCM_IV_BYTES,
  AES_GCM_TAG_BYTES,
  type CryptoKeyLike,
  aesGcmDecrypt,
  aesGcmEncrypt,
  randomBytes,
  utf8Decode,
  utf8Encode,
} from '../../../shared/cipher/aesGcm';

export const SEALED_FORMAT_VERSION = 1;
const IV_BYTES = AES_GCM_IV_BYTES;
const HEADER_BYTES = 1 + IV_BYTES;

/** A sealed value that does not open: tampered with, moved to another row, or another key. */
export class SealedValueError extends Error {
  constructor(readonly reason: 'malformed' | 'unsupported_version' | 'tampered_or_wrong_key') {
    super(`sealed value cannot be opened: ${reason}`);
    this.name = 'SealedValueError';
  }
}

/** The AAD of a row's sealed field: binds the ciphertext to its table and primary key. */
export function rowAad(table: string, rowId: string): string {
  return `youfu-desk/v1/${table}/${rowId}`;
}

export async function sealJson(key: CryptoKeyLike, aad: string, value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  return sealBytes(key, aad, utf8Encode(JSON.stringify(value)));
}

/** Bytes (an attachment's photo or PDF) in the same sealed format as a JSON value. */
export async function sealBytes(key: CryptoKeyLike, aad: string, bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(IV_BYTES);
  const cipher = await aesGcmEncrypt(key, iv, bytes, utf8Encode(aad));
  const out = new Uint8Array(HEADER_BYTES + cipher.byteLength);
  out[0] = SEALED_FORMAT_VERSION;
  out.set(iv, 1);
  out.set(cipher, HEADER_BYTES);
  return out;
}

export async function openBytes(key: CryptoKeyLike, aad: string, sealed: Uint8Array): Promise<Uint8Array> {
  if (!(sealed instanceof Uint8Array) || sealed.length < HEADER_BYTES + AES_GCM_TAG_BYTES) throw new SealedValueError('malformed');
  if (sealed[0] !== SEALED_FORMAT_VERSION) throw new SealedValueError('unsupported_version');
  const plain = await aesGcmDecrypt(key, sealed.slice(1, HEADER_BYTES), sealed.slice(HEADER_BYTES), utf8Encode(aad));
  if (!plain.ok) throw new SealedValueError(plain.error);
  return plain.value;
}

export async function openJson(key: CryptoKeyLike, aad: string, sealed: Uint8Array): Promise<unknown> {
  return JSON.parse(utf8Decode(await openBytes(key, aad, sealed))) as unknown;
}

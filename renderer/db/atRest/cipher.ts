/**
 * AES-256-GCM sealing of small JSON values with WebCrypto. One sealed value is
 * `[version 1][96-bit random IV][ciphertext + 128-bit tag]` in one Uint8Array (IndexedDB keeps
 * bytes as they are). The additional authenticated data names where the value lives (table and
 * row id), so a ciphertext copied onto another row, or another table, fails to open.
 */
export const SEALED_FORMAT_VERSION = 1;
const IV_BYTES = 12;
const HEADER_BYTES = 1 + IV_BYTES;

/** A sealed value that does not open: tampered with, moved to another row, or another key. */
export class SealedValueError extends Error {
  constructor(readonly reason: 'malformed' | 'unsupported_version' | 'tampered_or_wrong_key') {
    super(`sealed value cannot be opened: ${reason}`);
    this.name = 'SealedValueError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The AAD of a row's sealed field: binds the ciphertext to its table and primary key. */
export function rowAad(table: string, rowId: string): string {
  return `youfu-desk/v1/${table}/${rowId}`;
}

export async function sealJson(key: CryptoKey, aad: string, value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = encoder.encode(JSON.stringify(value));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, key, plain);
  const out = new Uint8Array(HEADER_BYTES + cipher.byteLength);
  out[0] = SEALED_FORMAT_VERSION;
  out.set(iv, 1);
  out.set(new Uint8Array(cipher), HEADER_BYTES);
  return out;
}

export async function openJson(key: CryptoKey, aad: string, sealed: Uint8Array): Promise<unknown> {
  if (!(sealed instanceof Uint8Array) || sealed.length < HEADER_BYTES + 16) throw new SealedValueError('malformed');
  if (sealed[0] !== SEALED_FORMAT_VERSION) throw new SealedValueError('unsupported_version');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(1, HEADER_BYTES), additionalData: encoder.encode(aad) },
      key,
      sealed.slice(HEADER_BYTES),
    );
  } catch {
    throw new SealedValueError('tampered_or_wrong_key');
  }
  return JSON.parse(decoder.decode(plain)) as unknown;
}

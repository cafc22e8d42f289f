/**
 * The part of WebCrypto and the text codecs the backup format uses. `crypto.subtle`,
 * `TextEncoder` and `TextDecoder` are globals in browsers, Electron's renderer and Node 20;
 * shared/ compiles without DOM or Node types, so their shapes are declared here, module-local.
 */
export interface CryptoKeyLike {
  readonly type: string;
}

export interface SubtleLike {
  importKey(format: 'raw', keyData: Uint8Array, algorithm: 'PBKDF2', extractable: false, usages: readonly 'deriveKey'[]): Promise<CryptoKeyLike>;
  deriveKey(
    algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number },
    baseKey: CryptoKeyLike,
    derived: { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: readonly ('encrypt' | 'decrypt')[],
  ): Promise<CryptoKeyLike>;
  encrypt(algorithm: AesGcmParams, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

interface AesGcmParams {
  name: 'AES-GCM';
  iv: Uint8Array;
  additionalData: Uint8Array;
  tagLength: 128;
}

declare const crypto: { readonly subtle: SubtleLike; getRandomValues(array: Uint8Array): Uint8Array };
declare const TextEncoder: new () => { encode(input: string): Uint8Array<ArrayBuffer> };
declare const TextDecoder: new (label: 'utf-8', options: { fatal: true }) => { decode(input: Uint8Array): string };

export function subtle(): SubtleLike {
  return crypto.subtle;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  crypto.getRandomValues(out);
  return out;
}

export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** Throws on malformed UTF-8 (a damaged file), never replaces characters silently. */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
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

import { describe, expect, it } from 'vitest';
import {
  AES_GCM_IV_BYTES,
  AES_GCM_TAG_BYTES,
  aesGcmDecrypt,
  aesGcmEncrypt,
  derivePasswordKey,
  fromBase64,
  fromHex,
  importAesKey,
  randomBytes,
  sha256Hex,
  toBase64,
  toHex,
  utf8Decode,
  utf8Encode,
} from './aesGcm';

const bytes = (n: number, fill: number): Uint8Array<ArrayBuffer> => new Uint8Array(n).fill(fill);
const seq = (n: number, from = 0): Uint8Array<ArrayBuffer> => Uint8Array.from({ length: n }, (_, i) => i + from);

describe('AES-256-GCM known answers (the stored formats cannot change silently)', () => {
  it('matches the GCM specification test case 16 (AES-256, 96-bit IV, additional data)', async () => {
    const key = await importAesKey(fromHex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308'));
    const iv = fromHex('cafebabefacedbaddecaf888');
    const plain = fromHex(
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    );
    const aad = fromHex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    const sealed = await aesGcmEncrypt(key, iv, plain, aad);
    expect(toHex(sealed)).toBe(
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' +
        '76fc6ece0f4e1768cddf8853bb2d551b',
    );
    expect(await aesGcmDecrypt(key, iv, sealed, aad)).toEqual({ ok: true, value: plain });
  });

  it('derives the password key as PBKDF2-SHA256 over the NFC password (vector from node:crypto pbkdf2Sync + aes-256-gcm)', async () => {
    // "café" typed as e + combining acute: NFC makes it the same key as the precomposed é.
    const decomposed = 'cafe\u0301 密码';
    const iv = seq(AES_GCM_IV_BYTES, 100);
    const aad = utf8Encode('youfu-desk/key-envelope/v1/station-srv-u1');
    const plain = utf8Encode(JSON.stringify({ dataKey: 'AAAA', blindIndexKey: 'BBBB' }));
    const expected = '6eb5a8784748e1cd596c4becc855c155cda259238cd7496fa726878e99b5210994a10b984888861f16793d93e8d336b2b5ba2eee0f3de41053';
    for (const password of [decomposed, decomposed.normalize('NFC')]) {
      const key = await derivePasswordKey(password, seq(16), 1000);
      expect(toHex(await aesGcmEncrypt(key, iv, plain, aad))).toBe(expected);
    }
  });
});

describe('AES-256-GCM round trip and refusals', () => {
  it('opens what it sealed, with the tag appended', async () => {
    const key = await importAesKey(randomBytes(32));
    const iv = randomBytes(AES_GCM_IV_BYTES);
    const plain = utf8Encode('王建国 13800138000');
    const sealed = await aesGcmEncrypt(key, iv, plain, utf8Encode('here'));
    expect(sealed.length).toBe(plain.length + AES_GCM_TAG_BYTES);
    const opened = await aesGcmDecrypt(key, iv, sealed, utf8Encode('here'));
    expect(opened.ok && utf8Decode(opened.value)).toBe('王建国 13800138000');
  });

  it.each([
    ['another key', { key: 1, aad: 'here', flip: -1 }],
    ['other additional data', { key: 0, aad: 'there', flip: -1 }],
    ['a changed ciphertext byte', { key: 0, aad: 'here', flip: 0 }],
    ['a changed tag byte', { key: 0, aad: 'here', flip: 20 }],
  ])('refuses %s', async (_name, c) => {
    const keys = [await importAesKey(bytes(32, 1)), await importAesKey(bytes(32, 2))];
    const iv = bytes(AES_GCM_IV_BYTES, 7);
    const sealed = await aesGcmEncrypt(keys[0]!, iv, utf8Encode('secret'), utf8Encode('here'));
    if (c.flip >= 0) sealed[c.flip]! ^= 1;
    expect(await aesGcmDecrypt(keys[c.key]!, iv, sealed, utf8Encode(c.aad))).toEqual({ ok: false, error: 'tampered_or_wrong_key' });
  });

  it('refuses the wrong password', async () => {
    const iv = bytes(AES_GCM_IV_BYTES, 3);
    const sealed = await aesGcmEncrypt(await derivePasswordKey('correct horse', seq(16), 1000), iv, utf8Encode('x'), utf8Encode('a'));
    const wrong = await derivePasswordKey('correct horsE', seq(16), 1000);
    expect((await aesGcmDecrypt(wrong, iv, sealed, utf8Encode('a'))).ok).toBe(false);
  });

  it('refuses a key that is not 256 bits', async () => {
    await expect(importAesKey(bytes(16, 1))).rejects.toThrow();
  });
});

describe('codecs', () => {
  it.each([
    [new Uint8Array([]), '', ''],
    [new Uint8Array([0, 255, 16]), '00ff10', 'AP8Q'],
    [utf8Encode('优抚'), 'e4bc98e68a9a', '5LyY5oqa'],
  ])('%j is hex %s and base64 %s, both ways', (raw, hex, b64) => {
    expect(toHex(raw)).toBe(hex);
    expect(fromHex(hex)).toEqual(raw);
    expect(toBase64(raw)).toBe(b64);
    expect(fromBase64(b64)).toEqual(raw);
  });

  it('refuses text that is not lower-case hex, and malformed UTF-8', () => {
    expect(() => fromHex('0g')).toThrow();
    expect(() => fromHex('abc')).toThrow();
    expect(() => utf8Decode(new Uint8Array([0xe4, 0xbc]))).toThrow();
  });

  it('hashes with SHA-256', async () => {
    expect(await sha256Hex(utf8Encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../shared/cipher/aesGcm';
import { SealedValueError, openJson, rowAad } from './cipher';
import { importDatabaseKeys, keyCheckValue } from './keys';

/**
 * Known answers computed with node:crypto (aes-256-gcm, HMAC-SHA256), an implementation apart
 * from WebCrypto: databases already on disk hold these bytes, so they must keep opening.
 */
const KEYS = { dataKey: new Uint8Array(32).fill(0x11), blindIndexKey: new Uint8Array(32).fill(0x33) };
const ROW = '11111111-0000-4000-8000-000000000001';
const SEALED =
  '012222222222222222222222226cd56e2d8ebaf23d804dfc066a97d8e52ea3fcd353b5997b617f3dd839d05721695ddb6a3cc69cad6c62b60fd7' +
  '6b710583e3ad5aa5424adce90972ee56023a088527a81a53a21e459343';

describe('the sealed field format, version 1 (byte for byte)', () => {
  it('opens a value sealed as [1][IV][ciphertext + tag] under the row AAD', async () => {
    const keys = await importDatabaseKeys(KEYS);
    expect(await openJson(keys.dataKey, rowAad('recipients', ROW), fromHex(SEALED))).toEqual({
      idNumber: '110101194503070012',
      phones: ['13800138000'],
    });
  });

  it('does not open it on another row', async () => {
    const keys = await importDatabaseKeys(KEYS);
    await expect(openJson(keys.dataKey, rowAad('recipients', ROW.replace('1', '2')), fromHex(SEALED))).rejects.toBeInstanceOf(
      SealedValueError,
    );
  });

  it('keeps the key check value a database stores', async () => {
    expect(await keyCheckValue(await importDatabaseKeys(KEYS))).toBe('708853c6caf5cef0ec8f46b43d0704a3');
  });
});

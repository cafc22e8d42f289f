import { describe, expect, it } from 'vitest';
import { SealedValueError, openJson, rowAad, sealJson } from './cipher';
import { fromBase64, generateKeyMaterial, importDatabaseKeys, keyCheckValue, toBase64 } from './keys';

async function key(): Promise<CryptoKey> {
  return (await importDatabaseKeys(generateKeyMaterial())).dataKey;
}

const VALUE = { idNumber: '44030419400315123X', phones: ['13812345678'], address: '福田区园岭街道 1 号' };

describe('AES-256-GCM sealing', () => {
  it('round-trips a value, and hides it', async () => {
    const k = await key();
    const sealed = await sealJson(k, rowAad('recipients', 'r1'), VALUE);
    expect(await openJson(k, rowAad('recipients', 'r1'), sealed)).toEqual(VALUE);
    expect(new TextDecoder().decode(sealed)).not.toContain('13812345678');
    expect(sealed[0]).toBe(1);
  });

  it('uses a fresh random IV per write: the same value seals differently', async () => {
    const k = await key();
    const a = await sealJson(k, rowAad('recipients', 'r1'), VALUE);
    const b = await sealJson(k, rowAad('recipients', 'r1'), VALUE);
    expect(toBase64(a.slice(1, 13))).not.toBe(toBase64(b.slice(1, 13)));
    expect(toBase64(a)).not.toBe(toBase64(b));
  });

  it('detects tampering anywhere in the sealed bytes', async () => {
    const k = await key();
    const sealed = await sealJson(k, rowAad('visits', 'v1'), { notes: '血压偏高' });
    for (const at of [5, 20, sealed.length - 1]) {
      const bad = sealed.slice();
      bad[at] = bad[at]! ^ 0x01;
      await expect(openJson(k, rowAad('visits', 'v1'), bad)).rejects.toEqual(new SealedValueError('tampered_or_wrong_key'));
    }
    await expect(openJson(k, rowAad('visits', 'v1'), sealed.slice(0, 20))).rejects.toBeInstanceOf(SealedValueError);
  });

  it('refuses the wrong key', async () => {
    const sealed = await sealJson(await key(), rowAad('requests', 'q1'), { description: '需要陪同就医' });
    await expect(openJson(await key(), rowAad('requests', 'q1'), sealed)).rejects.toEqual(new SealedValueError('tampered_or_wrong_key'));
  });

  it('binds the ciphertext to its table and row: a value swapped onto another row does not open', async () => {
    const k = await key();
    const sealed = await sealJson(k, rowAad('recipients', 'r1'), VALUE);
    await expect(openJson(k, rowAad('recipients', 'r2'), sealed)).rejects.toEqual(new SealedValueError('tampered_or_wrong_key'));
    await expect(openJson(k, rowAad('visits', 'r1'), sealed)).rejects.toEqual(new SealedValueError('tampered_or_wrong_key'));
  });

  it('fingerprints a key pair without revealing it, and tells two pairs apart', async () => {
    const m = generateKeyMaterial();
    const a = await keyCheckValue(await importDatabaseKeys(m));
    expect(a).toBe(
      await keyCheckValue(await importDatabaseKeys({ dataKey: fromBase64(toBase64(m.dataKey)), blindIndexKey: m.blindIndexKey })),
    );
    expect(a).not.toBe(await keyCheckValue(await importDatabaseKeys(generateKeyMaterial())));
    expect(a).not.toContain(toBase64(m.dataKey).slice(0, 8));
  });
});

import { IDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { hmacSha256, idNumberBlindIndex, sha256, toHex, utf8 } from './blindIndex';
import { createRowCodec } from './codec';
import { generateKeyMaterial } from './atRest/keys';
import { Dexie } from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, openYoufuDb } from './database';
import { databaseName } from './databaseAlias';
import { requestPersistentStorage } from './persistentStorage';
import { recipientSearchKeys } from './searchKeys';
import { idNumberEndingInX, recipientInput } from './testFixtures';
import { recipientSchema } from '../../shared/domain/schemas';

describe('database', () => {
  it('names one database per server and account', () => {
    expect(databaseName('sz-city', 'u42')).toBe('station-sz-city-u42');
    expect(() => databaseName('', 'u42')).toThrow();
  });

  it('opens the latest version with every table', async () => {
    const db = await openYoufuDb('station-test-open', { indexedDB: new IDBFactory(), IDBKeyRange: FakeIDBKeyRange });
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      expect.arrayContaining([
        'aid',
        'auditLocal',
        'conflicts',
        'duties',
        'dutyOccurrences',
        'outbox',
        'recipients',
        'requests',
        'signoffs',
        'staff',
        'stations',
        'syncState',
        'visits',
      ]),
    );
    expect(db.signoffs.schema.idxByName['[stationCode+weekStart]']).toBeDefined();
    expect(db.outbox.schema.primKey.auto).toBe(true);
    expect(db.outbox.schema.idxByName['id']?.unique).toBe(true);
    expect(db.recipients.schema.idxByName['searchKeys']?.multi).toBe(true);
    db.close();
  });

  it('upgrades a version 1 database to version 2 keeping its rows and adding the sign-offs table', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('station-test-v1', { indexedDB, IDBKeyRange: FakeIDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('syncState').put({ key: 'clientId', value: 'c-1' });
    v1.close();
    const db = await openYoufuDb('station-test-v1', { indexedDB, IDBKeyRange: FakeIDBKeyRange });
    expect(await db.syncState.get('clientId')).toEqual({ key: 'clientId', value: 'c-1' });
    expect(await db.signoffs.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 4 database to version 5 keeping its rows and adding the attachment tables', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('station-test-v4', { indexedDB, IDBKeyRange: FakeIDBKeyRange });
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table('syncState').put({ key: 'clientId', value: 'c-4' });
    await v4.table('drafts').put({ id: 'visit/x', savedAt: '2026-11-28T09:00:00+08:00', sealed: new Uint8Array([1, 2, 3]) });
    v4.close();
    const db = await openYoufuDb('station-test-v4', { indexedDB, IDBKeyRange: FakeIDBKeyRange });
    expect(db.verno).toBe(5);
    expect(await db.syncState.get('clientId')).toEqual({ key: 'clientId', value: 'c-4' });
    expect(await db.drafts.count()).toBe(1);
    expect(await db.attachments.count()).toBe(0);
    expect(db.attachments.schema.idxByName['[ownerTable+ownerId]']).toBeDefined();
    expect(db.attachmentBlobs.schema.primKey.keyPath).toBe('sha256');
    db.close();
  });

  it('asks for persistent storage only when not yet granted', async () => {
    let asked = 0;
    const storage = (persisted: boolean, grant: boolean) => ({
      persisted: () => Promise.resolve(persisted),
      persist: () => {
        asked++;
        return Promise.resolve(grant);
      },
    });
    expect(await requestPersistentStorage(storage(true, false))).toBe('granted');
    expect(asked).toBe(0);
    expect(await requestPersistentStorage(storage(false, true))).toBe('granted');
    expect(await requestPersistentStorage(storage(false, false))).toBe('denied');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});

describe('blind index', () => {
  it('is SHA-256 / HMAC-SHA256 (FIPS 180-4 and RFC 4231 vectors)', () => {
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(utf8('a'.repeat(1000))))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
    expect(toHex(hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('treats a lowercase x like X and depends on the key', () => {
    const id = idNumberEndingInX();
    const key = utf8('k'.repeat(32));
    expect(idNumberBlindIndex(id.toLowerCase(), key)).toBe(idNumberBlindIndex(id, key));
    expect(idNumberBlindIndex(id, utf8('another key'))).not.toBe(idNumberBlindIndex(id, key));
  });
});

describe('codec and search keys', () => {
  it('adds derived columns on encode and strips them on decode', async () => {
    const codec = createRowCodec({ keys: generateKeyMaterial() });
    const row = recipientSchema.parse({
      ...recipientInput('11111111-0000-4000-8000-000000000001', {
        categories: [{ code: 'first_class_merit' }, { code: 'disabled_veteran', disabilityGrade: 2 }],
      }),
      rev: 0,
      updatedAt: '2026-01-01T00:00:00+08:00',
    });
    const stored = await codec.encode('recipients', row);
    expect(stored).toMatchObject({ isHero: 1, categoryCodes: ['first_class_merit', 'disabled_veteran'] });
    expect(stored.idBlind).toMatch(/^[0-9a-f]{64}$/);
    expect(await codec.decode('recipients', stored)).toEqual(row);
  });

  it('reads surnames as names are read and covers every prefix of suffixes and pinyin, ID and phone tails, all as tokens', () => {
    const token = (prefix: string): string => `~${prefix}`;
    const hash = (tail: string): string => `#${tail}`;
    const keys = recipientSearchKeys(
      { name: '单田芳', idNumber: '44030419400315123X', phones: ['13812345678', '0755-88889999'] },
      token,
      hash,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        '~单',
        '~单田',
        '~单田芳',
        '~田芳',
        '~芳',
        '~s',
        '~sha',
        '~shantianfang',
        '~stf',
        '~st',
        '~tianf',
        '~tf',
        '#123x',
        '#5678',
        '#9999',
      ]),
    );
    // Nothing as it is: every key went through one of the keyed functions.
    expect(keys.every((k) => k.startsWith('~') || k.startsWith('#'))).toBe(true);
    expect(keys).not.toContain('~dan');
    expect(recipientSearchKeys({ name: '吕 布', idNumber: '', phones: [] }, token, hash)).toContain('~lvbu');
  });
});

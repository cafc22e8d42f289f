import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { recipientSchema } from '../../../shared/domain/schemas';
import { SCHEMA_V1, SCHEMA_V2, YoufuDb } from '../database';
import { createRecipient } from '../recipientRepository';
import { openOutboxEntries, upsertRow } from '../repository';
import { searchRecipients } from '../queries/caseload';
import { makeIdNumber, recipientInput, STAFF_ID, testContext } from '../testFixtures';
import { logVisit } from '../visitRepository';
import { rowAad, sealJson } from './cipher';
import { type DatabaseKeyMaterial, generateKeyMaterial, importDatabaseKeys, keyCheckValue } from './keys';
import { SEALED_VERSION } from './migrate';
import { syncStateEntry } from '../syncStateKeys';
import { readSyncState } from '../syncStateRepository';
import { outboxAad } from './outboxSeal';
import { openSealedDatabase } from './openSealed';

/** Values that must never be found in clear in IndexedDB (issue 13, finding 8). */
const NAME = '欧阳春华';
const BIRTH = '1938-07-21';
const ID = makeIdNumber('19380721', '124');
const FALLEN = '欧阳大山';
const FALLEN_DATE = '1951-02-03';
const TAG = '重点关爱对象';
const AID_ITEM = '电动轮椅一台';
const APPROVER = '王主任批准';
const SIGNOFF_COMMENT = '本周走访全部到位';
const STAFF_PHONE = '13700001111';
const R1 = '11111111-0000-4000-8000-0000000000c1';

const opened: YoufuDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

async function rawDump(d: YoufuDb): Promise<string> {
  const idb = d.backendDB();
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const all = await Promise.all(
    names.map(
      (n) =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = tx.objectStore(n).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error ?? new Error('getAll failed'));
        }),
    ),
  );
  return JSON.stringify(Object.fromEntries(names.map((n, i) => [n, all[i]])));
}

describe('what is sealed at rest', () => {
  it('stores no name, birth date, gender, categories, living situation, tags, ratings, aid details, staff phone or sign-off comment in clear', async () => {
    const d = new YoufuDb(`station-s1-${Math.random().toString(36).slice(2)}`, {
      indexedDB: new IDBFactory(),
      IDBKeyRange: FakeIDBKeyRange,
      keys: generateKeyMaterial(),
    });
    opened.push(d);
    const ctx = testContext(d);
    const created = await createRecipient(
      ctx,
      recipientInput(R1, {
        name: NAME,
        idNumber: ID,
        gender: 'female',
        birthDate: BIRTH,
        livingSituation: ['alone'],
        tags: [TAG],
        categories: [
          { code: 'martyr_family', relation: 'spouse', fallenName: FALLEN, fallenDate: FALLEN_DATE },
          { code: 'disabled_veteran', disabilityGrade: 4, disabilityCause: 'war' },
        ],
      }),
    );
    expect(created.ok).toBe(true);
    const logged = await logVisit(ctx, {
      visit: {
        id: 'bbbbbbbb-0000-4000-8000-0000000000c1',
        recipientId: R1,
        stationCode: '440304001001',
        visitedAt: '2026-03-02T10:00:00+08:00',
        mode: 'home',
        purpose: 'routine',
        festival: null,
        staffIds: [STAFF_ID],
        condition: { health: 'poor', living: 'fair', mood: 'poor' },
        notes: '',
        dutyOccurrenceId: null,
        photos: [],
      },
      aid: [
        {
          id: 'cccccccc-0000-4000-8000-0000000000c1',
          recipientId: R1,
          stationCode: '440304001001',
          date: '2026-03-02',
          kind: 'goods',
          amountFen: null,
          quantity: 1,
          item: AID_ITEM,
          fundSource: 'social_donation',
          approvedBy: APPROVER,
          visitId: null,
          acknowledged: true,
          voided: false,
          voidReason: null,
        },
      ],
      needs: [],
      occurrenceId: null,
    });
    expect(logged.ok).toBe(true);
    expect(
      (
        await upsertRow(ctx, 'staff', {
          id: 'ffffffff-0000-4000-8000-0000000000c1',
          name: '赵六',
          username: 'zhaoliu',
          role: 'caseworker',
          stationCode: '440304001001',
          phone: STAFF_PHONE,
          active: true,
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await upsertRow(ctx, 'signoffs', {
          id: 'eeeeeeee-0000-4000-8000-0000000000c1',
          stationCode: '440304',
          weekStart: '2026-03-02',
          comment: SIGNOFF_COMMENT,
          signedBy: STAFF_ID,
          signedByName: '李四',
          signedAt: '2026-03-08T18:00:00+08:00',
          figures: { recipients: 1, visitsDue: 1, visitsDone: 1, overdue: 0, heroesOverdue: 0, aidFen: 0 },
        })
      ).ok,
    ).toBe(true);

    // Rows, outbox and audit alike, read with the plain IndexedDB API.
    const raw = await rawDump(d);
    for (const secret of [
      NAME,
      '欧阳',
      'ouyang',
      'oych',
      BIRTH,
      '19380721',
      FALLEN,
      FALLEN_DATE,
      TAG,
      AID_ITEM,
      APPROVER,
      SIGNOFF_COMMENT,
      STAFF_PHONE,
      'spouse',
    ]) {
      expect(raw, secret).not.toContain(secret);
    }
    // Staff names stay clear (the roster); the values above cover names and phones.
    for (const field of [
      'gender',
      'birthDate',
      'categories',
      'livingSituation',
      'tags',
      'condition',
      'item',
      'approvedBy',
      'comment',
      'fallenName',
      'disabilityCause',
    ]) {
      expect(raw, field).not.toMatch(new RegExp(`"${field}":(?!\\[\\]|null)`));
    }
    // The pending mutations still push every value, and the app reads them back.
    const pending = await openOutboxEntries(d, await d.outbox.toArray());
    expect(pending.find((e) => e.table === 'recipients')?.fields).toMatchObject({ name: NAME, birthDate: BIRTH, tags: [TAG] });
    expect(pending.find((e) => e.table === 'aid')?.fields).toMatchObject({ item: AID_ITEM, approvedBy: APPROVER });
    expect(pending.find((e) => e.table === 'signoffs')?.fields).toMatchObject({ comment: SIGNOFF_COMMENT });
    expect(await d.codec.decode('recipients', (await d.recipients.get(R1))!)).toMatchObject({
      name: NAME,
      gender: 'female',
      birthDate: BIRTH,
    });
  });

  it('finds the person by name, its prefixes, pinyin, initials, ID tail and phone tail', async () => {
    const d = new YoufuDb(`station-s1-${Math.random().toString(36).slice(2)}`, {
      indexedDB: new IDBFactory(),
      IDBKeyRange: FakeIDBKeyRange,
      keys: generateKeyMaterial(),
    });
    opened.push(d);
    await createRecipient(
      testContext(d),
      recipientInput(R1, { name: NAME, idNumber: ID, gender: 'female', birthDate: BIRTH, phones: ['13912348765'] }),
    );
    for (const text of [
      '欧',
      '欧阳',
      NAME,
      '春华',
      'o',
      'ouy',
      'ouyangchunhua',
      'chunh',
      'oych',
      'ych',
      'OYCH',
      ID.slice(-4),
      '8765',
      ID,
    ]) {
      expect(
        (await searchRecipients(d, { text })).map((r) => r.id),
        text,
      ).toEqual([R1]);
    }
    for (const text of ['阳欧', 'ouyangx', 'yc h2', '1234']) expect(await searchRecipients(d, { text }), text).toEqual([]);
  });
});

/**
 * The database as the previous version (local schema v2, sealing version 1) left it: ID number,
 * phones, address, notes sealed; name, birth date, categories … in clear, clear search keys,
 * a `name` index; a pending mutation with the name in clear beside its sealed phone.
 */
async function previousVersionDatabase(
  factory: IDBFactory,
  name: string,
  material: DatabaseKeyMaterial,
  people: { id: string; name: string; idNumber: string; phone: string }[],
): Promise<void> {
  const keys = await importDatabaseKeys(material);
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  await old.open();
  const rows = await Promise.all(
    people.map(async (p) => {
      const row = recipientSchema.parse({
        ...recipientInput(p.id, { name: p.name, idNumber: p.idNumber, phones: [p.phone], tags: [TAG], livingSituation: ['alone'] }),
        rev: 1,
        updatedAt: '2026-01-01T00:00:00+08:00',
      });
      const { idNumber, phones, address, healthNotes, emergencyContacts, ...clear } = row;
      const sealed = await sealJson(keys.dataKey, rowAad('recipients', p.id), {
        idNumber,
        phones,
        address,
        healthNotes,
        emergencyContacts,
      });
      return { ...clear, sealed, searchKeys: [p.name, 'zsf', '#tail'], idBlind: 'old-blind', categoryCodes: ['key_recipient'], isHero: 0 };
    }),
  );
  await old.table('recipients').bulkPut(rows);
  const mutationId = 'eeeeeeee-0000-4000-8000-0000000000d1';
  await old.table('outbox').add({
    id: mutationId,
    table: 'recipients',
    rowId: people[0]!.id,
    op: 'upsert',
    fields: { name: '新名字', tags: [TAG] },
    baseRev: 1,
    hlc: '0000000000000001-0000-c1',
    createdAt: '2026-01-02T00:00:00+08:00',
    sealedFields: await sealJson(keys.dataKey, outboxAad(mutationId), { phones: ['13900009999'] }),
    sealedKeys: ['phones'],
  });
  await old.table('syncState').bulkPut([syncStateEntry('keyCheck', await keyCheckValue(keys)), syncStateEntry('sealedVersion', 1)]);
  old.close();
}

describe('a database written by the previous version (names in clear)', () => {
  const people = Array.from({ length: 7 }, (_, i) => ({
    id: `22222222-0000-4000-8000-0000000000d${i}`,
    name: ['司马光', '诸葛亮', '上官婉儿', '欧阳修', '东方朔', '皇甫嵩', '令狐冲'][i]!,
    idNumber: makeIdNumber('19400315', `13${i}`),
    phone: `1390000123${i}`,
  }));

  it('is sealed on the first unlock: no name or tag left in clear, search by name, pinyin and tails works, the pending edit keeps every value', async () => {
    const factory = new IDBFactory();
    const name = 'station-s1-previous';
    const material = generateKeyMaterial();
    await previousVersionDatabase(factory, name, material, people);
    const res = await openSealedDatabase(name, await importDatabaseKeys(material), { indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
    if (!res.ok) throw new Error('open failed');
    const d = res.db;
    opened.push(d);
    expect(res.sealedLegacy).toBe(people.length + 1);
    expect(d.verno).toBeGreaterThanOrEqual(3);
    expect(await readSyncState(d, 'sealedVersion')).toBe(SEALED_VERSION);

    const raw = await rawDump(d);
    for (const secret of [...people.map((p) => p.name), TAG, '新名字', '1940-03-15', '"alone"']) expect(raw, secret).not.toContain(secret);
    for (const p of people) {
      expect(await d.codec.decode('recipients', (await d.recipients.get(p.id))!)).toMatchObject({
        name: p.name,
        idNumber: p.idNumber,
        phones: [p.phone],
        tags: [TAG],
        livingSituation: ['alone'],
      });
    }
    expect((await searchRecipients(d, { text: '诸葛' })).map((r) => r.id)).toEqual([people[1]!.id]);
    expect((await searchRecipients(d, { text: 'shangguan' })).map((r) => r.id)).toEqual([people[2]!.id]);
    expect((await searchRecipients(d, { text: 'lhc' })).map((r) => r.id)).toEqual([people[6]!.id]);
    expect((await searchRecipients(d, { text: people[4]!.phone.slice(-4) })).map((r) => r.id)).toEqual([people[4]!.id]);
    expect((await searchRecipients(d, { text: people[5]!.idNumber.slice(-4) })).map((r) => r.id)).toEqual([people[5]!.id]);
    expect(await searchRecipients(d, { livingSituation: ['alone'] }, 100)).toHaveLength(people.length);
    const [entry] = await openOutboxEntries(d, await d.outbox.toArray());
    expect(entry!.fields).toEqual({ name: '新名字', tags: [TAG], phones: ['13900009999'] });
    // Marked: the next unlock does not scan again.
    d.close();
    const again = await openSealedDatabase(name, await importDatabaseKeys(material), { indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
    if (!again.ok) throw new Error('second open failed');
    opened.push(again.db);
    expect(again.sealedLegacy).toBe(0);
  });
});

import { IDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { recipientSchema } from '../../../shared/domain/schemas';
import type { Change } from '../../../shared/sync/protocol';
import { YoufuDb } from '../database';
import { createRecipient } from '../recipientRepository';
import { applyRemoteChanges, openOutboxEntries } from '../repository';
import { searchRecipients } from '../queries/caseload';
import { makeIdNumber, recipientInput, STAFF_ID, testContext } from '../testFixtures';
import { logVisit } from '../visitRepository';
import { generateKeyMaterial } from './keys';
import { checkDatabaseKeys, sealLegacyRows } from './migrate';
import { readSyncState } from '../syncStateRepository';
import { openSealedDatabase } from './openSealed';
import { importDatabaseKeys } from './keys';

const R1 = '11111111-0000-4000-8000-000000000001';
const R2 = '11111111-0000-4000-8000-000000000002';
const ID1 = makeIdNumber('19400315', '123');
const ID2 = makeIdNumber('19500101', '222');
const PHONE1 = '13812345678';
const PHONE2 = '13987654321';
const ADDRESS1 = '福田区园岭街道红荔路 18 号';
const ADDRESS2 = '福田区华富街道莲花北村 7 栋';
const NOTES = '老人说腰疼加重，需复诊';
const NEED = '申请上门理发服务';

const opened: YoufuDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

function database(
  factory = new IDBFactory(),
  keys = generateKeyMaterial(),
  name = `station-s1-${Math.random().toString(36).slice(2)}`,
): YoufuDb {
  const d = new YoufuDb(name, { indexedDB: factory, IDBKeyRange: FakeIDBKeyRange, keys });
  opened.push(d);
  return d;
}

/** Every record of every object store, read with the plain IndexedDB API, as text. */
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

describe('encryption at rest (fake-indexeddb)', () => {
  it('stores no plaintext ID number, phone, address, note or need anywhere, pending outbox and pulled rows included', async () => {
    const d = database();
    await d.open();
    const ctx = testContext(d);
    const created = await createRecipient(
      ctx,
      recipientInput(R1, { idNumber: ID1, phones: [PHONE1], address: ADDRESS1, categories: [{ code: 'combat_hero' }] }),
    );
    expect(created.ok).toBe(true);
    const logged = await logVisit(ctx, {
      visit: {
        id: 'bbbbbbbb-0000-4000-8000-000000000001',
        recipientId: R1,
        stationCode: '440304001001',
        visitedAt: '2026-03-02T10:00:00+08:00',
        mode: 'home',
        purpose: 'routine',
        festival: null,
        staffIds: [STAFF_ID],
        condition: { health: 'fair', living: 'good', mood: 'good' },
        notes: NOTES,
        dutyOccurrenceId: null,
        photos: [],
      },
      aid: [],
      needs: [
        {
          id: 'dddddddd-0000-4000-8000-000000000001',
          recipientId: R1,
          stationCode: '440304001001',
          visitId: null,
          source: 'visit',
          topic: 'living',
          description: NEED,
          urgency: 'normal',
          assigneeId: null,
          status: 'open',
          resolution: '',
          referredTo: null,
          openedAt: '2026-03-02T10:30:00+08:00',
          closedAt: null,
        },
      ],
      occurrenceId: null,
    });
    expect(logged.ok).toBe(true);
    const pulled: Change = {
      table: 'recipients',
      rowId: R2,
      rev: 3,
      op: 'upsert',
      row: {
        ...recipientInput(R2, { idNumber: ID2, phones: [PHONE2], address: ADDRESS2 }),
        rev: 3,
        updatedAt: '2026-01-01T00:00:00+08:00',
      },
    };
    expect((await applyRemoteChanges(d, [pulled])).upserted).toBe(1);

    const raw = await rawDump(d);
    for (const secret of [ID1, ID2, PHONE1, PHONE2, ADDRESS1, ADDRESS2, NOTES, NEED, ID1.slice(-4), PHONE2.slice(-4)]) {
      expect(raw, secret).not.toContain(`"${secret}`);
      expect(raw, secret).not.toContain(secret.length > 4 ? secret : `"${secret}"`);
    }
    // …while the app still reads them, finds people by ID or phone tail, and pushes the real values.
    expect((await d.codec.decode('recipients', (await d.recipients.get(R2))!)).address).toBe(ADDRESS2);
    expect((await searchRecipients(d, { text: ID1.slice(-4) })).map((r) => r.id)).toEqual([R1]);
    expect((await searchRecipients(d, { text: PHONE2.slice(-4) })).map((r) => r.id)).toEqual([R2]);
    const pending = await openOutboxEntries(d, await d.outbox.toArray());
    expect(pending.find((e) => e.rowId === R1 && e.table === 'recipients')?.fields).toMatchObject({
      idNumber: ID1,
      phones: [PHONE1],
      address: ADDRESS1,
    });
    // Duplicate detection under the real blind-index key.
    expect(await createRecipient(ctx, recipientInput('11111111-0000-4000-8000-000000000009', { idNumber: ID2 }))).toMatchObject({
      ok: false,
      error: { code: 'id_number_duplicate', existingId: R2 },
    });
  });

  it('keeps a lost phone or tag of a conflict sealed, and a lost station in clear', async () => {
    const d = database();
    const base = { table: 'recipients' as const, rowId: R1, winner: 'server' as const, mutationId: 'm1', at: '2026-03-02T10:00:00+08:00' };
    await d.conflicts.add(await d.codec.sealConflict({ ...base, field: 'phones', loserValue: [PHONE1], winnerValue: [PHONE2] }));
    await d.conflicts.add(await d.codec.sealConflict({ ...base, field: 'tags', loserValue: ['重点'], winnerValue: [] }));
    await d.conflicts.add(
      await d.codec.sealConflict({ ...base, field: 'stationCode', loserValue: '440304001002', winnerValue: '440304001001' }),
    );
    const raw = await rawDump(d);
    expect(raw).not.toContain(PHONE1);
    expect(raw).not.toContain(PHONE2);
    expect(raw).not.toContain('重点');
    expect(raw).toContain('440304001002');
    const opened = await Promise.all((await d.conflicts.toArray()).map((c) => d.codec.openConflict(c)));
    expect(opened.map((c) => [c.field, c.loserValue, c.winnerValue])).toEqual([
      ['phones', [PHONE1], [PHONE2]],
      ['tags', ['重点'], []],
      ['stationCode', '440304001002', '440304001001'],
    ]);
  });

  it('a row whose sealed field was moved onto another row does not open', async () => {
    const d = database();
    const ctx = testContext(d);
    await createRecipient(ctx, recipientInput(R1, { idNumber: ID1 }));
    await createRecipient(ctx, recipientInput(R2, { idNumber: ID2 }));
    const [a, b] = await d.recipients.bulkGet([R1, R2]);
    await d.recipients.put({ ...b!, sealed: a!.sealed });
    await expect(d.codec.decode('recipients', (await d.recipients.get(R2))!)).rejects.toThrow(/tampered_or_wrong_key/);
  });
});

/** A recipient as the previous, plaintext version stored it: clear fields, clear tails, DEV-key blind index. */
function legacyRecipient(id: string, idNumber: string, phone: string, address: string): Record<string, unknown> {
  const row = recipientSchema.parse({
    ...recipientInput(id, { idNumber, phones: [phone], address }),
    rev: 1,
    updatedAt: '2026-01-01T00:00:00+08:00',
  });
  return {
    ...row,
    searchKeys: ['张三丰', 'zsf', idNumber.slice(-4).toLowerCase(), phone.slice(-4)],
    idBlind: 'dev-key-blind-index',
    categoryCodes: ['key_recipient'],
    isHero: 0,
  };
}

describe('sealing a database written by the plaintext version', () => {
  const people = Array.from({ length: 7 }, (_, i) => ({
    id: `22222222-0000-4000-8000-00000000000${i}`,
    idNumber: makeIdNumber('19400315', `10${i}`),
    phone: `1390000000${i}`,
    address: `园岭街道 ${i} 号`,
  }));

  async function legacyDatabase(factory: IDBFactory, name: string): Promise<YoufuDb> {
    // The previous version's database: the same schema, rows and outbox written in clear.
    const old = new YoufuDb(name, { indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
    await old.open();
    await old.recipients.bulkPut(people.map((p) => legacyRecipient(p.id, p.idNumber, p.phone, p.address)) as never);
    await old.conflicts.add({
      table: 'recipients',
      rowId: people[1]!.id,
      field: 'address',
      loserValue: '旧地址 8 号',
      winnerValue: people[1]!.address,
      winner: 'server',
      mutationId: 'm-legacy',
      at: '2026-01-03T00:00:00+08:00',
    } as never);
    await old.outbox.add({
      id: 'eeeeeeee-0000-4000-8000-000000000001',
      table: 'recipients',
      rowId: people[0]!.id,
      op: 'upsert',
      fields: { address: '新地址 9 号', tags: [] },
      baseRev: 1,
      hlc: '0000000000000001-0000-c1',
      createdAt: '2026-01-02T00:00:00+08:00',
    } as never);
    old.close();
    return old;
  }

  it('seals every row and pending mutation in place, batch by batch, with no data lost', async () => {
    const factory = new IDBFactory();
    const name = 'station-s1-legacy';
    await legacyDatabase(factory, name);
    const keys = await importDatabaseKeys(generateKeyMaterial());
    const res = await openSealedDatabase(name, keys, { indexedDB: factory, IDBKeyRange: FakeIDBKeyRange });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const d = res.db;
    opened.push(d);
    expect(res.sealedLegacy).toBe(people.length + 2);
    const raw = await rawDump(d);
    for (const p of people) {
      expect(raw).not.toContain(p.idNumber);
      expect(raw).not.toContain(p.phone);
      expect(raw).not.toContain(p.address);
    }
    expect(raw).not.toContain('新地址 9 号');
    expect(raw).not.toContain('旧地址 8 号');
    const [conflict] = await Promise.all((await d.conflicts.toArray()).map((c) => d.codec.openConflict(c)));
    expect(conflict).toMatchObject({ field: 'address', loserValue: '旧地址 8 号', winnerValue: people[1]!.address });
    for (const p of people) {
      const row = await d.codec.decode('recipients', (await d.recipients.get(p.id))!);
      expect(row).toMatchObject({ idNumber: p.idNumber, phones: [p.phone], address: p.address });
    }
    const [entry] = await openOutboxEntries(d, await d.outbox.toArray());
    expect(entry!.fields).toEqual({ address: '新地址 9 号', tags: [] });
    // Search by tail and the duplicate check now run on the real key.
    expect((await searchRecipients(d, { text: people[3]!.phone.slice(-4) })).map((r) => r.id)).toEqual([people[3]!.id]);
    expect(
      await createRecipient(testContext(d), recipientInput('33333333-0000-4000-8000-000000000001', { idNumber: people[5]!.idNumber })),
    ).toMatchObject({ ok: false, error: { code: 'id_number_duplicate', existingId: people[5]!.id } });
    expect(await readSyncState(d, 'sealedVersion')).toBeDefined();
  });

  it('picks up where it stopped if the app closed half-way', async () => {
    const factory = new IDBFactory();
    await legacyDatabase(factory, 'station-s1-halfway');
    const d = database(factory, generateKeyMaterial(), 'station-s1-halfway');
    await d.open();
    // The second batch's write fails (as if the app closed): the first batch stays sealed.
    let writes = 0;
    const failSecondBatch = (): void => {
      if (++writes > 3) throw new Error('closed half-way');
    };
    d.recipients.hook('updating', failSecondBatch);
    await expect(sealLegacyRows(d, { batchSize: 3 })).rejects.toThrow();
    d.recipients.hook('updating').unsubscribe(failSecondBatch);
    const stored = await d.recipients.toArray();
    expect(stored.filter((r) => d.codec.isLegacy('recipients', r))).toHaveLength(people.length - 3);
    expect(await readSyncState(d, 'sealedVersion')).toBeUndefined();

    expect(await sealLegacyRows(d, { batchSize: 3 })).toBe(people.length - 3 + 2);
    expect((await d.recipients.toArray()).every((r) => !d.codec.isLegacy('recipients', r))).toBe(true);
    for (const p of people) expect((await d.codec.decode('recipients', (await d.recipients.get(p.id))!)).idNumber).toBe(p.idNumber);
    // Marked: the next unlock does not scan again.
    expect(await sealLegacyRows(d)).toBe(0);
  });

  it('refuses other keys than the ones the data was sealed with, and changes nothing', async () => {
    const factory = new IDBFactory();
    const name = 'station-s1-keys';
    const first = await openSealedDatabase(name, await importDatabaseKeys(generateKeyMaterial()), {
      indexedDB: factory,
      IDBKeyRange: FakeIDBKeyRange,
    });
    if (!first.ok) throw new Error('first open failed');
    await createRecipient(testContext(first.db), recipientInput(R1, { idNumber: ID1 }));
    const before = await rawDump(first.db);
    first.db.close();
    const other = await openSealedDatabase(name, await importDatabaseKeys(generateKeyMaterial()), {
      indexedDB: factory,
      IDBKeyRange: FakeIDBKeyRange,
    });
    expect(other).toEqual({ ok: false, error: 'keys_mismatch' });
    const again = database(factory, generateKeyMaterial(), name);
    await again.open();
    expect(await rawDump(again)).toBe(before);
    expect(await checkDatabaseKeys(again, await importDatabaseKeys(generateKeyMaterial()))).toBe('mismatch');
  });

  it('drops its keys on lock: nothing opens or seals any more', async () => {
    const d = database();
    await createRecipient(testContext(d), recipientInput(R1, { idNumber: ID1 }));
    const stored = (await d.recipients.get(R1))!;
    d.codec.forget();
    await expect(d.codec.decode('recipients', stored)).rejects.toThrow(/locked/);
    expect(d.codec.decodeSummary('recipients', stored)).toMatchObject({ id: R1, stationCode: '440304001001' });
    expect(d.codec.decodeSummary('recipients', stored)).not.toHaveProperty('name');
  });
});

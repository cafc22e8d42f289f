import { describe, expect, it } from 'vitest';
import { dutyOccurrenceSchema, recipientSchema } from '../../../shared/domain/schemas';
import { createRecipient } from '../../db/recipientRepository';
import { applyRemoteChanges } from '../../db/repository';
import { makeIdNumber, newTestDb, recipientInput, testContext } from '../../db/testFixtures';
import { loadQualityLists } from './loadQuality';

const A = '440304001001';
const B = '440304001002';
const T = '2026-11-01T09:00:00+08:00';

describe('loadQualityLists', () => {
  it('finds duplicates by blind index, missing phone or address behind the seal, never-contacted and inactive recipients with open duties', async () => {
    const db = newTestDb();
    const ctx = testContext(db, '2026-11-01T09:00:00+08:00');
    const shared = makeIdNumber('19500101', '321');
    const first = await createRecipient(
      ctx,
      recipientInput('11111111-0000-4000-8000-000000000001', { name: '甲', idNumber: shared, phones: [], address: '' }),
    );
    expect(first.ok).toBe(true);
    // The same person registered at another station arrives by sync (createRecipient refuses duplicates
    // locally), and so do a deceased recipient and an occurrence still open for them.
    const other = recipientSchema.parse({
      ...recipientInput('11111111-0000-4000-8000-000000000002', { name: '甲', idNumber: shared, stationCode: B }),
      rev: 1,
      updatedAt: T,
    });
    const deceased = recipientSchema.parse({
      ...recipientInput('11111111-0000-4000-8000-000000000003', {
        name: '丙',
        idNumber: makeIdNumber('19300101', '111'),
        status: 'deceased',
        statusDate: '2026-10-01',
      }),
      rev: 1,
      updatedAt: T,
    });
    const occ = dutyOccurrenceSchema.parse({
      id: '22222222-0000-4000-8000-000000000001',
      dutyId: '22222222-0000-4000-8000-000000000002',
      recipientId: deceased.id,
      stationCode: A,
      dueDate: '2026-11-20',
      status: 'pending',
      doneAt: null,
      visitId: null,
      rev: 1,
      updatedAt: T,
    });
    await applyRemoteChanges(db, [
      { table: 'recipients', rowId: other.id, rev: 1, op: 'upsert', row: other },
      { table: 'recipients', rowId: deceased.id, rev: 1, op: 'upsert', row: deceased },
      { table: 'dutyOccurrences', rowId: occ.id, rev: 1, op: 'upsert', row: occ },
    ]);

    const lists = await loadQualityLists(db, '440304', '2026-11-28');
    expect(lists.duplicates).toHaveLength(1);
    expect(lists.duplicates[0]?.records.map((r) => r.stationCode)).toEqual([A, B]);
    expect(lists.missing).toEqual([expect.objectContaining({ name: '甲', stationCode: A, missing: ['phone', 'address'] })]);
    expect(lists.noContact.map((r) => r.name).sort()).toEqual(['甲', '甲']);
    expect(lists.inactive).toEqual([expect.objectContaining({ name: '丙', openDuties: 1 })]);
    db.close();
  });
});

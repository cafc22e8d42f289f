import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { KeysUnavailableError } from './codec';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, YoufuDb } from './database';
import { generateKeyMaterial } from './atRest/keys';
import { clearDraft, createDraftWriter, loadDraft, saveDraft, visitDraftId } from './draftRepository';
import { newTestDb } from './testFixtures';

const R1 = '11111111-0000-4000-8000-000000000001';
const R2 = '11111111-0000-4000-8000-000000000002';
const NOTES = '老人说腰疼加重，家里暖气坏了，需复诊';
const NEED = '申请上门理发服务';
const AMOUNT = '8765.43';

const opened: YoufuDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

async function database(): Promise<YoufuDb> {
  const d = newTestDb();
  opened.push(d);
  await d.open();
  return d;
}

/** A visit form's draft as plain data, in the shape the visit screen writes (its fields that matter here). */
interface TypedVisit {
  recipientId: string;
  visitedAt: string;
  health: string;
  notes: string;
  needs: { topic: string; urgency: string; description: string }[];
  aid: { kind: string; amountYuan: string; approvedBy: string }[];
  staffIds: string[];
}

function typedVisit(recipientId: string): TypedVisit {
  return {
    recipientId,
    visitedAt: '2026-11-28 09:30',
    health: 'poor',
    notes: NOTES,
    needs: [{ topic: 'living', urgency: 'normal', description: NEED }],
    aid: [{ kind: 'cash', amountYuan: AMOUNT, approvedBy: '王站长' }],
    staffIds: [],
  };
}

/** The recipient's visit draft as stored (the visit screen checks its shape: features/visit/visitDraft.ts). */
async function loadVisit(d: YoufuDb, recipientId: string): Promise<TypedVisit | null> {
  const draft = await loadDraft(d, visitDraftId(recipientId));
  return draft === null ? null : (draft.values as TypedVisit);
}

/** The drafts store read with the plain IndexedDB API, as text. */
async function rawDrafts(d: YoufuDb): Promise<string> {
  const idb = d.backendDB();
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const req = idb.transaction(['drafts'], 'readonly').objectStore('drafts').getAll();
    req.onsuccess = () => resolve(req.result as unknown[]);
    req.onerror = () => reject(req.error ?? new Error('getAll failed'));
  });
  return JSON.stringify(rows);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('visit drafts in the account database', () => {
  it('keeps notes, needs, health ratings and aid amounts sealed at rest, and gives them back to the same database', async () => {
    const d = await database();
    await saveDraft(d, visitDraftId(R1), typedVisit(R1));

    const raw = await rawDrafts(d);
    expect(raw).toContain(visitDraftId(R1));
    for (const secret of [NOTES, NEED, AMOUNT, '王站长', '"poor"', '"notes"', '"health"']) expect(raw, secret).not.toContain(secret);
    const row = await d.drafts.get(visitDraftId(R1));
    expect(Object.keys(row ?? {}).sort()).toEqual(['id', 'savedAt', 'sealed']);

    const back = await loadVisit(d, R1);
    expect(back?.notes).toBe(NOTES);
    expect(back?.health).toBe('poor');
    expect(back?.needs[0]?.description).toBe(NEED);
    expect(back?.aid[0]?.amountYuan).toBe(AMOUNT);
    expect(await loadVisit(d, R2)).toBeNull();
  });

  it('cannot be read while locked, nor moved onto another recipient', async () => {
    const d = await database();
    await saveDraft(d, visitDraftId(R1), typedVisit(R1));
    // A draft's bytes copied to another recipient's id do not open there (id in the additional data).
    const row = await d.drafts.get(visitDraftId(R1));
    await d.drafts.put({ ...row!, id: visitDraftId(R2) });
    expect(await loadDraft(d, visitDraftId(R2))).toBeNull();

    d.codec.forget();
    await expect(loadDraft(d, visitDraftId(R1))).rejects.toBeInstanceOf(KeysUnavailableError);
    await expect(saveDraft(d, visitDraftId(R1), typedVisit(R1))).rejects.toBeInstanceOf(KeysUnavailableError);
  });

  it('is deleted on discard, even when a write was still under way', async () => {
    const d = await database();
    const writer = createDraftWriter<TypedVisit>(d, visitDraftId(R1));
    writer.update(typedVisit(R1));
    await writer.flush();
    expect((await loadVisit(d, R1))?.notes).toBe(NOTES);

    writer.update({ ...typedVisit(R1), notes: `${NOTES}，再补一句` });
    await writer.discard();
    await sleep(400);
    expect(await d.drafts.count()).toBe(0);
    expect(await loadVisit(d, R1)).toBeNull();

    await saveDraft(d, visitDraftId(R2), typedVisit(R2));
    await clearDraft(d, visitDraftId(R2));
    expect(await d.drafts.count()).toBe(0);
  });

  it('writes a change at once, and keeps writing while the caseworker keeps typing', async () => {
    const d = await database();
    const first = createDraftWriter<TypedVisit>(d, visitDraftId(R2));
    first.update(typedVisit(R2));
    // No timer to wait for: the first change is on its way to the disk already.
    await sleep(50);
    expect((await loadVisit(d, R2))?.notes).toBe(NOTES);

    const writer = createDraftWriter<TypedVisit>(d, visitDraftId(R1), { minIntervalMs: 40 });
    let typed = '';
    for (let i = 0; i < 30; i++) {
      typed += '字';
      writer.update({ ...typedVisit(R1), notes: typed });
      await sleep(10);
    }
    // Typing never paused for 40 ms, yet the disk is only a few keystrokes behind (a loaded
    // machine stretches the 10 ms between keystrokes, hence the loose bound).
    const stored = await loadVisit(d, R1);
    expect(stored).not.toBeNull();
    expect(stored!.notes.length).toBeGreaterThan(typed.length / 2);
    await sleep(80);
    expect((await loadVisit(d, R1))?.notes).toBe(typed);
  });

  it('opens a version 3 database with its rows kept and an empty drafts table (version 4 and later)', async () => {
    const indexedDB = new IDBFactory();
    const v3 = new Dexie('station-test-v3', { indexedDB, IDBKeyRange: FakeIDBKeyRange });
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.table('syncState').put({ key: 'clientId', value: 'c-3' });
    v3.close();
    const d = new YoufuDb('station-test-v3', { indexedDB, IDBKeyRange: FakeIDBKeyRange, keys: generateKeyMaterial() });
    opened.push(d);
    await d.open();
    expect(d.verno).toBeGreaterThanOrEqual(4);
    expect(await d.syncState.get('clientId')).toEqual({ key: 'clientId', value: 'c-3' });
    expect(await d.drafts.count()).toBe(0);
    await saveDraft(d, visitDraftId(R1), typedVisit(R1));
    expect((await loadVisit(d, R1))?.notes).toBe(NOTES);
  });
});

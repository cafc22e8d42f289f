import { Dexie } from 'dexie';
import { generateDemoRows } from '../../shared/demo/generator';
import type { Recipient } from '../../shared/domain/schemas';
import type { StoredRecipient } from '../db/codec';
import { freshDatabaseKeys } from '../db/atRest/keys';
import { openYoufuDb, type YoufuDb } from '../db/database';
import { searchRecipients } from '../db/queries/caseload';
import { normalizeSearchText } from '../db/searchKeys';
import { type LatencySummary, summarize } from './stats';

/**
 * Caseload search-as-you-type at scale: every prefix of a few real queries (a name, pinyin
 * initials, an ID tail, a phone tail), each run through the indexed `searchRecipients` the
 * Caseload screen uses, and through a naive full scan of the same rows as the baseline.
 */
export interface CaseloadBenchResult {
  recipients: number;
  loadMs: number;
  queries: string[];
  indexed: LatencySummary;
  fullScan: LatencySummary;
  /** How many times faster the index is at p95 (baseline p95 / indexed p95). */
  speedupP95: number;
}

const PAGE = 50;

async function loadRecipients(db: YoufuDb, count: number, seed: number): Promise<Recipient[]> {
  const sample: Recipient[] = [];
  let batch: StoredRecipient[] = [];
  for (const item of generateDemoRows({ recipients: count, seed, history: false })) {
    if (item.table !== 'recipients') continue;
    batch.push(await db.codec.encode('recipients', item.row));
    if (sample.length < 20 && batch.length % 97 === 0) sample.push(item.row);
    if (batch.length === 2000) {
      await db.recipients.bulkPut(batch);
      batch = [];
    }
  }
  if (batch.length) await db.recipients.bulkPut(batch);
  return sample;
}

function prefixes(q: string): string[] {
  return [...q].map((_, i) => [...q].slice(0, i + 1).join(''));
}

async function naiveScan(db: YoufuDb, text: string): Promise<number> {
  const t = normalizeSearchText(text);
  const all = await db.recipients.toArray();
  const hits = all.filter((r) => r.searchKeys.some((k) => k.startsWith(t)));
  return hits.slice(0, PAGE).length;
}

export async function caseloadSearchBench(opts: { recipients: number; seed: number; rounds: number }): Promise<CaseloadBenchResult> {
  const name = `bench-caseload-${opts.recipients}`;
  await Dexie.delete(name);
  const db = await openYoufuDb(name, { keys: await freshDatabaseKeys() });
  const t0 = performance.now();
  const sample = await loadRecipients(db, opts.recipients, opts.seed);
  const loadMs = performance.now() - t0;

  const queries: string[] = [];
  for (const r of sample.slice(0, 3)) {
    queries.push(r.name);
    const initials = (await db.recipients.get(r.id))?.searchKeys.find((k) => /^[a-z]+$/.test(k) && k.length === [...r.name].length);
    if (initials) queries.push(initials);
    queries.push(r.idNumber.slice(-4));
    if (r.phones[0]) queries.push(r.phones[0].replace(/\D/g, '').slice(-4));
  }

  const indexed: number[] = [];
  const fullScan: number[] = [];
  // Warm-up: the first query pays for opening cursors and JIT.
  await searchRecipients(db, { text: queries[0] ?? '张' }, PAGE);
  // The two are measured apart: a full scan allocates every row, and its garbage collection
  // would otherwise land in the indexed measurements that follow it.
  const keystrokes = queries.flatMap(prefixes);
  for (let round = 0; round < opts.rounds; round++) {
    for (const p of keystrokes) {
      const t = performance.now();
      await searchRecipients(db, { text: p }, PAGE);
      indexed.push(performance.now() - t);
    }
  }
  for (const p of keystrokes) {
    const t = performance.now();
    await naiveScan(db, p);
    fullScan.push(performance.now() - t);
  }
  db.close();
  await Dexie.delete(name);
  const a = summarize(indexed);
  const b = summarize(fullScan);
  return {
    recipients: opts.recipients,
    loadMs: Math.round(loadMs),
    queries,
    indexed: a,
    fullScan: b,
    speedupP95: Math.round((b.p95 / a.p95) * 10) / 10,
  };
}

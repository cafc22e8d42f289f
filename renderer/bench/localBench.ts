import { Dexie } from 'dexie';
import { DEMO_TODAY } from '../../shared/demo';
import { generateDemoRows } from '../../shared/demo/generator';
import { DUE_SOON_DAYS, addDays } from '../../shared/duties';
import { loadTodayData, loadTodayDetails } from '../features/today';
import { type DatabaseKeyMaterial, fromBase64, generateKeyMaterial, importDatabaseKeys, materialToBase64 } from '../db/atRest/keys';
import { type YoufuDb, openYoufuDb } from '../db/database';
import { loadNdjsonRows } from '../db/demoLoader';
import type { EntityInput, RepoContext } from '../db/repository';
import { logVisit } from '../db/visitRepository';
import { type LatencySummary, summarize } from './stats';

/**
 * The caseworker's and supervisor's local figures at scale, on one database holding the
 * scope's recipients with their duties, pending occurrences, requests and a month of history
 * (the generator's `historyMonths: 1`: Today reads pending occurrences, which the generator
 * makes for every duty whatever the history, and a visit touches one recipient's rows):
 * - the Today list (due and overdue) as the Today screen computes it, against the raw index
 *   read of the same pending occurrences;
 * - logging one visit end to end through the real repository (one transaction: the visit, its
 *   outbox and audit entries, the occurrence completed and the next one computed), against a
 *   raw single Dexie put of a stored visit row.
 */
export interface LocalDataResult {
  recipients: number;
  scopePrefix: string;
  rows: number;
  byTable: Record<string, number>;
  loadMs: number;
}

export interface TodayBenchResult {
  today: string;
  items: number;
  overdue: number;
  dueSoon: number;
  openRequests: number;
  /** The first computation after the database was opened (nothing warm). */
  firstMs: number;
  computation: LatencySummary;
  /** The raw [status+dueDate] range read of the same pending occurrences, nothing joined or sorted. */
  baseline: LatencySummary;
  /** baseline p95 / computation p95. */
  ratio: number;
}

export interface VisitBenchResult {
  visits: number;
  logVisit: LatencySummary;
  /** Outbox entries written per visit (visit + occurrence done + next occurrence). */
  outboxPerVisit: number;
  nextOccurrences: number;
  baseline: LatencySummary;
  /** baseline p95 / logVisit p95. */
  ratio: number;
}

interface Local {
  db: YoufuDb;
  scopePrefix: string;
}

let local: Local | null = null;
const DB_NAME = 'bench-local';
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** What a kept database was loaded with (`--keep`): reused only for the very same data set. */
const KEPT = 'bench-local-kept';
interface KeptLocal {
  spec: string;
  keys: { dataKey: string; blindIndexKey: string };
  result: LocalDataResult;
}

/**
 * `keep` (`npm run bench -- --keep`, for working on a figure): the loaded database and its keys
 * stay in the on-disk profile and the next run with the same data set reuses them instead of
 * loading again (20 minutes at city scale). Its visit figure then runs on a database that
 * earlier runs' visits have changed a little (200 a run): a figure quoted from such a run says so.
 */
export async function localDataLoad(opts: {
  recipients: number;
  seed: number;
  scopePrefix: string;
  keep?: boolean;
}): Promise<LocalDataResult> {
  await localBenchCleanup();
  const spec = JSON.stringify([opts.recipients, opts.seed, opts.scopePrefix]);
  const kept = opts.keep ? parseKept(localStorage.getItem(KEPT)) : null;
  if (kept && kept.spec === spec && (await Dexie.exists(DB_NAME))) {
    const material: DatabaseKeyMaterial = { dataKey: fromBase64(kept.keys.dataKey), blindIndexKey: fromBase64(kept.keys.blindIndexKey) };
    local = { db: await openYoufuDb(DB_NAME, { keys: await importDatabaseKeys(material) }), scopePrefix: opts.scopePrefix };
    return { ...kept.result, loadMs: 0 };
  }
  localStorage.removeItem(KEPT);
  await Dexie.delete(DB_NAME);
  const material = generateKeyMaterial();
  const db = await openYoufuDb(DB_NAME, { keys: await importDatabaseKeys(material) });
  const t = performance.now();
  const rows = generateDemoRows({
    recipients: opts.recipients,
    seed: opts.seed,
    today: DEMO_TODAY,
    scopePrefix: opts.scopePrefix,
    historyMonths: 1,
  });
  const progress = await loadNdjsonRows(db, rows, { batchSize: 2000, validate: false });
  local = { db, scopePrefix: opts.scopePrefix };
  const byTable = progress.byTable;
  const result = {
    recipients: opts.recipients,
    scopePrefix: opts.scopePrefix,
    rows: progress.rowsWritten,
    byTable,
    loadMs: Math.round(performance.now() - t),
  };
  if (opts.keep) localStorage.setItem(KEPT, JSON.stringify({ spec, keys: materialToBase64(material), result } satisfies KeptLocal));
  return result;
}

function parseKept(text: string | null): KeptLocal | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as KeptLocal;
  } catch {
    return null;
  }
}

function need(): Local {
  if (!local) throw new Error('run localDataLoad first');
  return local;
}

/** The Today table's default page size. */
const TODAY_FIRST_PAGE = 50;

/** The supervisor's Today for the whole scope (the station view, not "mine"). */
export async function todayBench(opts: { rounds: number }): Promise<TodayBenchResult> {
  const { db, scopePrefix } = need();
  // Reopened so the first computation finds nothing cached in this connection.
  db.close();
  await db.open();
  const filter = { stationPrefix: scopePrefix, today: DEMO_TODAY };
  // What the screen does before it shows anything: the sorted list, then its first page's details.
  const screen = async () => {
    const data = await loadTodayData(db, filter);
    await loadTodayDetails(db, data.lines.slice(0, TODAY_FIRST_PAGE));
    return data;
  };
  const t0 = performance.now();
  const first = await screen();
  const firstMs = performance.now() - t0;
  const computation: number[] = [];
  const baseline: number[] = [];
  const until = addDays(DEMO_TODAY, DUE_SOON_DAYS);
  for (let i = 0; i < opts.rounds; i++) {
    let t = performance.now();
    await screen();
    computation.push(performance.now() - t);
    t = performance.now();
    await db.dutyOccurrences.where('[status+dueDate]').between(['pending', Dexie.minKey], ['pending', until], true, true).toArray();
    baseline.push(performance.now() - t);
  }
  const a = summarize(computation);
  const b = summarize(baseline);
  return {
    today: DEMO_TODAY,
    items: first.lines.length,
    overdue: first.overdue,
    dueSoon: first.dueSoon,
    openRequests: first.openRequests,
    firstMs: round2(firstMs),
    computation: a,
    baseline: b,
    ratio: round2(b.p95 / a.p95),
  };
}

/**
 * Visits that fulfil pending occurrences of distinct duties (so each computes a next one),
 * logged one after another as a caseworker saves them; then as many raw puts of a stored visit.
 */
export async function visitBench(opts: { visits: number; warmup: number }): Promise<VisitBenchResult> {
  const { db } = need();
  const staff = await db.staff.limit(1).first();
  const staffId = staff?.id ?? crypto.randomUUID();
  const ctx: RepoContext = { db, actor: { staffId, name: 'bench' }, now: () => new Date(), newId: () => crypto.randomUUID() };
  const wanted = opts.visits + opts.warmup;
  const seenDuties = new Set<string>();
  const occurrences = await db.dutyOccurrences
    .where('[status+dueDate]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .filter((o) => (seenDuties.has(o.dutyId) ? false : (seenDuties.add(o.dutyId), true)))
    .limit(wanted)
    .toArray();
  if (occurrences.length < wanted) throw new Error(`only ${occurrences.length} pending occurrences for ${wanted} visits`);

  const visitedAt = `${DEMO_TODAY}T10:00:00+08:00`;
  const visitOf = (o: { recipientId: string; stationCode: string; id: string }): EntityInput<'visits'> => ({
    id: crypto.randomUUID(),
    recipientId: o.recipientId,
    stationCode: o.stationCode,
    visitedAt,
    mode: 'home',
    purpose: 'routine',
    festival: null,
    staffIds: [staffId],
    condition: { health: 'fair', living: 'good', mood: 'good' },
    notes: '身体尚可，精神好',
    dutyOccurrenceId: null,
    photos: [],
  });

  const outboxBefore = await db.outbox.count();
  const timings: number[] = [];
  let next = 0;
  for (const [i, o] of occurrences.entries()) {
    const t = performance.now();
    const r = await logVisit(ctx, { visit: visitOf(o), aid: [], needs: [], occurrenceId: o.id });
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(`logVisit: ${JSON.stringify(r.error)}`);
    if (r.value.nextOccurrence && i >= opts.warmup) next++;
    if (i >= opts.warmup) timings.push(ms);
  }
  const outboxPerVisit = round2(((await db.outbox.count()) - outboxBefore) / occurrences.length);

  // The baseline: the same number of visit rows, stored form made beforehand, one put each.
  const template = await db.visits.limit(1).first();
  if (!template) throw new Error('no visit to copy for the baseline');
  const raw: number[] = [];
  for (let i = 0; i < wanted; i++) {
    const row = { ...template, id: crypto.randomUUID() };
    const t = performance.now();
    await db.visits.put(row);
    if (i >= opts.warmup) raw.push(performance.now() - t);
  }
  const a = summarize(timings);
  const b = summarize(raw);
  return { visits: timings.length, logVisit: a, outboxPerVisit, nextOccurrences: next, baseline: b, ratio: round2(b.p95 / a.p95) };
}

export async function localBenchCleanup(opts?: { keep?: boolean }): Promise<void> {
  if (!local) return;
  local.db.close();
  local = null;
  if (!opts?.keep) await Dexie.delete(DB_NAME);
}

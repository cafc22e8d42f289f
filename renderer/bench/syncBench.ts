import { Dexie } from 'dexie';
import { type Aid, ENTITY_TABLES, type EntityTable } from '../../shared/domain/schemas';
import { decodeHlc, encodeHlc } from '../../shared/sync/hlc';
import {
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type Mutation,
  type PushRequest,
  pushResponseSchema,
} from '../../shared/sync/protocol';
import { addAid } from '../db/aidRepository';
import { freshDatabaseKeys } from '../db/atRest/keys';
import { type YoufuDb, openYoufuDb } from '../db/database';
import type { OutboxEntry } from '../db/records';
import { updateRecipient } from '../db/recipientRepository';
import { openOutboxEntries, type RepoContext } from '../db/repository';
import { SyncEngine } from '../sync/engine';
import { type SyncTransport, createHttpLogin, createHttpTransport } from '../sync/transport';

/**
 * Sync benchmarks in the browser, against a real server reached same-origin through the Vite
 * proxy, with the real SyncEngine, HTTP transport and Dexie database:
 * - bootstrap of an empty client, against a raw Dexie bulkPut of the same stored rows;
 * - push of offline edits made through the repositories, against the same mutations POSTed
 *   raw with fetch in batches of the same size.
 * The bootstrapped client is kept between the two (module state), as a user's would be.
 */
export interface SyncBootstrapResult {
  rows: number;
  byTable: Record<string, number>;
  pages: number;
  pageSize: number;
  bootstrapMs: number;
  /**
   * Time pull requests were in flight (HTTP, JSON parse, zod validation of the page). The engine
   * requests page n+1 while it writes page n, so this overlaps the writes rather than adding to them.
   */
  pullTransportMs: number;
  rowsPerSec: number;
  baselineMs: number;
  baselineRowsPerSec: number;
  /** baselineMs / bootstrapMs: 1 would be as fast as the raw write alone (target ≥ 0.7). */
  ratio: number;
}

export interface SyncPushResult {
  edits: number;
  editKinds: Record<string, number>;
  /** Making the edits through the repositories (each its own transaction with outbox entry). */
  editMs: number;
  /** engine.sync() until its first pull request: outbox read, push batches, settling the outbox. */
  pushMs: number;
  /** Of pushMs: waiting on transport.push (HTTP, the server's work, zod of the answer). */
  pushTransportMs: number;
  /** The whole engine.sync() round, including pulling the server's echo of the edits. */
  syncMs: number;
  pushed: number;
  rejected: number;
  batches: number;
  /** As many mutations of the same kinds, made by the repositories on other rows, POSTed raw. */
  baselineMs: number;
  baselineApplied: number;
  /** baselineMs / pushMs. */
  ratio: number;
}

interface Session {
  db: YoufuDb;
  engine: SyncEngine;
  observer: Observer;
  token: string;
  user: { id: string; name: string };
}

let session: Session | null = null;
const DB_PREFIX = 'bench-sync-';

function log(s: string): void {
  console.log(`[bench] ${s}`);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const perSec = (n: number, ms: number): number => Math.round((n / ms) * 1000);

/**
 * A pause before each timed step. Right after many IndexedDB writes Chromium keeps flushing
 * and compacting in the background, and on a small machine that steals the CPU of whatever
 * is measured next (a push measured right after the edits took twice as long as the same
 * push a second later). Edits made during a day are pushed on a quiet machine, too.
 */
const SETTLE_MS = 3000;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

async function freshDb(suffix: string): Promise<YoufuDb> {
  const name = `${DB_PREFIX}${suffix}`;
  await Dexie.delete(name);
  return openYoufuDb(name, { keys: await freshDatabaseKeys() });
}

/** What a pulled page contained, in order, so the baseline writes exactly those rows. */
type PageIds = { table: EntityTable; ids: string[] }[];

/** What the benches watch on the real transport; reset between measurements. */
interface Observer {
  pullMs: number;
  pushMs: number;
  firstPullAt: number | null;
  pushes: number;
  /** Filled while not null (the bootstrap only: a district's ids take memory). */
  pages: PageIds[] | null;
}

function observe(http: SyncTransport, o: Observer): SyncTransport {
  return {
    async push(req) {
      const t = performance.now();
      o.pushes++;
      const res = await http.push(req);
      o.pushMs += performance.now() - t;
      return res;
    },
    async pull(cursor, limit) {
      const t = performance.now();
      o.firstPullAt ??= t;
      const res = await http.pull(cursor, limit);
      o.pullMs += performance.now() - t;
      if (res.ok && o.pages) {
        o.pages.push(groupPage(res.value.changes));
        if (o.pages.length % 50 === 0) log(`bootstrap: ${o.pages.length} pages, ${res.value.remaining} changes to go`);
      }
      return res;
    },
  };
}

function groupPage(changes: readonly { table: string; rowId: string; op: string }[]): PageIds {
  const byTable = new Map<EntityTable, string[]>();
  for (const c of changes) {
    if (c.op !== 'upsert' || !(ENTITY_TABLES as readonly string[]).includes(c.table)) continue;
    const t = c.table as EntityTable;
    const list = byTable.get(t) ?? [];
    list.push(c.rowId);
    byTable.set(t, list);
  }
  return [...byTable].map(([table, ids]) => ({ table, ids }));
}

export async function syncBootstrapBench(opts: { username: string; password: string; pageSize: number }): Promise<SyncBootstrapResult> {
  session?.db.close();
  session = null;
  const login = await createHttpLogin({ baseUrl: '' })({
    username: opts.username,
    password: opts.password,
    deviceId: `bench-${crypto.randomUUID().slice(0, 8)}`,
  });
  if (!login.ok) throw new Error(`login: ${login.error.code} ${login.error.message}`);
  const { token } = login.value;
  const http = createHttpTransport({ baseUrl: '', getToken: () => token });

  const db = await freshDb('client');
  const observer: Observer = { pullMs: 0, pushMs: 0, firstPullAt: null, pushes: 0, pages: [] };
  const engine = new SyncEngine({ db, transport: observe(http, observer), newId: () => crypto.randomUUID(), pullPageSize: opts.pageSize });
  const t0 = performance.now();
  const outcome = await engine.sync();
  const bootstrapMs = performance.now() - t0;
  const pages = observer.pages ?? [];
  const pullTransportMs = observer.pullMs;
  observer.pages = null;
  if (!outcome.ok) throw new Error(`bootstrap sync failed: ${outcome.error.code} ${outcome.error.message}`);

  const byTable: Record<string, number> = {};
  let rows = 0;
  for (const t of ENTITY_TABLES) {
    const n = await db.table(t).count();
    if (n > 0) byTable[t] = n;
    rows += n;
  }
  if (rows !== outcome.report.pulled) log(`note: ${outcome.report.pulled} changes pulled, ${rows} rows stored`);

  log(`bootstrap: ${rows} rows in ${Math.round(bootstrapMs)} ms; baseline bulkPut of the same rows…`);
  await settle();
  const baselineMs = await bulkPutBaseline(db, pages);
  session = { db, engine, observer, token, user: { id: login.value.user.id, name: login.value.user.name } };
  return {
    rows,
    byTable,
    pages: pages.length,
    pageSize: opts.pageSize,
    bootstrapMs: Math.round(bootstrapMs),
    pullTransportMs: Math.round(pullTransportMs),
    rowsPerSec: perSec(rows, bootstrapMs),
    baselineMs: Math.round(baselineMs),
    baselineRowsPerSec: perSec(rows, baselineMs),
    ratio: round2(baselineMs / bootstrapMs),
  };
}

/**
 * The baseline: the stored rows the bootstrap wrote (the pulled rows after the codec), page by
 * page in pull order, written with bulkPut into another fresh database, one transaction per
 * page. Only the writes are timed; reading the rows back out of the client database is not.
 */
async function bulkPutBaseline(source: YoufuDb, pages: readonly PageIds[]): Promise<number> {
  const target = await freshDb('baseline');
  let ms = 0;
  try {
    for (const page of pages) {
      const batches: { table: EntityTable; rows: unknown[] }[] = [];
      for (const { table, ids } of page) {
        const rows = await source.table(table).bulkGet(ids);
        batches.push({ table, rows: rows.filter((r) => r !== undefined) });
      }
      const t = performance.now();
      await target.transaction(
        'rw',
        batches.map((b) => b.table),
        async (tx) => {
          for (const b of batches) await tx.table(b.table).bulkPut(b.rows);
        },
      );
      ms += performance.now() - t;
    }
  } finally {
    target.close();
    await Dexie.delete(target.name);
  }
  return ms;
}

/** Rows the edits work on, split into disjoint sets so no measurement finds another's rows warm. */
interface EditTargets {
  recipientIds: string[];
  aidTemplates: Aid[];
}

/** The share of edits that are profile edits; the rest are new aid records. */
const UPDATE_SHARE = 0.4;

async function editTargets(db: YoufuDb, sizes: readonly number[]): Promise<EditTargets[]> {
  const split = sizes.map((n) => ({ updates: Math.round(n * UPDATE_SHARE), adds: n - Math.round(n * UPDATE_SHARE) }));
  const updates = split.reduce((a, x) => a + x.updates, 0);
  const adds = split.reduce((a, x) => a + x.adds, 0);
  const recipientIds = await db.recipients.limit(updates).primaryKeys();
  const aid = await Promise.all(
    (
      await db.aid
        .filter((a) => !a.voided)
        .limit(adds)
        .toArray()
    ).map((a) => db.codec.decode('aid', a)),
  );
  if (recipientIds.length < updates || aid.length < adds) throw new Error('not enough rows to edit');
  let u = 0;
  let d = 0;
  return split.map((x) => {
    const t = { recipientIds: recipientIds.slice(u, u + x.updates), aidTemplates: aid.slice(d, d + x.adds) };
    u += x.updates;
    d += x.adds;
    return t;
  });
}

/**
 * Offline edits through the repositories, each one write with its outbox entry, as a
 * caseworker's day makes them: profile edits (updateRecipient, one field) and new aid records
 * (addAid, a copy of an existing record).
 */
async function makeEdits(ctx: RepoContext, targets: EditTargets, tag: string): Promise<Record<string, number>> {
  const kinds: Record<string, number> = { updateRecipient: 0, addAid: 0 };
  for (const [i, id] of targets.recipientIds.entries()) {
    const r = await updateRecipient(ctx, id, { healthNotes: `bench ${tag} edit ${i}` });
    if (!r.ok) throw new Error(`updateRecipient: ${JSON.stringify(r.error)}`);
    kinds.updateRecipient!++;
  }
  for (const a of targets.aidTemplates) {
    const { rev: _rev, updatedAt: _updatedAt, ...input } = a;
    const r = await addAid(ctx, { ...input, id: ctx.newId(), approvedBy: `bench ${tag}` });
    if (!r.ok) throw new Error(`addAid: ${JSON.stringify(r.error)}`);
    kinds.addAid!++;
  }
  return kinds;
}

/**
 * 1. Warm-up: a few edits synced untimed, so that neither measurement pays for the first push
 *    of the server process (JIT, statement plans) or of this client.
 * 2. Baseline set: edits on rows of their own, taken out of the outbox; they are the raw POSTs.
 * 3. Engine set: as many edits on other rows, pushed by engine.sync() (timed).
 * 4. The baseline set POSTed raw (timed).
 */
export async function syncPushBench(opts: { edits: number; warmup: number }): Promise<SyncPushResult> {
  if (!session) throw new Error('run syncBootstrapBench first');
  const { db, engine, observer, token, user } = session;
  const ctx: RepoContext = { db, actor: { staffId: user.id, name: user.name }, now: () => new Date(), newId: () => crypto.randomUUID() };
  const [warm, raw, mine] = (await editTargets(db, [opts.warmup, opts.edits, opts.edits])) as [EditTargets, EditTargets, EditTargets];
  await makeEdits(ctx, warm, 'warm-up');
  const warmed = await engine.sync();
  if (!warmed.ok) throw new Error(`warm-up sync failed: ${warmed.error.code} ${warmed.error.message}`);

  await makeEdits(ctx, raw, 'raw');
  // Opened here, untimed: the outbox seals what the rows seal, and the server needs the values.
  const rawEntries = await openOutboxEntries(db, await db.outbox.orderBy('seq').toArray());
  await db.outbox.clear();

  const t0 = performance.now();
  const editKinds = await makeEdits(ctx, mine, 'engine');
  const editMs = performance.now() - t0;
  const edits = await db.outbox.count();

  await settle();
  // The round moves on from push to pull at its first pull request.
  Object.assign(observer, { pullMs: 0, pushMs: 0, firstPullAt: null, pushes: 0 });
  const t1 = performance.now();
  const outcome = await engine.sync();
  const syncMs = performance.now() - t1;
  if (!outcome.ok) throw new Error(`push sync failed: ${outcome.error.code} ${outcome.error.message}`);
  const pushMs = (observer.firstPullAt ?? performance.now()) - t1;

  await settle();
  const baseline = await rawPushBaseline(rawEntries, token);
  return {
    edits,
    editKinds,
    editMs: Math.round(editMs),
    pushMs: Math.round(pushMs),
    pushTransportMs: Math.round(observer.pushMs),
    syncMs: Math.round(syncMs),
    pushed: outcome.report.pushed,
    rejected: outcome.report.rejected,
    batches: observer.pushes,
    baselineMs: Math.round(baseline.ms),
    baselineApplied: baseline.applied,
    ratio: round2(baseline.ms / pushMs),
  };
}

/**
 * The baseline: mutations the repositories made (the same kinds, counts and sizes as the
 * engine's, on rows of their own) POSTed with fetch in batches of the engine's size, under a
 * client id of their own, without the engine: no outbox reads, HLC repair or settling. Timed:
 * building the requests, sending them and validating the answers, as the transport does.
 */
async function rawPushBaseline(entries: readonly OutboxEntry[], token: string): Promise<{ ms: number; applied: number }> {
  const clientId = crypto.randomUUID();
  let applied = 0;
  const t = performance.now();
  for (let i = 0; i < entries.length; i += MAX_PUSH_MUTATIONS) {
    const mutations: Mutation[] = entries.slice(i, i + MAX_PUSH_MUTATIONS).map((e, k) => ({
      // The server takes an HLC only from the node that stamped it: the baseline's own client id.
      id: e.id,
      seq: i + k + 1,
      table: e.table,
      rowId: e.rowId,
      op: e.op,
      fields: e.fields,
      baseRev: e.baseRev,
      hlc: ownHlc(e.hlc, clientId),
    }));
    const body: PushRequest = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId, mutations };
    const res = await fetch('/api/v1/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`raw push: HTTP ${res.status} ${await res.text()}`);
    const parsed = pushResponseSchema.parse(await res.json());
    // Applied or merged both wrote the row; a rejection or a duplicate did no work to compare.
    applied += parsed.results.filter((r) => r.status === 'applied' || r.status === 'merged').length;
    const refused = parsed.results.find((r) => r.status === 'rejected');
    if (refused) throw new Error(`raw push: a baseline mutation was refused (${refused.reason ?? ''} ${refused.detail ?? ''})`);
  }
  return { ms: performance.now() - t, applied };
}

function ownHlc(hlc: string, node: string): string {
  const h = decodeHlc(hlc);
  return h === null ? hlc : encodeHlc({ ...h, node });
}

/** Drops the client database of the sync benchmarks. */
export async function syncBenchCleanup(): Promise<void> {
  if (!session) return;
  session.db.close();
  await Dexie.delete(session.db.name);
  session = null;
}

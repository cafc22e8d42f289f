import { Dexie } from 'dexie';
import { ENTITY_TABLES, type EntityTable } from '../../shared/domain/schemas';
import { encodeHlc } from '../../shared/sync/hlc';
import { MAX_PUSH_MUTATIONS, PROTOCOL_VERSION, SCHEMA_VERSION, type Mutation, type PushRequest, pushResponseSchema } from '../../shared/sync/protocol';
import { addAid } from '../db/aidRepository';
import { type OutboxEntry, type YoufuDb, openYoufuDb } from '../db/database';
import { updateRecipient } from '../db/recipientRepository';
import type { RepoContext } from '../db/repository';
import { SyncEngine } from '../sync/engine';
import { type SyncTransport, createHttpTransport } from '../sync/transport';

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
  /** Of bootstrapMs: waiting on transport.pull (HTTP, JSON parse, zod validation of the page). */
  pullTransportMs: number;
  /** Of bootstrapMs: the rest, mostly applyRemoteChanges (validation, codec, IndexedDB). */
  applyMs: number;
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
  /** The whole engine.sync() round, including pulling the server's echo of the edits. */
  syncMs: number;
  pushed: number;
  rejected: number;
  batches: number;
  /** The same mutations (fresh ids, values and baseRevs so the server really applies them) POSTed raw. */
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

async function freshDb(suffix: string): Promise<YoufuDb> {
  const name = `${DB_PREFIX}${suffix}`;
  await Dexie.delete(name);
  return openYoufuDb(name);
}

/** What a pulled page contained, in order, so the baseline writes exactly those rows. */
type PageIds = { table: EntityTable; ids: string[] }[];

/** What the benches watch on the real transport; reset between measurements. */
interface Observer {
  pullMs: number;
  firstPullAt: number | null;
  pushes: number;
  /** Filled while not null (the bootstrap only: a district's ids take memory). */
  pages: PageIds[] | null;
}

function observe(http: SyncTransport, o: Observer): SyncTransport {
  return {
    login: (req) => http.login(req),
    push: (req) => {
      o.pushes++;
      return http.push(req);
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
  let token: string | null = null;
  const http = createHttpTransport({ baseUrl: '', getToken: () => token });
  const login = await http.login({ username: opts.username, password: opts.password, deviceId: `bench-${crypto.randomUUID().slice(0, 8)}` });
  if (!login.ok) throw new Error(`login: ${login.error.code} ${login.error.message}`);
  token = login.value.token;

  const db = await freshDb('client');
  const observer: Observer = { pullMs: 0, firstPullAt: null, pushes: 0, pages: [] };
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
  const baselineMs = await bulkPutBaseline(db, pages);
  session = { db, engine, observer, token, user: { id: login.value.user.id, name: login.value.user.name } };
  return {
    rows, byTable, pages: pages.length, pageSize: opts.pageSize,
    bootstrapMs: Math.round(bootstrapMs), pullTransportMs: Math.round(pullTransportMs), applyMs: Math.round(bootstrapMs - pullTransportMs),
    rowsPerSec: perSec(rows, bootstrapMs),
    baselineMs: Math.round(baselineMs), baselineRowsPerSec: perSec(rows, baselineMs),
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
      await target.transaction('rw', batches.map((b) => b.table), async (tx) => {
        for (const b of batches) await tx.table(b.table).bulkPut(b.rows);
      });
      ms += performance.now() - t;
    }
  } finally {
    target.close();
    await Dexie.delete(target.name);
  }
  return ms;
}

/**
 * Offline edits on the bootstrapped client: half profile edits (updateRecipient, one field),
 * half new aid records (addAid, a copy of an existing record). Each is one repository write
 * with its outbox entry, as a caseworker's day would make them.
 */
async function makeEdits(db: YoufuDb, ctx: RepoContext, edits: number, tag: string): Promise<Record<string, number>> {
  const updates = Math.ceil(edits / 2);
  const recipientIds = await db.recipients.limit(updates).primaryKeys();
  const aidTemplates = await db.aid.filter((a) => !a.voided).limit(edits - updates).toArray();
  const kinds: Record<string, number> = { updateRecipient: 0, addAid: 0 };
  for (const [i, id] of recipientIds.entries()) {
    const r = await updateRecipient(ctx, id, { healthNotes: `bench ${tag} edit ${i}` });
    if (!r.ok) throw new Error(`updateRecipient: ${JSON.stringify(r.error)}`);
    kinds.updateRecipient!++;
  }
  for (const a of aidTemplates) {
    const { rev: _rev, updatedAt: _updatedAt, ...input } = db.codec.decode('aid', a);
    const r = await addAid(ctx, { ...input, id: ctx.newId(), approvedBy: `bench ${tag}` });
    if (!r.ok) throw new Error(`addAid: ${JSON.stringify(r.error)}`);
    kinds.addAid!++;
  }
  return kinds;
}

export async function syncPushBench(opts: { edits: number }): Promise<SyncPushResult> {
  if (!session) throw new Error('run syncBootstrapBench first');
  const { db, engine, observer, token, user } = session;
  const ctx: RepoContext = { db, actor: { staffId: user.id, name: user.name }, now: () => new Date(), newId: () => crypto.randomUUID() };
  const t0 = performance.now();
  const editKinds = await makeEdits(db, ctx, opts.edits, 'engine');
  const editMs = performance.now() - t0;
  const outbox = await db.outbox.orderBy('seq').toArray();

  // The round moves on from push to pull at its first pull request.
  Object.assign(observer, { pullMs: 0, firstPullAt: null, pushes: 0 });
  const t1 = performance.now();
  const outcome = await engine.sync();
  const syncMs = performance.now() - t1;
  if (!outcome.ok) throw new Error(`push sync failed: ${outcome.error.code} ${outcome.error.message}`);
  const pushMs = (observer.firstPullAt ?? performance.now()) - t1;
  const batches = observer.pushes;

  const baseline = await rawPushBaseline(db, outbox, token);
  return {
    edits: outbox.length, editKinds, editMs: Math.round(editMs), pushMs: Math.round(pushMs), syncMs: Math.round(syncMs),
    pushed: outcome.report.pushed, rejected: outcome.report.rejected, batches,
    baselineMs: Math.round(baseline.ms), baselineApplied: baseline.applied, ratio: round2(baseline.ms / pushMs),
  };
}

/**
 * The baseline: the engine's mutations again, POSTed with fetch in batches of the engine's
 * size, without the engine (no outbox reads, HLC repair or settling). Replayed as-is they
 * would be duplicates, or no-ops the server skips, so each gets a fresh id and seq under a new
 * clientId, a changed value, the row's current rev as baseRev (no conflicts: the same merge
 * path as the engine's) and a fresh row id where it created a row. Timed: building, sending
 * and reading the answers.
 */
async function rawPushBaseline(db: YoufuDb, outbox: readonly OutboxEntry[], token: string): Promise<{ ms: number; applied: number }> {
  const clientId = crypto.randomUUID();
  const revs = new Map<string, number>();
  for (const e of outbox) {
    if (e.baseRev === 0) continue;
    const row = await db.table(e.table).get(e.rowId) as { rev?: number } | undefined;
    revs.set(e.rowId, row?.rev ?? e.baseRev);
  }
  const millis = Date.now();
  const mutations: Mutation[] = outbox.map((e, i) => {
    const created = e.baseRev === 0;
    const rowId = created ? crypto.randomUUID() : e.rowId;
    const fields: Record<string, unknown> = { ...e.fields };
    if (created) fields.id = rowId;
    else for (const [k, v] of Object.entries(fields)) if (typeof v === 'string') fields[k] = `${v} (raw)`;
    return {
      id: crypto.randomUUID(), seq: i + 1, table: e.table, rowId, op: e.op, fields,
      baseRev: created ? 0 : revs.get(e.rowId)!, hlc: encodeHlc({ millis, counter: i, node: clientId.slice(0, 8) }),
    };
  });
  let applied = 0;
  const t = performance.now();
  for (let i = 0; i < mutations.length; i += MAX_PUSH_MUTATIONS) {
    const body: PushRequest = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId, mutations: mutations.slice(i, i + MAX_PUSH_MUTATIONS) };
    const res = await fetch('/api/v1/sync/push', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`raw push: HTTP ${res.status} ${await res.text()}`);
    const parsed = pushResponseSchema.parse(await res.json());
    applied += parsed.results.filter((r) => r.status === 'applied').length;
  }
  return { ms: performance.now() - t, applied };
}

/** Drops the client database of the sync benchmarks. */
export async function syncBenchCleanup(): Promise<void> {
  if (!session) return;
  session.db.close();
  await Dexie.delete(session.db.name);
  session = null;
}

import { randomUUID } from 'node:crypto';
import { ENTITY_TABLES, type EntityTable } from '../../shared/domain/schemas';
import type { MutationResult, PushRequest } from '../../shared/sync/protocol';
import type { YoufuDb } from '../../renderer/db/handle';
import { countOutbox } from '../../renderer/db/outboxRepository';
import { newTestDb } from '../../renderer/db/testFixtures';
import type { RepoContext } from '../../renderer/db/repository';
import { SyncEngine, type SyncProgress } from '../../renderer/sync/engine';
import { type SyncTransport, createHttpLogin, createHttpTransport, syncError } from '../../renderer/sync/transport';
import type { TestServer } from '../support/serverHarness';

/**
 * A simulated desktop client for cross-process sync tests: the real Dexie database (on
 * fake-indexeddb), the real repositories and sync engine, real HTTP to a real server. Its
 * clock can be set wrong, and its network can lose requests or responses.
 */
export interface Faults {
  /** Probability that a request never reaches the server. */
  lostRequest: number;
  /** Probability that the server commits but the response is lost. */
  lostResponse: number;
  random: () => number;
}

export interface SimClient {
  name: string;
  /** The session's bearer token (what main holds in Electron). */
  token: string;
  db: YoufuDb;
  ctx: RepoContext;
  engine: SyncEngine;
  clock: { offsetMs: number };
  faults: Faults | null;
  /** Every mutation the server answered, keyed by mutation id. */
  verdicts: Map<string, MutationResult & { table: string; rowId: string; fields: Record<string, unknown> }>;
  /** Rewrites push requests on their way out (tests of version checks). */
  rewritePush: ((req: PushRequest) => PushRequest) | null;
  /** Called before each pull with its 1-based number; true makes that pull fail (cable pulled). */
  failPull: ((n: number) => boolean) | null;
  transportCalls: { pull: number[] };
}

export async function signInClient(
  server: TestServer,
  name: string,
  username: string,
  password: string,
  opts: { pullPageSize?: number; onProgress?: (p: SyncProgress) => void } = {},
): Promise<SimClient> {
  // Its own in-memory IndexedDB and fresh keys: one device.
  const db = newTestDb();
  await db.open();
  const login = await createHttpLogin({ baseUrl: server.baseUrl })({
    username,
    password,
    deviceId: `device-${name}-${randomUUID().slice(0, 8)}`,
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.error.code} ${login.error.message}`);
  const { token } = login.value;
  const http = createHttpTransport({ baseUrl: server.baseUrl, getToken: () => token });

  const clock = { offsetMs: 0 };
  const now = () => new Date(Date.now() + clock.offsetMs);
  // What the transport closures read and tests change: faults, rewrites, recorded verdicts.
  const state: Pick<SimClient, 'faults' | 'verdicts' | 'rewritePush' | 'failPull' | 'transportCalls'> = {
    faults: null,
    verdicts: new Map(),
    rewritePush: null,
    failPull: null,
    transportCalls: { pull: [] },
  };
  const client = state;

  const lost = (p: number | undefined) => client.faults !== null && p !== undefined && client.faults.random() < p;
  const transport: SyncTransport = {
    async push(req) {
      const sent = client.rewritePush ? client.rewritePush(req) : req;
      if (lost(client.faults?.lostRequest)) return { ok: false, error: syncError('network', 'request lost') };
      const res = await http.push(sent);
      if (res.ok) {
        const byId = new Map(sent.mutations.map((m) => [m.id, m]));
        for (const r of res.value.results) {
          const m = byId.get(r.id);
          if (m && r.status !== 'duplicate') client.verdicts.set(r.id, { ...r, table: m.table, rowId: m.rowId, fields: m.fields });
        }
      }
      if (lost(client.faults?.lostResponse)) return { ok: false, error: syncError('network', 'response lost') };
      return res;
    },
    async pull(cursor, limit) {
      client.transportCalls.pull.push(cursor);
      if (client.failPull?.(client.transportCalls.pull.length)) return { ok: false, error: syncError('network', 'cable pulled') };
      if (lost(client.faults?.lostRequest)) return { ok: false, error: syncError('network', 'request lost') };
      const res = await http.pull(cursor, limit);
      if (lost(client.faults?.lostResponse)) return { ok: false, error: syncError('network', 'response lost') };
      return res;
    },
  };
  const engine = new SyncEngine({ db, transport, newId: randomUUID, now, pullPageSize: opts.pullPageSize, onProgress: opts.onProgress });
  const ctx: RepoContext = { db, actor: { staffId: login.value.user.id, name: login.value.user.name }, now, newId: randomUUID };
  // The returned object shares `state`, so tests that set faults reach the transport.
  return Object.assign(state, { name, token, db, clock, ctx, engine });
}

/** Syncs until the outbox is empty and a round succeeds (the network may be flaky). */
export async function syncUntilSettled(c: SimClient, maxRounds = 50): Promise<void> {
  for (let i = 0; i < maxRounds; i++) {
    const out = await c.engine.sync();
    if (out.ok && (await countOutbox(c.db)) === 0) return;
  }
  throw new Error(`${c.name} did not settle in ${maxRounds} rounds`);
}

/** Every entity row on the device, `table/id` → row without local-only columns. */
export async function replicaRows(c: SimClient): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const t of ENTITY_TABLES) {
    const rows = await c.db.table(t).toArray();
    for (const stored of rows) {
      const row = (await c.db.codec.decode(t, stored as never)) as Record<string, unknown>;
      out.set(`${t}/${String(row.id)}`, row);
    }
  }
  return out;
}

/** The server's live rows in a scope, `table/id` → data, as the client should hold them. */
export async function serverRows(
  server: TestServer,
  scope: string,
  tables: readonly EntityTable[] = ENTITY_TABLES,
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await server.db.query<{ table_name: string; row_id: string; rev: number; data: Record<string, unknown> }>(
    `SELECT table_name, row_id, rev, data FROM rows
     WHERE NOT deleted AND station_code LIKE $1 || '%' AND table_name IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [scope, JSON.stringify(tables)],
  );
  return new Map(rows.map((r) => [`${r.table_name}/${r.row_id}`, { ...r.data, rev: Number(r.rev) }]));
}

/** Comparable form: updatedAt is stamped by each side's clock, so it is left out. */
export function comparable(rows: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of [...rows.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const { updatedAt: _u, ...rest } = v;
    out[k] = rest;
  }
  return out;
}

import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type Mutation,
  loginResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '../shared/sync/protocol';
import { encodeHlc } from '../shared/sync/hlc';
import { idNumberCheckChar } from '../shared/validation/idNumber';
import { type LatencySummary, summarize } from '../renderer/bench/stats';
import type { LoadAccount } from './benchServerIpc';
import type { BenchServer } from './benchServerProcess';

/**
 * The central server under concurrent load: `stations` caseworker accounts, each at a
 * community station of its own (made by the server's account module), sign in and then sync
 * round after round, all at once, over real HTTP: push a batch of new rows (a recipient, two
 * visits, two aid records), then pull from its cursor until nothing is left (its own echo and
 * anything else in its scope). Every station connects from its own loopback address
 * (127.1.x.y), as 200 stations would from 200 computers, so per-IP limits see what they would
 * see in production.
 *
 * Baseline: the same kind of rounds issued one request at a time by the same accounts, in the
 * same run, before the concurrent phase: what the server does for one client. The ratio is the
 * concurrent throughput over the sequential one (above 1: concurrency helps; 1: requests
 * queue; below 1: they get in each other's way).
 */
export interface LoadPhaseResult {
  stations: number;
  rounds: number;
  requests: number;
  wallMs: number;
  requestsPerSec: number;
  mutationsPerSec: number;
  push: LatencySummary;
  pull: LatencySummary;
  all: LatencySummary;
}

export interface LoadBenchResult {
  backend: 'pglite' | 'postgres';
  accountsMs: number;
  login: LatencySummary;
  concurrent: LoadPhaseResult;
  sequential: LoadPhaseResult;
  /** concurrent.requestsPerSec / sequential.requestsPerSec. */
  ratio: number;
  errors: number;
  /** The first few errors, as a user would read them (HTTP status and code, or a rejected mutation). */
  errorSamples: string[];
}

const PASSWORD = 'load-test-pass';
const MUTATIONS_PER_PUSH = 5;
const PULL_PAGE = 2000;

interface Station {
  account: LoadAccount;
  agent: Agent;
  localAddress: string;
  token: string;
  clientId: string;
  cursor: number;
  seq: number;
}

interface Recorder {
  push: number[];
  pull: number[];
  login: number[];
  errors: string[];
  mutations: number;
}

/** A distinct loopback source address per station: 127.1.0.1, 127.1.0.2, … */
export function stationAddress(i: number): string {
  return `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

async function call(
  base: string,
  s: Pick<Station, 'agent' | 'localAddress'> & { token?: string },
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        agent: s.agent,
        localAddress: s.localAddress,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(s.token ? { authorization: `Bearer ${s.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

function describeFailure(what: string, status: number, json: unknown): string {
  const code = (json as { error?: { code?: string; message?: string } } | null)?.error;
  return `${what}: HTTP ${status}${code ? ` ${code.code ?? ''} ${code.message ?? ''}` : ''}`;
}

let idSerial = 0;
function idNumber(): string {
  idSerial++;
  const first17 = `440304196${idSerial % 10}0${1 + (idSerial % 9)}1${String(idSerial % 10)}${String(100 + (idSerial % 900)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** One round's push: a new recipient at the station, two visits and two aid records for them. */
function roundMutations(s: Station, staffId: string): Mutation[] {
  const now = new Date();
  const at = now.toISOString();
  const station = s.account.stationCode;
  const recipientId = randomUUID();
  const id = idNumber();
  const hlc = (): string => encodeHlc({ millis: now.getTime(), counter: s.seq % 0xffff, node: s.clientId });
  const m = (table: Mutation['table'], rowId: string, fields: Record<string, unknown>): Mutation => ({
    id: randomUUID(),
    seq: ++s.seq,
    table,
    rowId,
    op: 'upsert',
    fields: { ...fields, rev: 0, updatedAt: at },
    baseRev: 0,
    hlc: hlc(),
  });
  const visit = (): Mutation =>
    m('visits', randomUUID(), {
      recipientId,
      stationCode: station,
      visitedAt: at,
      mode: 'home',
      purpose: 'routine',
      festival: null,
      staffIds: [staffId],
      condition: { health: 'fair', living: 'good', mood: 'good' },
      notes: '负载测试走访',
      dutyOccurrenceId: null,
      photos: [],
    });
  const aid = (): Mutation =>
    m('aid', randomUUID(), {
      recipientId,
      stationCode: station,
      date: at.slice(0, 10),
      kind: 'cash',
      amountFen: 50_000,
      quantity: null,
      item: null,
      fundSource: 'government_budget',
      approvedBy: '站长',
      visitId: null,
      acknowledged: true,
      voided: false,
      voidReason: null,
    });
  const mutations = [
    m('recipients', recipientId, {
      name: '张建国',
      gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      idNumber: id,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      lunarBirthday: false,
      phones: ['13800138000'],
      address: '园岭新村 12 栋',
      stationCode: station,
      categories: [{ code: 'key_recipient' }],
      livingSituation: [],
      healthNotes: '',
      pensionKind: null,
      emergencyContacts: [],
      dedicatedStaffId: null,
      medicalCard: false,
      status: 'active',
      statusDate: null,
      tags: [],
    }),
    visit(),
    visit(),
    aid(),
    aid(),
  ];
  for (const x of mutations) x.fields = { ...x.fields, id: x.rowId };
  return mutations.slice(0, MUTATIONS_PER_PUSH);
}

async function timed<T>(into: number[], f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await f();
  } finally {
    into.push(performance.now() - t);
  }
}

async function login(base: string, account: LoadAccount, i: number, rec: Recorder): Promise<Station | null> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const localAddress = stationAddress(i);
  const res = await timed(rec.login, () =>
    call(base, { agent, localAddress }, 'POST', '/api/v1/auth/login', {
      username: account.username,
      password: PASSWORD,
      deviceId: `load-${account.username}`,
    }),
  ).catch((e: unknown) => ({ status: 0, json: { error: { code: 'network', message: String(e) } } }));
  if (res.status !== 200) {
    rec.errors.push(describeFailure(`login ${account.username}`, res.status, res.json));
    agent.destroy();
    return null;
  }
  const body = loginResponseSchema.parse(res.json);
  return { account, agent, localAddress, token: body.token, clientId: randomUUID(), cursor: 0, seq: 0 };
}

/** One sync round of one station: push, then pull until the server has nothing more. */
async function round(base: string, s: Station, staffId: string, rec: Recorder): Promise<void> {
  const mutations = roundMutations(s, staffId);
  const pushed = await timed(rec.push, () =>
    call(base, s, 'POST', '/api/v1/sync/push', {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: s.clientId,
      mutations,
    }),
  ).catch((e: unknown) => ({ status: 0, json: { error: { code: 'network', message: String(e) } } }));
  if (pushed.status !== 200) {
    rec.errors.push(describeFailure(`push ${s.account.username}`, pushed.status, pushed.json));
  } else {
    const body = pushResponseSchema.parse(pushed.json);
    for (const r of body.results) {
      if (r.status === 'rejected') rec.errors.push(`push ${s.account.username}: mutation rejected (${r.reason ?? ''} ${r.detail ?? ''})`);
      else rec.mutations++;
    }
  }
  for (let page = 0; page < 50; page++) {
    const pulled = await timed(rec.pull, () =>
      call(base, s, 'GET', `/api/v1/sync/pull?cursor=${s.cursor}&limit=${PULL_PAGE}&clientId=${s.clientId}`),
    ).catch((e: unknown) => ({ status: 0, json: { error: { code: 'network', message: String(e) } } }));
    if (pulled.status !== 200) {
      rec.errors.push(describeFailure(`pull ${s.account.username}`, pulled.status, pulled.json));
      return;
    }
    const body = pullResponseSchema.parse(pulled.json);
    s.cursor = body.cursor;
    if (!body.hasMore) return;
  }
}

function phase(stations: number, rounds: number, rec: Recorder, wallMs: number): LoadPhaseResult {
  const requests = rec.push.length + rec.pull.length;
  return {
    stations,
    rounds,
    requests,
    wallMs: Math.round(wallMs),
    requestsPerSec: Math.round((requests / wallMs) * 1000 * 10) / 10,
    mutationsPerSec: Math.round((rec.mutations / wallMs) * 1000),
    push: summarize(rec.push),
    pull: summarize(rec.pull),
    all: summarize([...rec.push, ...rec.pull]),
  };
}

const newRecorder = (): Recorder => ({ push: [], pull: [], login: [], errors: [], mutations: 0 });

export async function loadBench(
  server: BenchServer,
  opts: {
    backend: 'pglite' | 'postgres';
    stations: number;
    rounds: number;
    sequentialStations: number;
    log: (s: string) => void;
  },
): Promise<LoadBenchResult> {
  const base = server.url;
  const { accounts, ms: accountsMs } = await server.createAccounts('440304', opts.stations, PASSWORD);
  opts.log(`load (${opts.backend}): ${accounts.length} accounts ready (${accountsMs} ms); all sign in at once…`);
  const logins = newRecorder();
  const signedIn = await Promise.all(accounts.map((a, i) => login(base, a, i, logins)));
  const stations = signedIn.filter((s): s is Station => s !== null);
  // Everyone starts up to date: the load is the day's syncing, not 200 first downloads.
  const head = await server.head();
  for (const s of stations) s.cursor = head;
  const staffId = randomUUID();

  opts.log(
    `load (${opts.backend}): sequential baseline, ${opts.sequentialStations} stations × ${opts.rounds} rounds one request at a time…`,
  );
  const seq = newRecorder();
  const seqStations = stations.slice(0, opts.sequentialStations);
  let t = performance.now();
  for (const s of seqStations) for (let r = 0; r < opts.rounds; r++) await round(base, s, staffId, seq);
  const sequential = phase(seqStations.length, opts.rounds, seq, performance.now() - t);
  for (const s of seqStations) s.cursor = await server.head();

  opts.log(`load (${opts.backend}): ${stations.length} stations × ${opts.rounds} rounds at once…`);
  const conc = newRecorder();
  t = performance.now();
  await Promise.all(
    stations.map(async (s) => {
      for (let r = 0; r < opts.rounds; r++) await round(base, s, staffId, conc);
    }),
  );
  const concurrent = phase(stations.length, opts.rounds, conc, performance.now() - t);
  for (const s of stations) s.agent.destroy();

  const errors = [...logins.errors, ...seq.errors, ...conc.errors];
  return {
    backend: opts.backend,
    accountsMs,
    login: summarize(logins.login),
    concurrent,
    sequential,
    ratio: Math.round((concurrent.requestsPerSec / sequential.requestsPerSec) * 100) / 100,
    errors: errors.length,
    errorSamples: errors.slice(0, 10),
  };
}

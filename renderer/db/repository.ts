import type { z } from 'zod';
import { jsonEqual } from '../../shared/jsonEqual';
import type { Result } from '../../shared/result';
import { type EntityRow, type EntityTable, ENTITY_TABLES, entitySchemas } from '../../shared/domain/schemas';
import { type Hlc, decodeHlc, encodeHlc, tickHlc } from '../../shared/sync/hlc';
import type { Transaction } from 'dexie';
import { isSealedTable } from './atRest/sensitive';
import { waitInTransaction } from './atRest/txWait';
import type { ClearTable, StoredRow } from './codec';
import { type YoufuDb, bound } from './database';
import type { OutboxEntry } from './records';
import { type ValidationIssue, zodIssues } from './rowValidation';
import { syncStateIn } from './syncStateRepository';
import { toShanghaiIso } from '../../shared/calendar/shanghai';

export { applyRemoteChanges, type RemoteApplyReport } from './remoteChanges';
export type { ValidationIssue } from './rowValidation';

/**
 * The write path. Every write to Dexie goes through `runWrite`: in ONE rw transaction it
 * validates with the shared zod schema, writes the row through the codec, appends the outbox
 * mutation and the local audit entry. Anything that goes wrong inside the transaction aborts
 * it, so a failed write leaves nothing behind; errors come back as values, never thrown.
 *
 * Sealing and opening sensitive fields is WebCrypto, which is async and not Dexie: awaited
 * bare inside the transaction it would let IndexedDB auto-commit, so every codec call here goes
 * through `waitInTransaction`, which keeps the transaction alive until the crypto has finished.
 */
export interface Actor {
  staffId: string;
  name: string;
}

export interface RepoContext {
  db: YoufuDb;
  actor: Actor;
  now: () => Date;
  newId: () => string;
}

export type RepoError =
  | { code: 'validation_failed'; issues: ValidationIssue[] }
  | { code: 'not_found'; table: EntityTable; rowId: string }
  | { code: 'id_number_duplicate'; existingId: string }
  | { code: 'aid_delete_refused' }
  | { code: 'aid_already_voided' }
  | { code: 'request_transition_invalid'; from: string; to: string }
  | { code: 'occurrence_not_pending'; occurrenceId: string }
  | { code: 'occurrence_wrong_mode'; occurrenceId: string }
  | { code: 'write_failed'; message: string };

export type RepoResult<T> = Result<T, RepoError>;

/** What a caller supplies: `rev` and `updatedAt` are owned by the repository. */
export type EntityInput<T extends EntityTable> = Omit<z.input<(typeof entitySchemas)[T]>, 'rev' | 'updatedAt'> & {
  id: string;
  rev?: number;
  updatedAt?: string;
};

/** Thrown inside a transaction to abort it; `runWrite` turns it into `{ok:false, error}`. */
export class RepoAbort extends Error {
  constructor(readonly error: RepoError) {
    super(error.code);
    this.name = 'RepoAbort';
  }
}

const WRITE_TABLES: readonly string[] = [...ENTITY_TABLES, 'outbox', 'syncState', 'auditLocal', 'attachmentBlobs'];

/** Fields a server merge must never see as an edit: it stamps both itself. */
const SERVER_OWNED = new Set(['rev', 'updatedAt']);

export async function runWrite<T>(ctx: RepoContext, work: (s: WriteSession) => Promise<T>): Promise<RepoResult<T>> {
  return asResult(() => inWriteTransaction(ctx, work));
}

/**
 * `runWrite` with a first step outside the transaction: `prepare` reads what the write starts
 * from and does the WebCrypto work (opening, validating and sealing: `planWrite`, `sealPlanned`)
 * before the transaction opens, so the transaction itself only issues IndexedDB requests and
 * never waits on crypto (each such wait costs it an IndexedDB round trip). `work` must check that what was
 * read is still what is stored (`WriteSession.applyPrepared` does) and redo it inside otherwise.
 * A RepoAbort in either step comes back as `{ok:false}`; nothing is written.
 */
export async function runPreparedWrite<P, T>(
  ctx: RepoContext,
  prepare: () => Promise<P>,
  work: (s: WriteSession, prepared: P) => Promise<T>,
): Promise<RepoResult<T>> {
  return asResult(async () => {
    const prepared = await prepare();
    return inWriteTransaction(ctx, (s) => work(s, prepared));
  });
}

async function inWriteTransaction<T>(ctx: RepoContext, work: (s: WriteSession) => Promise<T>): Promise<T> {
  return ctx.db.transaction('rw', WRITE_TABLES, async (tx) => {
    const session = new WriteSession(ctx, tx);
    const result = await work(session);
    await session.finish();
    return result;
  });
}

async function asResult<T>(run: () => Promise<T>): Promise<RepoResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (e instanceof RepoAbort) return { ok: false, error: e.error };
    return { ok: false, error: { code: 'write_failed', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** A row's write validated, diffed and sealed before its transaction opened (`sealPlanned`). */
export interface PreparedWrite<T extends EntityTable> {
  table: T;
  input: EntityInput<T>;
  issuePath: readonly (string | number)[];
  /** The stored row it was computed from, as read before the transaction; undefined: none. */
  basis: StoredRow<T> | undefined;
  /** The row as it will be (or, when nothing changes, as it is). */
  row: EntityRow<T>;
  /** What to store; null when the edit changes nothing. */
  write: { encoded: StoredRow<T>; entry: Omit<OutboxEntry, 'seq' | 'hlc'>; changed: string[] } | null;
}

/**
 * A write prepared outside any transaction, in two steps (a visit's aid needs the visit's
 * validated row first): `planWrite` validates and diffs the input against the row as opened
 * from the stored one read beforehand (synchronously; RepoAbort if invalid), `sealPlanned` seals
 * the row and its outbox values. `WriteSession.applyPrepared` writes it.
 */
export function planWrite<T extends EntityTable>(
  ctx: RepoContext,
  table: T,
  input: EntityInput<T>,
  existing: EntityRow<T> | undefined,
  issuePath: readonly (string | number)[] = [],
): PlannedRow<T> {
  return planRow(table, input, existing, toShanghaiIso(ctx.now()), issuePath);
}

export async function sealPlanned<T extends EntityTable>(
  ctx: RepoContext,
  plan: PlannedRow<T>,
  input: EntityInput<T>,
  basis: StoredRow<T> | undefined,
  issuePath: readonly (string | number)[] = [],
): Promise<PreparedWrite<T>> {
  const { table, row, changed, fields, baseRev } = plan;
  if (plan.unchanged) return { table, input, issuePath, basis, row, write: null };
  const codec = ctx.db.codec;
  // The outbox values are sealed under the mutation id: the HLC is stamped in the transaction.
  const mutation = {
    id: ctx.newId(),
    table,
    rowId: input.id,
    op: 'upsert' as const,
    fields,
    baseRev,
    hlc: '',
    createdAt: toShanghaiIso(ctx.now()),
  };
  const [encoded, { hlc: _unstamped, ...entry }] = await Promise.all([codec.encode(table, row), codec.sealOutbox(mutation)]);
  return { table, input, issuePath, basis, row, write: { encoded, entry, changed } };
}

/** A validated row and what it changes against the stored one. */
export interface PlannedRow<T extends EntityTable> {
  table: T;
  row: EntityRow<T>;
  /** An edit that changes nothing: nothing to write. */
  unchanged: boolean;
  changed: string[];
  fields: Record<string, unknown>;
  baseRev: number;
}

function planRow<T extends EntityTable>(
  table: T,
  input: EntityInput<T>,
  existing: EntityRow<T> | undefined,
  nowIso: string,
  issuePath: readonly (string | number)[],
): PlannedRow<T> {
  const candidate = { ...input, rev: existing?.rev ?? 0, updatedAt: nowIso };
  const parsed = entitySchemas[table].safeParse(candidate);
  if (!parsed.success) throw new RepoAbort({ code: 'validation_failed', issues: zodIssues(parsed.error, issuePath) });
  const row = parsed.data as EntityRow<T>;
  const record = row as Record<string, unknown>;
  const previous = existing as Record<string, unknown> | undefined;
  const changed = Object.keys(record).filter((k) =>
    previous === undefined ? k !== 'rev' : !SERVER_OWNED.has(k) && !jsonEqual(previous[k], record[k]),
  );
  const unchanged = existing !== undefined && changed.length === 0;
  return {
    table,
    row: unchanged ? existing : row,
    unchanged,
    changed,
    fields: Object.fromEntries(changed.map((k) => [k, record[k]])),
    baseRev: existing?.rev ?? 0,
  };
}

/**
 * True when a stored row is exactly the one read earlier: every write of a sealed row seals it
 * again under a fresh random IV, so equal sealed bytes mean no write came in between, and the
 * clear fields are compared too (a table with nothing sealed, a legacy row).
 */
export function sameStoredRow(a: object | undefined, b: object | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every(
    (k) =>
      Object.hasOwn(rb, k) &&
      (ra[k] instanceof Uint8Array || rb[k] instanceof Uint8Array ? sameBytes(ra[k], rb[k]) : jsonEqual(ra[k], rb[k])),
  );
}

function sameBytes(a: unknown, b: unknown): boolean {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The operations available inside one write transaction. Only Dexie work is awaited here, and
 * every table is bound to `tx` explicitly (see `bound` in database.ts).
 */
export class WriteSession {
  private clock: Hlc | null = null;
  /** The HLC as stored, read once however many writes of this session start at the same time. */
  private storedClock: Promise<Hlc> | null = null;
  private loadedClock: Hlc | null = null;
  private persistedClock: string | null = null;

  constructor(
    readonly ctx: RepoContext,
    readonly tx: Transaction,
  ) {}

  /** A table bound to this transaction, for index queries the helpers below do not cover. */
  table<T extends EntityTable>(table: T): ReturnType<typeof bound.entity<T>> {
    return bound.entity(this.tx, table);
  }

  nowIso(): string {
    return toShanghaiIso(this.ctx.now());
  }

  fail(error: RepoError): never {
    throw new RepoAbort(error);
  }

  /** Non-Dexie async work (crypto) inside the transaction, without letting it commit early. */
  crypto<R>(work: Promise<R>): Promise<R> {
    return waitInTransaction(this.tx, work);
  }

  /**
   * A table with nothing sealed (duties, occurrences, aid, staff, sign-offs) needs no crypto: its
   * stored row is its summary, so reads and writes skip the transaction-keeping wait, which
   * costs an IndexedDB round trip each time (a visit that completes an occurrence makes several).
   */
  private decodeRow<T extends EntityTable>(table: T, stored: StoredRow<T>): Promise<EntityRow<T>> | EntityRow<T> {
    if (!isSealedTable(table)) return this.ctx.db.codec.decodeSummary(table, stored) as EntityRow<T>;
    return this.crypto(this.ctx.db.codec.decode(table, stored));
  }

  async get<T extends EntityTable>(table: T, id: string): Promise<EntityRow<T> | undefined> {
    const stored = await this.table(table).get(id);
    return stored === undefined ? undefined : this.decodeRow(table, stored);
  }

  /** The outbox entries of one row not yet pushed (as stored: sealed values still sealed). */
  pendingEdits(table: EntityTable, rowId: string): Promise<OutboxEntry[]> {
    return bound.outbox(this.tx).where('[table+rowId]').equals([table, rowId]).toArray();
  }

  /** Runs an index query on a bound table and decodes the rows. */
  async query<T extends EntityTable>(
    table: T,
    q: (t: ReturnType<typeof bound.entity<T>>) => PromiseLike<StoredRow<T>[]>,
  ): Promise<EntityRow<T>[]> {
    const stored = await q(this.table(table));
    const codec = this.ctx.db.codec;
    if (!isSealedTable(table)) return stored.map((r) => codec.decodeSummary(table, r) as EntityRow<T>);
    return this.crypto(Promise.all(stored.map((r) => codec.decode(table, r))));
  }

  async require<T extends EntityTable>(table: T, id: string): Promise<EntityRow<T>> {
    const row = await this.get(table, id);
    return row ?? this.fail({ code: 'not_found', table, rowId: id });
  }

  /**
   * Validates and writes a whole row. A new row's mutation carries every field; an edit's only
   * the fields that changed, and an edit that changes nothing writes nothing.
   * `issuePath` prefixes validation paths, e.g. ['aid', 2] for the third aid item of a form.
   */
  async put<T extends EntityTable>(table: T, input: EntityInput<T>, issuePath: readonly (string | number)[] = []): Promise<EntityRow<T>> {
    return this.write(table, input, await this.get(table, input.id), issuePath);
  }

  /** Reads, patches and writes a row; `not_found` if it does not exist. */
  async patch<T extends EntityTable>(
    table: T,
    id: string,
    patch: Partial<EntityInput<T>>,
    issuePath: readonly (string | number)[] = [],
  ): Promise<EntityRow<T>> {
    return this.update(table, await this.require(table, id), patch, issuePath);
  }

  /** `patch` of a row this transaction has already read (`get`/`require`): no second read. */
  async update<T extends EntityTable>(
    table: T,
    existing: EntityRow<T>,
    patch: Partial<EntityInput<T>>,
    issuePath: readonly (string | number)[] = [],
  ): Promise<EntityRow<T>> {
    return this.write(table, { ...existing, ...patch, id: existing.id } as EntityInput<T>, existing, issuePath);
  }

  /** `put` of a row whose id was made in this transaction (`ctx.newId`): nothing to read first. */
  async insert<T extends EntityTable>(
    table: T,
    input: EntityInput<T>,
    issuePath: readonly (string | number)[] = [],
  ): Promise<EntityRow<T>> {
    return this.write(table, input, undefined, issuePath);
  }

  /** `put` once the stored row (decoded, or undefined for a new one) has been read. */
  private async write<T extends EntityTable>(
    table: T,
    input: EntityInput<T>,
    existing: EntityRow<T> | undefined,
    issuePath: readonly (string | number)[],
  ): Promise<EntityRow<T>> {
    const { row, unchanged, changed, fields, baseRev } = planRow(table, input, existing, this.nowIso(), issuePath);
    if (unchanged) return row;
    const mutation = await this.mutation(table, input.id, 'upsert', fields, baseRev);
    const codec = this.ctx.db.codec;
    // A sealed table seals the row and its outbox values in ONE transaction-keeping wait (each
    // wait costs an IndexedDB round trip); a table with nothing sealed does no crypto at all.
    const [encoded, entry] = isSealedTable(table)
      ? await this.crypto(Promise.all([codec.encode(table, row), codec.sealOutbox(mutation)]))
      : [await codec.encode(table, row), mutation];
    // Requests queue in order within the transaction: issue them together, wait once.
    await Promise.all([this.table(table).put(encoded), this.append(entry, changed)]);
    return row;
  }

  /**
   * Writes a prepared row (`sealPlanned`) given the row stored now, read in this transaction.
   * If that is still the row it was prepared from, the requests go out at once, with no read and
   * no crypto wait; the clock must be loaded (`loadClock`), so that a caller issuing several
   * gets them in order. Otherwise (an edit came in between) the input is written the ordinary
   * way, against the row stored now: opened, validated and sealed again inside the transaction.
   */
  applyPrepared<T extends EntityTable>(p: PreparedWrite<T>, storedNow: StoredRow<T> | undefined): Promise<EntityRow<T>> {
    if (!sameStoredRow(storedNow, p.basis)) {
      return (async () =>
        this.write(p.table, p.input, storedNow === undefined ? undefined : await this.decodeRow(p.table, storedNow), p.issuePath))();
    }
    if (p.write === null) return Promise.resolve(p.row);
    const entry = { ...p.write.entry, hlc: this.tickHlc() };
    return Promise.all([this.table(p.table).put(p.write.encoded), this.append(entry, p.write.changed)]).then(() => p.row);
  }

  /**
   * `update` (given the row this transaction read) or `insert` (existing undefined) of a table
   * with nothing sealed, its requests issued at once: no read, no crypto, no await before they go
   * out, so writes issued one after another are stored and stamped in that order. The clock must
   * be loaded (`loadClock`). `done` settles when the row, outbox entry and audit line are stored.
   */
  writeClear<T extends ClearTable>(
    table: T,
    input: EntityInput<T>,
    existing: EntityRow<T> | undefined,
    issuePath: readonly (string | number)[] = [],
  ): { row: EntityRow<T>; done: Promise<void> } {
    const { row, unchanged, changed, fields, baseRev } = planRow(table, input, existing, this.nowIso(), issuePath);
    if (unchanged) return { row, done: Promise.resolve() };
    const entry = {
      id: this.ctx.newId(),
      table,
      rowId: input.id,
      op: 'upsert' as const,
      fields,
      baseRev,
      hlc: this.tickHlc(),
      createdAt: this.nowIso(),
    };
    const done = Promise.all([this.table(table).put(this.ctx.db.codec.encodeClear(table, row)), this.append(entry, changed)]).then(
      () => undefined,
    );
    return { row, done };
  }

  async remove(table: EntityTable, id: string): Promise<void> {
    if (table === 'aid') this.fail({ code: 'aid_delete_refused' });
    const existing = await this.require(table, id);
    // A delete carries no fields: nothing to seal.
    const entry = await this.mutation(table, id, 'delete', {}, existing.rev);
    await Promise.all([this.table(table).delete(id), this.append(entry, [])]);
  }

  private async mutation(
    table: EntityTable,
    rowId: string,
    op: 'upsert' | 'delete',
    fields: Record<string, unknown>,
    baseRev: number,
  ): Promise<Omit<OutboxEntry, 'seq'>> {
    const createdAt = this.nowIso();
    const hlc = await this.nextHlc();
    return { id: this.ctx.newId(), table, rowId, op, fields, baseRev, hlc, createdAt };
  }

  /**
   * The outbox entry (already sealed where it must be) and the local audit line naming the
   * changed fields (sealed ones included, though their values are not in `entry.fields`).
   */
  private async append(entry: Omit<OutboxEntry, 'seq'>, fieldNames: readonly string[]): Promise<void> {
    await Promise.all([
      bound.outbox(this.tx).add(entry),
      bound.auditLocal(this.tx).add({
        at: entry.createdAt,
        staffId: this.ctx.actor.staffId,
        staffName: this.ctx.actor.name,
        table: entry.table,
        rowId: entry.rowId,
        op: entry.op,
        fields: [...fieldNames],
      }),
    ]);
  }

  /**
   * One HLC per mutation. The last one is persisted in syncState when the work is done
   * (`finish`, in the same transaction), so it never runs backwards across restarts.
   */
  private async nextHlc(): Promise<string> {
    await this.loadClock();
    // Synchronous from here: writes in flight together each tick the one clock in turn.
    return this.tickHlc();
  }

  /** Reads the stored HLC (once per session); start it early to save a round trip later. */
  async loadClock(): Promise<void> {
    this.storedClock ??= (async () => {
      const [node, stored] = await Promise.all([ensureClientIdInTx(this.tx, this.ctx.newId), syncStateIn(this.tx).get('hlc')]);
      const last = stored === undefined ? null : decodeHlc(stored);
      const start = last === null ? { millis: 0, counter: 0, node } : { ...last, node };
      this.loadedClock = start;
      return start;
    })();
    await this.storedClock;
  }

  private tickHlc(): string {
    const start = this.clock ?? this.loadedClock;
    if (start === null) throw new Error('WriteSession: the HLC is not loaded yet (loadClock)');
    this.clock = tickHlc(start, this.ctx.now().getTime());
    return encodeHlc(this.clock);
  }

  /**
   * Issues the HLC's put now, together with the writes it stamped, rather than one round trip
   * after them in `finish` (which then skips it unless the clock has moved since).
   */
  persistClock(): Promise<void> {
    if (this.clock === null) return Promise.resolve();
    const value = encodeHlc(this.clock);
    this.persistedClock = value;
    return syncStateIn(this.tx).put('hlc', value);
  }

  /** Called by runWrite once the work succeeded, inside its transaction. */
  async finish(): Promise<void> {
    if (this.clock === null) return;
    const value = encodeHlc(this.clock);
    if (value !== this.persistedClock) await syncStateIn(this.tx).put('hlc', value);
  }
}

/** The device's client id (the HLC node and the push `clientId`), created on first use. */
async function ensureClientIdInTx(tx: Transaction, newId: () => string): Promise<string> {
  const syncState = syncStateIn(tx);
  const stored = await syncState.get('clientId');
  if (stored !== undefined) return stored;
  const id = newId();
  await syncState.put('clientId', id);
  return id;
}

export async function ensureClientId(db: YoufuDb, newId: () => string): Promise<string> {
  return db.transaction('rw', db.syncState, (tx) => ensureClientIdInTx(tx, newId));
}

/** Writes several rows of one table: all of them or, if any is invalid, none. */
export async function upsertRows<T extends EntityTable>(
  ctx: RepoContext,
  table: T,
  rows: readonly EntityInput<T>[],
): Promise<RepoResult<EntityRow<T>[]>> {
  return runWrite(ctx, async (s) => {
    const out: EntityRow<T>[] = [];
    for (const [i, row] of rows.entries()) out.push(await s.put(table, row, [i]));
    return out;
  });
}

export async function upsertRow<T extends EntityTable>(ctx: RepoContext, table: T, row: EntityInput<T>): Promise<RepoResult<EntityRow<T>>> {
  return runWrite(ctx, (s) => s.put(table, row));
}

/** Deletes a row (a tombstone for the server). Aid is never deleted: voidAid instead. */
export async function deleteRow(ctx: RepoContext, table: EntityTable, id: string): Promise<RepoResult<void>> {
  return runWrite(ctx, (s) => s.remove(table, id));
}

/** Pending mutations as they go to the server: the sealed values of each entry opened. */
export async function openOutboxEntries(db: YoufuDb, entries: readonly OutboxEntry[]): Promise<OutboxEntry[]> {
  return Promise.all(entries.map((e) => db.codec.openOutbox(e)));
}

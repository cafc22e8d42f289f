import type { EntityTable } from '../../shared/domain/schemas';
import { entitySchemas } from '../../shared/domain/schemas';
import { getStation } from '../../shared/stations/tree';
import type { FieldVersions } from '../../shared/sync/merge';
import { mergeMutation } from '../../shared/sync/merge';
import type { Mutation, MutationResult, RejectReason } from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';
import { describeZodError } from '../errors';
import { inScope } from '../scope';
import type { Session } from '../auth/tokens';
import { recordConflicts } from '../conflicts/conflictStore';
import { invalidField, unstorableField } from './fieldChecks';
import { checkParents } from './parentLinks';
import type { SeqAllocator, StoredRow } from './rowStore';
import type { AuditInfo } from './rowStore';
import { loadChildrenForUpdate, loadRowForUpdate, writeRow } from './rowStore';

export interface ApplyContext {
  tx: Queryable;
  session: Session;
  scopes: readonly string[];
  clientId: string;
  seqs: SeqAllocator;
  now: Date;
}

/** The server owns these: the row's id is its key, rev and updatedAt are stamped on write. */
const SERVER_FIELDS = new Set(['id', 'rev', 'updatedAt']);
/** Staff rows are the roster; only those who manage a roster may change it. */
const ROSTER_ROLES = new Set(['city_admin', 'district_supervisor']);
/** A sign-off's signer and time are the server's: the session that pushed it, when it arrived. */
const SIGNOFF_STAMPS = new Set(['signedBy', 'signedByName', 'signedAt']);
/** A sign-off answers for the review of a district, or of the city. */
const SIGNOFF_LEVELS = new Set(['district', 'city']);

function rejected(m: Mutation, reason: RejectReason, detail?: string): MutationResult {
  return detail === undefined ? { id: m.id, status: 'rejected', reason } : { id: m.id, status: 'rejected', reason, detail };
}

function stationOf(data: Record<string, unknown>): string | null {
  return typeof data.stationCode === 'string' ? data.stationCode : null;
}

/**
 * Applies one mutation inside the push transaction. Scope is judged on the row as the SERVER
 * holds it, never on what the client claims: an existing row must be in the caller's scope;
 * a new row must be created inside it. A row may be moved to any real station (a hand-over:
 * it then leaves the caller's scope). Unknown and out-of-scope ids answer alike.
 */
export async function applyMutation(ctx: ApplyContext, m: Mutation): Promise<MutationResult> {
  const table = m.table as EntityTable;
  if (table === 'staff' && !ROSTER_ROLES.has(ctx.session.account.role)) return rejected(m, 'forbidden_role');
  // The weekly sign-off is the district's (or the city's) answer for its review.
  if (table === 'signoffs' && !ROSTER_ROLES.has(ctx.session.account.role)) return rejected(m, 'forbidden_role');

  // NUL or a lone surrogate would fail the whole batch in PostgreSQL: refuse this mutation alone.
  const unstorable = unstorableField(m.fields);
  if (unstorable !== null) return rejected(m, 'validation_failed', unstorable);

  const existing = await loadRowForUpdate(ctx.tx, table, m.rowId);
  if (existing && !inScope(existing.stationCode, ctx.scopes)) return rejected(m, 'forbidden_scope');
  if (!existing && (m.op === 'delete' || m.baseRev > 0)) return rejected(m, 'forbidden_scope');

  if (m.op === 'delete') return applyDelete(ctx, m, existing!);
  if (existing?.deleted) return rejected(m, 'row_deleted');
  return applyUpsert(ctx, m, table, existing);
}

async function applyDelete(ctx: ApplyContext, m: Mutation, row: StoredRow): Promise<MutationResult> {
  // Aid is money handed out: a wrong entry is voided with a reason, never erased.
  if (row.table === 'aid') return rejected(m, 'aid_not_deletable');
  if (row.table === 'attachments') return rejected(m, 'attachment_not_deletable');
  if (row.deleted) return { id: m.id, status: 'applied', rev: row.rev };
  const rev = row.rev + 1;
  // The tombstone keeps the last data: the audit trail and conflict review still need it.
  await writeRow(ctx.tx, ctx.seqs, { ...row, oldStationCode: null, rev, deleted: true }, ctx.now, audit(ctx, m, 'delete', []));
  return { id: m.id, status: row.rev > m.baseRev ? 'merged' : 'applied', rev };
}

async function applyUpsert(ctx: ApplyContext, m: Mutation, table: EntityTable, existing: StoredRow | null): Promise<MutationResult> {
  if (m.fields.id !== undefined && m.fields.id !== m.rowId) return rejected(m, 'validation_failed', 'id: differs from rowId');
  const fields = Object.fromEntries(
    Object.entries(m.fields).filter(([k]) => !SERVER_FIELDS.has(k) && !(table === 'signoffs' && SIGNOFF_STAMPS.has(k))),
  );
  // Every pushed value passes its field's schema, winner or loser: a loser goes to the conflict log.
  const invalid = invalidField(table, fields);
  if (invalid !== null) return rejected(m, 'validation_failed', invalid);
  const rev = (existing?.rev ?? 0) + 1;
  const merged = mergeMutation(existing, { fields, baseRev: m.baseRev, hlc: m.hlc, clientId: ctx.clientId }, rev);
  const status = merged.concurrent || merged.conflicts.length > 0 ? 'merged' : 'applied';
  // Nothing to store, unless a conflict was lost: then the client must be sent the server's row.
  if (existing && merged.changedFields.length === 0 && merged.conflicts.length === 0) {
    return { id: m.id, status, rev: existing.rev };
  }

  const data: Record<string, unknown> = { ...merged.data, id: m.rowId, rev, updatedAt: ctx.now.toISOString() };
  const fieldVersions: FieldVersions = merged.fieldVersions;
  const changed = new Set(merged.changedFields);
  const serverWrite = (field: string, value: unknown) => {
    data[field] = value;
    fieldVersions[field] = { rev, hlc: m.hlc, client: ctx.clientId };
    changed.add(field);
  };
  const claimedStation = stationOf(data);
  if (!existing && (claimedStation === null || !inScope(claimedStation, ctx.scopes))) return rejected(m, 'forbidden_scope');

  // Scope is judged on the parent as the server holds it: a visit, aid entry, duty … may only
  // be created for, or re-pointed at, a recipient (occurrence, visit) in the caller's scope.
  const parents = await checkParents(ctx.tx, table, data, existing ? changed : 'all', ctx.scopes);
  if (!parents.ok) return rejected(m, parents.reason, parents.detail);
  // A recipient's case file lives at the recipient's station; a visit logged offline for a
  // recipient who has meanwhile moved (within the caller's scope) follows them.
  if (parents.home !== null && parents.home !== claimedStation) serverWrite('stationCode', parents.home);

  if (table === 'signoffs') {
    const signoffStation = stationOf(data);
    if (!existing || changed.has('stationCode')) {
      if (signoffStation !== ctx.session.account.stationCode) return rejected(m, 'forbidden_scope', 'stationCode: signoff_not_own_station');
      if (!SIGNOFF_LEVELS.has(getStation(signoffStation)?.level ?? ''))
        return rejected(m, 'validation_failed', 'stationCode: signoff_station_level');
    }
    serverWrite('signedBy', ctx.session.account.id);
    serverWrite('signedByName', ctx.session.account.name);
    serverWrite('signedAt', ctx.now.toISOString());
  }

  const parsed = entitySchemas[table].safeParse(data);
  if (!parsed.success) return rejected(m, 'validation_failed', describeZodError(parsed.error));
  const row = parsed.data as Record<string, unknown>;
  const stationCode = stationOf(row)!;
  if (!getStation(stationCode)) return rejected(m, 'validation_failed', 'stationCode: station_unknown');
  const keptVersions = Object.fromEntries(Object.entries(fieldVersions).filter(([k]) => Object.hasOwn(row, k)));

  const oldStation = existing && existing.stationCode !== stationCode ? existing.stationCode : null;
  await writeRow(
    ctx.tx,
    ctx.seqs,
    {
      table,
      rowId: m.rowId,
      stationCode,
      oldStationCode: oldStation,
      rev,
      data: row,
      fieldVersions: keptVersions,
      deleted: false,
    },
    ctx.now,
    audit(ctx, m, 'upsert', [...changed].filter((k) => Object.hasOwn(row, k)).sort()),
  );
  await recordConflicts(
    ctx.tx,
    merged.conflicts.map((c) => ({
      table,
      rowId: m.rowId,
      stationCode,
      field: c.field,
      winnerValue: c.winnerValue,
      loserValue: c.loserValue,
      winnerHlc: c.winnerHlc,
      loserHlc: c.loserHlc,
      winner: c.winner,
      clientId: ctx.clientId,
      accountId: ctx.session.account.id,
      mutationId: m.id,
    })),
    ctx.now,
  );
  if (table === 'recipients' && oldStation !== null) await moveCaseFile(ctx, m, stationCode);

  const result: MutationResult = { id: m.id, status, rev };
  if (merged.conflicts.length > 0) {
    result.conflicts = merged.conflicts.map((c) => ({
      field: c.field,
      winner: c.winner,
      winnerValue: c.winnerValue,
      loserValue: c.loserValue,
    }));
  }
  return result;
}

/**
 * Moves everything recorded about a recipient (visits, aid, duties, occurrences, requests) to
 * the recipient's new station in the same transaction: the new station needs the history to
 * carry on the care, and the old station's devices must drop it (each child gets a change
 * with old_station_code, which its old scope pulls as a removal).
 */
async function moveCaseFile(ctx: ApplyContext, m: Mutation, stationCode: string): Promise<void> {
  for (const child of await loadChildrenForUpdate(ctx.tx, m.rowId)) {
    if (child.stationCode === stationCode) continue;
    const rev = child.rev + 1;
    const data = { ...child.data, stationCode, rev, updatedAt: ctx.now.toISOString() };
    const fieldVersions = { ...child.fieldVersions, stationCode: { rev, hlc: m.hlc, client: ctx.clientId } };
    await writeRow(
      ctx.tx,
      ctx.seqs,
      {
        ...child,
        stationCode,
        oldStationCode: child.stationCode,
        rev,
        data,
        fieldVersions,
      },
      ctx.now,
      audit(ctx, m, 'follow', ['stationCode']),
    );
  }
}

function audit(ctx: ApplyContext, m: Mutation, op: string, fields: string[]): AuditInfo {
  return { accountId: ctx.session.account.id, deviceId: ctx.session.deviceId, clientId: ctx.clientId, mutationId: m.id, op, fields };
}

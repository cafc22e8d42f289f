import type { EntityTable } from '../../shared/domain/schemas';
import type { Queryable, SqlParam } from '../db/db';
import { inScope } from '../scope';

/**
 * The fields of each synced table that point at another synced row (see shared/domain/schemas).
 * `recipientId` is the case file's owner: the row lives at its recipient's station. The
 * others link records of one case file together (the occurrence a visit fulfils, the visit an
 * aid entry was handed out on). Staff ids (staffIds, assigneeId, dedicatedStaffId, signedBy)
 * name people on the roster, not rows of a case file, and give no write access to anything.
 */
/** A link to a row of one table, or (attachments) of the table another field of the row names. */
interface ParentLink {
  field: string;
  table: EntityTable | { from: string };
}

export const PARENT_LINKS: Readonly<Partial<Record<EntityTable, readonly ParentLink[]>>> = {
  visits: [
    { field: 'recipientId', table: 'recipients' },
    { field: 'dutyOccurrenceId', table: 'dutyOccurrences' },
  ],
  aid: [
    { field: 'recipientId', table: 'recipients' },
    { field: 'visitId', table: 'visits' },
  ],
  duties: [{ field: 'recipientId', table: 'recipients' }],
  dutyOccurrences: [
    { field: 'recipientId', table: 'recipients' },
    { field: 'dutyId', table: 'duties' },
    { field: 'visitId', table: 'visits' },
  ],
  requests: [
    { field: 'recipientId', table: 'recipients' },
    { field: 'visitId', table: 'visits' },
  ],
  // An attachment's owner (a visit, an aid line, a request, the profile) is of its recipient.
  attachments: [
    { field: 'recipientId', table: 'recipients' },
    { field: 'ownerId', table: { from: 'ownerTable' } },
  ],
};

function linkTable(link: ParentLink, data: Readonly<Record<string, unknown>>): string | null {
  if (typeof link.table === 'string') return link.table;
  const named = data[link.table.from];
  return typeof named === 'string' ? named : null;
}

interface ParentRecord {
  table_name: string;
  row_id: string;
  station_code: string;
  recipient_id: string | null;
}

export type ParentCheck =
  | { ok: true; /** The recipient's current station, when the row has a recipient the server knows. */ home: string | null }
  | { ok: false; reason: 'forbidden_scope' | 'validation_failed'; detail: string };

/**
 * Judges the parents of a row about to be written, on the server's rows (inside the push
 * transaction, so a recipient created earlier in the same batch is there):
 * - a link set on a new row, or changed on an existing one, must point at a row the server
 *   has and whose CURRENT station is in the caller's scope; otherwise `forbidden_scope`,
 *   whether the parent is elsewhere or unknown (ids outside a scope reveal nothing);
 * - a duty occurrence belongs to its duty's recipient (judged when either link changes).
 * A link the mutation did not touch is not judged again: it was judged when it was set, and
 * a recipient's move takes its case file along.
 * One query, whatever the number of links.
 */
export async function checkParents(
  tx: Queryable,
  table: EntityTable,
  data: Readonly<Record<string, unknown>>,
  touched: ReadonlySet<string> | 'all',
  scopes: readonly string[],
): Promise<ParentCheck> {
  const links = (PARENT_LINKS[table] ?? [])
    .filter((l) => typeof data[l.field] === 'string')
    .map((l) => ({ field: l.field, table: linkTable(l, data), fromField: typeof l.table === 'string' ? null : l.table.from }));
  const unnamed = links.find((l) => l.table === null);
  if (unnamed) return { ok: false, reason: 'validation_failed', detail: `${unnamed.fromField ?? unnamed.field}: table_required` };
  if (links.length === 0) return { ok: true, home: null };
  const params: SqlParam[] = [];
  const pairs = links.map((l) => {
    params.push(l.table, data[l.field] as string);
    return `($${params.length - 1}, $${params.length})`;
  });
  const found = await tx.query<ParentRecord>(
    `SELECT table_name, row_id, station_code, data ->> 'recipientId' AS recipient_id FROM rows
     WHERE (table_name, row_id) IN (${pairs.join(', ')})`,
    params,
  );
  const byKey = new Map(found.map((r) => [`${r.table_name}/${r.row_id}`, r]));
  let home: string | null = null;
  for (const l of links) {
    const parent = byKey.get(`${l.table}/${data[l.field] as string}`);
    if (l.field === 'recipientId' && parent) home = parent.station_code;
    const judged = touched === 'all' || touched.has(l.field) || (l.fromField !== null && touched.has(l.fromField));
    if (judged && (!parent || !inScope(parent.station_code, scopes)))
      return { ok: false, reason: 'forbidden_scope', detail: `${l.field}: parent_out_of_scope` };
    const recipientJudged = judged || touched.has('recipientId');
    if (l.table === 'duties' && parent && recipientJudged && parent.recipient_id !== data.recipientId) {
      return { ok: false, reason: 'validation_failed', detail: `${l.field}: duty_recipient_mismatch` };
    }
    if (
      table === 'attachments' &&
      l.field === 'ownerId' &&
      parent &&
      recipientJudged &&
      (parent.recipient_id ?? parent.row_id) !== data.recipientId
    ) {
      return { ok: false, reason: 'validation_failed', detail: 'ownerId: attachment_recipient_mismatch' };
    }
  }
  return { ok: true, home };
}

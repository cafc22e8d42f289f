import { outboxFieldNames } from '../../db/atRest/outboxSeal';
import type { EntityTable } from '../../../shared/domain/schemas';
import type { ConflictEntry } from '../../../shared/sync/conflictsApi';
import { type EntityInput, type RepoContext, type RepoError, runWrite } from '../../db/repository';
import { jsonEqual } from '../../../shared/jsonEqual';
import { isEntityTable } from './conflictView';

export type RestoreOutcome =
  /** The loser's value is written locally with its outbox entry: it syncs like any edit. */
  | { kind: 'written' }
  /** This device already holds the value and an unsynced edit of the field (an earlier restore). */
  | { kind: 'pending' }
  /** This device does not hold the row (deleted, moved away, or not synced yet). */
  | { kind: 'missing' }
  /** The local row already shows the loser's value with nothing to send: sync first. */
  | { kind: 'unchanged' }
  | { kind: 'failed'; error: RepoError };

/**
 * Writes the losing value back into the local row through the repository (validation, outbox,
 * local audit in one transaction), so the server receives it as an ordinary synced edit.
 */
export async function restoreLoserValue(
  ctx: RepoContext,
  c: Pick<ConflictEntry, 'table' | 'rowId' | 'field' | 'loserValue'>,
): Promise<RestoreOutcome> {
  const table = c.table;
  if (!isEntityTable(table)) return { kind: 'failed', error: { code: 'write_failed', message: `unknown table ${table}` } };
  const result = await runWrite(ctx, async (s): Promise<RestoreOutcome> => {
    const existing = await s.get(table, c.rowId);
    if (existing === undefined) return { kind: 'missing' };
    if (jsonEqual((existing as Record<string, unknown>)[c.field], c.loserValue)) {
      const pending = await s.pendingEdits(table, c.rowId);
      const hasEdit = pending.some((e) => e.op === 'upsert' && outboxFieldNames(e).includes(c.field));
      return { kind: hasEdit ? 'pending' : 'unchanged' };
    }
    const patch = { [c.field]: c.loserValue } as Partial<EntityInput<EntityTable>>;
    await s.patch(table, c.rowId, patch);
    return { kind: 'written' };
  });
  return result.ok ? result.value : { kind: 'failed', error: result.error };
}

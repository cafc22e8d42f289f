import { type ImportPlan, WRITE_ORDER, planImport } from '../../../shared/ledger/plan';
import type { ParsedLedger } from '../../../shared/ledger/tables';
import type { YoufuDb } from '../../db/handle';
import { loadLocalLedgerData } from '../../db/queries/ledger';
import { type EntityInput, type RepoContext, type RepoResult, runWrite } from '../../db/repository';

/**
 * The ledger against the local database: the rows of a scope for an export
 * (renderer/db/queries/ledger.ts), and an import plan written through the repositories' write
 * session in ONE transaction (each row with its outbox entry, so the import syncs, and its local
 * audit entry). All or nothing.
 */
export { loadLocalLedgerData } from '../../db/queries/ledger';

export interface LocalImportOptions {
  scope: string;
  actorStaffId: string;
  now: Date;
}

/** Plans an import against everything in the local database (it holds the user's scope only). */
export async function planLocalImport(db: YoufuDb, parsed: ParsedLedger, options: LocalImportOptions): Promise<ImportPlan> {
  const existing = await loadLocalLedgerData(db, '');
  return planImport(parsed, existing, options);
}

/** Writes every create and update of the plan in one transaction; returns the number of rows written. */
export async function writeLocalImport(ctx: RepoContext, plan: ImportPlan): Promise<RepoResult<number>> {
  return runWrite(ctx, async (s) => {
    let written = 0;
    for (const table of WRITE_ORDER) {
      const t = plan.tables[table];
      const rows = [...t.create, ...t.update.map((u) => u.after)] as EntityInput<typeof table>[];
      for (const row of rows) {
        await s.put(table, row);
        written++;
      }
    }
    return written;
  });
}

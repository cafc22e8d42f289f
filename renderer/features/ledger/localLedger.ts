import type { EntityTable } from '../../../shared/domain/schemas';
import { type ImportPlan, WRITE_ORDER, planImport } from '../../../shared/ledger/plan';
import type { LedgerData, ParsedLedger } from '../../../shared/ledger/tables';
import { isInScope } from '../../../shared/stations/tree';
import type { YoufuDb } from '../../db/database';
import { type EntityInput, type RepoContext, type RepoResult, runWrite } from '../../db/repository';

/**
 * The ledger against the local database: the rows of a scope for an export, and an import plan
 * written through the repositories' write session in ONE transaction (each row with its outbox
 * entry, so the import syncs, and its local audit entry). All or nothing.
 */
const LEDGER_TABLES = ['recipients', 'visits', 'aid', 'duties', 'dutyOccurrences', 'requests'] as const satisfies readonly EntityTable[];

export async function loadLocalLedgerData(db: YoufuDb, scope: string): Promise<LedgerData> {
  const decodeAll = async <T extends EntityTable>(table: T, prefix: string | null) => {
    const stored = await db.table(table).toArray() as Parameters<typeof db.codec.decode<T>>[1][];
    const inScope = prefix === null ? stored : stored.filter((r) => isInScope((r as { stationCode: string }).stationCode, prefix));
    return Promise.all(inScope.map((r) => db.codec.decode(table, r)));
  };
  const [staff, recipients, visits, aid, duties, dutyOccurrences, requests] = await Promise.all([
    decodeAll('staff', null),
    ...LEDGER_TABLES.map((t) => decodeAll(t, scope)),
  ]);
  return { staff, recipients, visits, aid, duties, dutyOccurrences, requests } as LedgerData;
}

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

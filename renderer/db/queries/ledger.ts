import type { EntityTable } from '../../../shared/domain/schemas';
import type { LedgerData } from '../../../shared/ledger/tables';
import { isInScope } from '../../../shared/stations/tree';
import type { StoredRow } from '../codec';
import type { YoufuDb } from '../database';

/** The ledger's reads: every row of a scope, opened, for an export or to plan an import against. */
const LEDGER_TABLES = ['recipients', 'visits', 'aid', 'duties', 'dutyOccurrences', 'requests'] as const satisfies readonly EntityTable[];

export async function loadLocalLedgerData(db: YoufuDb, scope: string): Promise<LedgerData> {
  const decodeAll = async <T extends EntityTable>(table: T, prefix: string | null) => {
    const stored = await db.table<StoredRow<T>>(table).toArray();
    const inScope = prefix === null ? stored : stored.filter((r) => isInScope((r as { stationCode: string }).stationCode, prefix));
    return Promise.all(inScope.map((r) => db.codec.decode(table, r)));
  };
  const [[staff, recipients, visits, aid, duties, dutyOccurrences, requests], attachments] = await Promise.all([
    Promise.all([decodeAll('staff', null), ...LEDGER_TABLES.map((t) => decodeAll(t, scope))]),
    // The evidence counts read clear fields only: nothing to decrypt.
    db.attachments.where('stationCode').startsWith(scope).toArray(),
  ]);
  return { staff, recipients, visits, aid, duties, dutyOccurrences, requests, attachments } as LedgerData;
}

import type { DuplicateIdsResponse } from '../../shared/review/api';
import { maskIdNumber } from '../../shared/validation/idNumber';
import type { Queryable, SqlParam } from '../db/db';
import { inScope, scopeCondition } from '../scope';

/**
 * The same ID number registered at two or more stations, where at least one of them is in the
 * caller's scope. Records outside the scope are told by their station only.
 */
export async function duplicateIdsQuery(db: Queryable, scopes: readonly string[]): Promise<DuplicateIdsResponse> {
  const params: SqlParam[] = [];
  const rows = await db.query<{ id_number: string; row_id: string; station_code: string; name: string }>(
    `SELECT r.data ->> 'idNumber' AS id_number, r.row_id, r.station_code, r.data ->> 'name' AS name
     FROM rows r
     WHERE r.table_name = 'recipients' AND NOT r.deleted AND r.data ->> 'idNumber' IN (
       SELECT data ->> 'idNumber' FROM rows
       WHERE table_name = 'recipients' AND NOT deleted
       GROUP BY 1
       HAVING count(DISTINCT station_code) > 1 AND bool_or(${scopeCondition('station_code', scopes, params)})
     )
     ORDER BY 1, 3, 2`,
    params,
  );
  const groups = new Map<string, DuplicateIdsResponse['duplicates'][number]>();
  for (const r of rows) {
    const g = groups.get(r.id_number) ?? { idNumberMasked: maskIdNumber(r.id_number), records: [] };
    const visible = inScope(r.station_code, scopes);
    g.records.push({ recipientId: visible ? r.row_id : null, name: visible ? r.name : null, stationCode: r.station_code });
    groups.set(r.id_number, g);
  }
  return { duplicates: [...groups.values()] };
}

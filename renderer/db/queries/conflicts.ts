import { ENTITY_TABLES, type EntityTable } from '../../../shared/domain/schemas';
import { bound, type YoufuDb } from '../database';

/** The conflicts panel's reads: the local rows the server's conflicts name. */

function isEntityTable(table: string): table is EntityTable {
  return (ENTITY_TABLES as readonly string[]).includes(table);
}

/** The row as this device holds it (decoded), or undefined; for the record link and the check. */
export async function readLocalRow(db: YoufuDb, table: string, rowId: string): Promise<Record<string, unknown> | undefined> {
  if (!isEntityTable(table)) return undefined;
  const stored = await db.transaction('r', table, (tx) => bound.entity(tx, table).get(rowId));
  // Opened after the read transaction: WebCrypto must not run inside one.
  return stored === undefined ? undefined : db.codec.decode(table, stored);
}

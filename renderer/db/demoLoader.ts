import { type EntityRow, type EntityTable, ENTITY_TABLES, type Station, entitySchemas, stationSchema } from '../../shared/domain/schemas';
import type { YoufuDb } from './database';
import { type ValidationIssue, zodIssues } from './rowValidation';

/** One NDJSON line of the demo generator (`shared/demo`), or any server-shaped row. */
export interface LoaderRow {
  table: string;
  row: unknown;
}

export interface LoadProgress {
  rowsRead: number;
  rowsWritten: number;
  byTable: Record<string, number>;
  /** Rows of an unknown table or failing the schema; the first few are kept with their issues. */
  skipped: number;
  skippedSamples: { table: string; issues: ValidationIssue[] }[];
}

export interface LoadOptions {
  batchSize?: number;
  onProgress?: (p: LoadProgress) => void;
  /** Validate each row with its zod schema (default true). Off only for trusted bulk data. */
  validate?: boolean;
}

type LoadTable = EntityTable | 'stations';
const LOAD_TABLES: readonly string[] = ['stations', ...ENTITY_TABLES];
const MAX_SKIPPED_SAMPLES = 20;

/**
 * Bulk-loads demo or generator rows through the codec (sensitive fields sealed), in batches of `bulkPut`, WITHOUT outbox
 * or audit entries: these rows are server data, not local edits. Reading the source (which
 * may be a file stream) happens between transactions, never inside one.
 */
export async function loadNdjsonRows(
  db: YoufuDb,
  rows: AsyncIterable<LoaderRow> | Iterable<LoaderRow>,
  options: LoadOptions = {},
): Promise<LoadProgress> {
  const batchSize = options.batchSize ?? 2000;
  const validate = options.validate ?? true;
  const progress: LoadProgress = { rowsRead: 0, rowsWritten: 0, byTable: {}, skipped: 0, skippedSamples: [] };
  const buffers = new Map<LoadTable, unknown[]>();

  const skip = (table: string, issues: ValidationIssue[]): void => {
    progress.skipped++;
    if (progress.skippedSamples.length < MAX_SKIPPED_SAMPLES) progress.skippedSamples.push({ table, issues });
  };

  const flush = async (table: LoadTable): Promise<void> => {
    const buffer = buffers.get(table);
    if (!buffer || buffer.length === 0) return;
    buffers.set(table, []);
    // Sealed in parallel before the transaction: crypto must not be awaited inside one.
    const encoded =
      table === 'stations'
        ? (buffer as Station[]).map((s) => db.codec.encodeStation(s))
        : await db.codec.encodeMany(table, buffer as EntityRow<EntityTable>[]);
    await db.transaction('rw', table, (tx) => tx.table(table).bulkPut(encoded));
    progress.rowsWritten += buffer.length;
    progress.byTable[table] = (progress.byTable[table] ?? 0) + buffer.length;
    options.onProgress?.({ ...progress, byTable: { ...progress.byTable } });
  };

  for await (const item of rows) {
    progress.rowsRead++;
    if (!LOAD_TABLES.includes(item.table)) {
      skip(item.table, [{ path: ['table'], code: 'table_unknown' }]);
      continue;
    }
    const table = item.table as LoadTable;
    let row: unknown = item.row;
    if (validate) {
      const schema = table === 'stations' ? stationSchema : entitySchemas[table];
      const parsed = schema.safeParse(item.row);
      if (!parsed.success) {
        skip(table, zodIssues(parsed.error));
        continue;
      }
      row = parsed.data;
    }
    const buffer = buffers.get(table) ?? [];
    buffer.push(row);
    buffers.set(table, buffer);
    if (buffer.length >= batchSize) await flush(table);
  }
  for (const table of buffers.keys()) await flush(table);
  return progress;
}

/**
 * Splits an NDJSON byte stream (a File's `stream()`, a fetch body) into `{table,row}` objects.
 * Blank lines are ignored; a malformed line throws with its line number.
 */
export async function* ndjsonRows(stream: ReadableStream<Uint8Array>): AsyncGenerator<LoaderRow> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let rest = '';
  let lineNo = 0;
  const parse = (line: string): LoaderRow | null => {
    lineNo++;
    if (line.trim() === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`NDJSON line ${lineNo} is not valid JSON`);
    }
    if (typeof value !== 'object' || value === null || typeof (value as { table?: unknown }).table !== 'string') {
      throw new Error(`NDJSON line ${lineNo} is not a {table,row} object`);
    }
    return value as LoaderRow;
  };
  for (;;) {
    const { done, value } = await reader.read();
    rest += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = rest.split('\n');
    rest = done ? '' : (lines.pop() ?? '');
    for (const line of lines) {
      const parsed = parse(line);
      if (parsed) yield parsed;
    }
    if (done) return;
  }
}

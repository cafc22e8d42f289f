import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TODAY, generateDemoRows } from '../shared/demo';
import { entitySchemas } from '../shared/domain/schemas';
import { openServerDb } from '../server/db/openDb';
import { claimForDemo, type EntityDemoRow, loadDemo, writeDemoBatch } from '../server/demo/loadDemo';

/**
 * The server-side data set of the sync benchmarks, generated once per spec into a cached
 * PGlite data directory (`data/bench/<key>/pristine`, git-ignored through `data/`). Loading
 * a district takes minutes on a small machine; every later run copies the pristine folder to
 * `data/bench/<key>/run` and serves the copy, so what one run pushes never leaks into the
 * next run's bootstrap.
 */
export interface BenchDataSpec {
  recipients: number;
  seed: number;
  /** Station prefix of every generated recipient: the supervisor's district pulls them all. */
  scopePrefix: string;
  /** Months of history (shared/demo generator option); null: the generator's full five years. */
  historyMonths: number | null;
}

export interface BenchDataManifest {
  spec: BenchDataSpec;
  /** Rows per table as loaded (stations are not synced rows). */
  rows: Record<string, number>;
  totalRows: number;
  loadMs: number;
  loadedAt: string;
}

/** Bump when the loader or the generator changes what a cached folder holds. */
const LOADER_VERSION = 1;
const BATCH = 2000;
const MANIFEST = 'manifest.json';

export function benchDataKey(spec: BenchDataSpec): string {
  const history = spec.historyMonths === null ? 'full' : `${spec.historyMonths}mo`;
  return `v${LOADER_VERSION}-${spec.recipients}r-${history}-s${spec.seed}-${spec.scopePrefix}`;
}

export function benchDataDir(spec: BenchDataSpec, root = 'data/bench'): string {
  return join(root, benchDataKey(spec));
}

/**
 * loadDemo() only takes the generator's default history, hence this loader; it marks the empty
 * database as a demo one first, then calls loadDemo on the filled database, which skips the rows
 * and only creates the demo accounts (loadDemo refuses a database that is not marked).
 */
async function load(dir: string, spec: BenchDataSpec, log: (s: string) => void): Promise<BenchDataManifest> {
  return loadInto({ databaseUrl: null, dataDir: dir }, spec, log);
}

/** Generates `spec` into the server database `target` (PGlite folder or PostgreSQL URL). */
export async function loadInto(
  target: { databaseUrl: string | null; dataDir: string },
  spec: BenchDataSpec,
  log: (s: string) => void,
): Promise<BenchDataManifest> {
  const t0 = performance.now();
  const db = await openServerDb(target);
  const rows: Record<string, number> = {};
  let total = 0;
  try {
    const now = new Date();
    await db.transaction((tx) => claimForDemo(tx, { bench: benchDataKey(spec) }, now));
    let batch: EntityDemoRow[] = [];
    const gen = generateDemoRows({
      recipients: spec.recipients,
      seed: spec.seed,
      today: DEMO_TODAY,
      scopePrefix: spec.scopePrefix,
      ...(spec.historyMonths === null ? {} : { historyMonths: spec.historyMonths }),
    });
    for (const r of gen) {
      if (r.table === 'stations') continue;
      const parsed = entitySchemas[r.table].safeParse(r.row);
      if (!parsed.success) throw new Error(`bench row ${r.table}/${r.row.id} is invalid: ${parsed.error.message}`);
      batch.push(r);
      rows[r.table] = (rows[r.table] ?? 0) + 1;
      if (batch.length >= BATCH) {
        await writeDemoBatch(db, batch, now);
        total += batch.length;
        batch = [];
        if (total % 100_000 < BATCH) log(`  loaded ${total} rows (${Math.round((performance.now() - t0) / 1000)} s)`);
      }
    }
    if (batch.length > 0) await writeDemoBatch(db, batch, now);
    total += batch.length;
    await loadDemo(db, { recipients: spec.recipients, seed: spec.seed, today: DEMO_TODAY }, now);
    // Fresh statistics, as a long-running server would have them after autovacuum.
    await db.exec('VACUUM ANALYZE');
  } finally {
    await db.close();
  }
  return { spec, rows, totalRows: total, loadMs: Math.round(performance.now() - t0), loadedAt: new Date().toISOString() };
}

/**
 * Makes sure the pristine folder for `spec` exists (loading it on first use), then copies it
 * to a fresh working folder; returns the working folder and what it holds.
 */
export async function prepareBenchData(
  spec: BenchDataSpec,
  log: (s: string) => void,
  root = 'data/bench',
): Promise<{ dataDir: string; manifest: BenchDataManifest; cached: boolean }> {
  const base = benchDataDir(spec, root);
  const pristine = join(base, 'pristine');
  const manifestPath = join(base, MANIFEST);
  let cached = existsSync(manifestPath);
  if (!cached) {
    // A folder without a manifest is a load that did not finish: start over.
    rmSync(base, { recursive: true, force: true });
    log(`bench data: generating and loading ${spec.recipients} recipients into ${pristine} (first run only)…`);
    const manifest = await load(pristine, spec, log);
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    log(`bench data: ${manifest.totalRows} rows loaded in ${Math.round(manifest.loadMs / 1000)} s`);
  } else {
    cached = true;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BenchDataManifest;
  const dataDir = join(base, 'run');
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(pristine, dataDir, { recursive: true });
  return { dataDir, manifest, cached };
}

/**
 * Writes the demo data set as NDJSON, one `{"table":…,"row":{…}}` per line:
 *
 *   npm run seed -- --recipients 2000 --seed 7 --out demo.ndjson [--today 2026-11-28] [--scope 440304]
 *
 * The same arguments always give the same bytes (see shared/demo). `--today` is the day the
 * data depicts; it defaults to DEMO_TODAY, never the wall clock.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_TABLES, DEMO_TODAY, type DemoOptions, type DemoTable, generateDemoRows } from '../shared/demo';
import { demoRowToLine } from '../shared/demo/ndjson';

export interface SeedSummary {
  counts: Record<DemoTable, number>;
  bytes: number;
  elapsedMs: number;
}

/**
 * Lines are encoded straight into 1 MiB buffers and written a buffer at a time: one write per
 * line, or joining strings first, costs more than generating the rows.
 */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams the demo rows to `outPath`, waiting for 'drain' whenever the stream's buffer is
 * full, so memory stays flat however many rows there are. Reused by the server's demo loader.
 */
export async function writeDemoNdjson(opts: DemoOptions, outPath: string): Promise<SeedSummary> {
  const started = performance.now();
  const counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  // Kept in an object: TypeScript does not see a closure assigning a plain local.
  const state: { failure: Error | null } = { failure: null };
  out.on('error', (e) => {
    state.failure = e;
  });
  let lines: string[] = [];
  let used = 0;
  const flush = async (): Promise<void> => {
    if (state.failure) throw state.failure;
    const ok = out.write(lines.join(''));
    lines = [];
    used = 0;
    if (!ok) await once(out, 'drain');
  };
  try {
    for (const r of generateDemoRows(opts)) {
      counts[r.table] += 1;
      const line = demoRowToLine(r);
      // UTF-8 takes at most 3 bytes per UTF-16 code unit, plus the newline.
      lines.push(line + '\n');
      used += line.length;
      if (used > CHUNK_BYTES / 4) await flush();
    }
    if (used > 0) await flush();
    out.end();
    await once(out, 'finish');
  } catch (e) {
    out.destroy();
    throw e;
  }
  if (state.failure) throw state.failure;
  return { counts, bytes: out.bytesWritten, elapsedMs: performance.now() - started };
}

function usage(): never {
  process.stderr.write('usage: seed --recipients N --seed S --out FILE [--today YYYY-MM-DD] [--scope STATION_CODE_PREFIX]\n');
  process.exit(2);
}

function integerOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) {
    process.stderr.write(`--${name} must be a non-negative integer, got ${raw}\n`);
    usage();
  }
  return Number(raw);
}

export function parseSeedArgs(argv: readonly string[]): { opts: DemoOptions; out: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      recipients: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      today: { type: 'string' },
      scope: { type: 'string' },
    },
    strict: true,
  });
  if (values.out === undefined) usage();
  return {
    opts: {
      recipients: integerOption(values.recipients, 'recipients', 2000),
      seed: integerOption(values.seed, 'seed', 1),
      today: values.today ?? DEMO_TODAY,
      ...(values.scope === undefined ? {} : { scopePrefix: values.scope }),
    },
    out: resolve(values.out),
  };
}

async function main(): Promise<void> {
  const { opts, out } = parseSeedArgs(process.argv.slice(2));
  const summary = await writeDemoNdjson(opts, out);
  const width = Math.max(...DEMO_TABLES.map((t) => t.length));
  for (const t of DEMO_TABLES) process.stderr.write(`${t.padEnd(width)}  ${summary.counts[t].toLocaleString('en-US').padStart(12)}\n`);
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  process.stderr.write(
    `wrote ${out}: ${mb(summary.bytes)} MB in ${(summary.elapsedMs / 1000).toFixed(1)} s (peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB)\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`seed failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { translateError } from '../shared/i18n/messages';
import type { Locale } from '../shared/domain/labels';
import { type ImportPlan, type LedgerError, LEDGER_SHEETS, parseLedger, writeLedger } from '../shared/ledger';
import { getStation, stationPathName } from '../shared/stations/tree';
import { readServerConfig } from '../server/config';
import type { Db } from '../server/db/db';
import { openServerDb } from '../server/db/openDb';
import { importLedger, loadLedgerData } from '../server/ledger/ledgerStore';

export const USAGE = `usage: npm run ledger -- <command> …
  export --scope <station code> --out <FILE.xlsx> [--full-id]
      the ledger (台账) of a community, street or district from the central server's data;
      ID numbers are masked unless --full-id (a masked ledger can be read, not imported)
  import <FILE.xlsx> [--dry-run] [--skip-errors] [--scope <station code>] [--lang en]
      checks every row and prints the row-level errors (sheet, row, column, reason); writes
      everything in one transaction, or nothing: with errors it writes nothing unless
      --skip-errors (then only the valid rows). Re-importing the same file creates no duplicates.
Uses DATABASE_URL or DATA_DIR like the server; with the embedded database, stop the server first.`;

export interface CliOutput {
  out: (line: string) => void;
}

function describeError(e: LedgerError, locale: Locale): string {
  const where = e.sheet === '' ? '' : `${e.sheet} 第 ${e.row} 行${e.column === '' ? '' : ` 【${e.column}】`}: `;
  return `${where}${translateError(locale, e.reason)}`;
}

export function describePlan(plan: ImportPlan, locale: Locale): string[] {
  const lines = LEDGER_SHEETS.map((s) => {
    const c = plan.sheets[s.key];
    return `${(locale === 'zh' ? s.zh : s.en).padEnd(8)}  new ${c.create}  updated ${c.update}  unchanged ${c.unchanged}  errors ${c.errors}`;
  });
  if (plan.errors.length > 0) {
    lines.push(`${plan.errors.length} error(s):`);
    for (const e of plan.errors) lines.push(`  ${describeError(e, locale)}`);
  }
  return lines;
}

/** Runs one command against an open server database; returns the process exit code. */
export async function runLedgerCli(db: Db, argv: readonly string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      scope: { type: 'string' },
      out: { type: 'string' },
      'full-id': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'skip-errors': { type: 'boolean', default: false },
      lang: { type: 'string', default: 'zh' },
    },
  });
  const locale: Locale = values.lang === 'en' ? 'en' : 'zh';
  const [command, file] = positionals;
  switch (command) {
    case 'export': {
      if (!values.scope || !values.out) throw new Error(USAGE);
      if (!getStation(values.scope)) throw new Error(`unknown station code ${values.scope}`);
      const data = await loadLedgerData(db, values.scope);
      const bytes = await writeLedger(data, { scope: values.scope, fullIdNumbers: values['full-id'] });
      await writeFile(resolve(values.out), bytes);
      io.out(
        `exported ${stationPathName(values.scope)} (${values.scope}): ${data.recipients.length} recipients, ${data.visits.length} visits, ` +
          `${data.aid.length} aid, ${data.dutyOccurrences.length} duty occurrences, ${data.requests.length} requests` +
          `${values['full-id'] ? ', full ID numbers' : ', ID numbers masked'} → ${resolve(values.out)}`,
      );
      return 0;
    }
    case 'import': {
      if (!file) throw new Error(USAGE);
      const scope = values.scope ?? '4403';
      if (!getStation(scope)) throw new Error(`unknown station code ${scope}`);
      const parsed = await parseLedger(new Uint8Array(await readFile(resolve(file))));
      const result = await importLedger(db, parsed, { scope, dryRun: values['dry-run'], skipErrors: values['skip-errors'] });
      for (const line of describePlan(result.plan, locale)) io.out(line);
      if (result.written) {
        io.out(`imported: ${result.rowsWritten} rows written in one transaction (devices pull them on their next sync)`);
        return 0;
      }
      if (values['dry-run']) {
        io.out('dry run: nothing written');
        return result.plan.errors.length > 0 ? 1 : 0;
      }
      io.out(
        result.plan.masked
          ? 'nothing written: the ID numbers of this ledger are masked'
          : 'nothing written: fix the rows above, or pass --skip-errors to import only the valid rows',
      );
      return 1;
    }
    default:
      throw new Error(USAGE);
  }
}

async function main(): Promise<void> {
  const db = await openServerDb(readServerConfig(process.env));
  try {
    process.exitCode = await runLedgerCli(db, process.argv.slice(2), { out: (l) => console.log(l) });
  } finally {
    await db.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}

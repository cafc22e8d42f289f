import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_STREET_CODE, DEMO_TODAY } from '../shared/demo';
import type { Db } from '../server/db/db';
import { toNumber } from '../server/db/db';
import { type EntityDemoRow, loadDemo, writeDemoBatch } from '../server/demo/loadDemo';
import { testBackends } from '../test/support/databases';
import { readXlsx, sheetRecords } from '../test/support/xlsxReader';
import { runLedgerCli } from './ledger';

/** `npm run ledger` against the server's own database, on PGlite and on PostgreSQL. */
const dir = mkdtempSync(join(tmpdir(), 'youfu-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(db: Db, ...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runLedgerCli(db, argv, { out: (l) => lines.push(l) });
  return { code, lines };
}

async function count(db: Db, sql: string): Promise<number> {
  const [r] = await db.query<{ n: unknown }>(sql);
  return toNumber(r?.n ?? 0);
}

const rowCount = (db: Db): Promise<number> => count(db, "SELECT count(*) AS n FROM rows WHERE table_name <> 'staff'");
const changeCount = (db: Db): Promise<number> => count(db, 'SELECT count(*) AS n FROM changes');

describe.each(testBackends())('npm run ledger on $name', (backend) => {
  it('exports a street, imports it into an empty server twice without duplicates, with change-feed and audit entries', async () => {
    const source = await backend.open();
    const target = await backend.open();
    try {
      await loadDemo(source.db, { recipients: 40, seed: 5, today: DEMO_TODAY });
      const file = join(dir, `${backend.name}-street.xlsx`);
      const exported = await cli(source.db, 'export', '--scope', DEMO_STREET_CODE, '--out', file, '--full-id');
      expect(exported.code).toBe(0);
      const recipientsInStreet = await count(
        source.db,
        `SELECT count(*) AS n FROM rows WHERE table_name = 'recipients' AND NOT deleted AND station_code LIKE '${DEMO_STREET_CODE}%'`,
      );
      expect(recipientsInStreet).toBeGreaterThan(0);
      expect(sheetRecords(readXlsx(readFileSync(file))[0]!)).toHaveLength(recipientsInStreet);

      // The staff roster, so staff names resolve as on the source server.
      const staff = await source.db.query<{ data: EntityDemoRow['row'] }>("SELECT data FROM rows WHERE table_name = 'staff'");
      await writeDemoBatch(
        target.db,
        staff.map((s) => ({ table: 'staff', row: s.data }) as EntityDemoRow),
        new Date(),
      );
      const changesBefore = await changeCount(target.db);

      const dry = await cli(target.db, 'import', file, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.lines.at(-1)).toBe('dry run: nothing written');
      expect(await rowCount(target.db)).toBe(0);

      const first = await cli(target.db, 'import', file);
      expect(first.code).toBe(0);
      const rows = await rowCount(target.db);
      expect(rows).toBeGreaterThan(recipientsInStreet);
      expect(await count(target.db, "SELECT count(*) AS n FROM rows WHERE table_name = 'recipients'")).toBe(recipientsInStreet);
      // Every written row has its change-feed entry (clients pull it) and its audit entry.
      expect((await changeCount(target.db)) - changesBefore).toBe(rows);
      expect(await count(target.db, "SELECT count(*) AS n FROM audit_log WHERE op = 'import' AND client_id = 'ledger-import'")).toBe(rows);

      const second = await cli(target.db, 'import', file);
      expect(second.code).toBe(0);
      expect(second.lines[0]).toMatch(/new 0 {2}updated 0 {2}unchanged \d+ {2}errors 0/);
      expect(await rowCount(target.db)).toBe(rows);
      expect((await changeCount(target.db)) - changesBefore).toBe(rows);

      // The imported rows export again to the same ledger content.
      const again = join(dir, `${backend.name}-again.xlsx`);
      await cli(target.db, 'export', '--scope', DEMO_STREET_CODE, '--out', again, '--full-id');
      const a = readXlsx(readFileSync(file)).map((s) => sheetRecords(s));
      const b = readXlsx(readFileSync(again)).map((s) => sheetRecords(s));
      expect(b).toEqual(a);
    } finally {
      await source.drop();
      await target.drop();
    }
  }, 180_000); // an export, two imports and a re-export of a street: 12–33 s alone, past 60 s when the whole suite shares 2 cores

  it('prints the row-level errors and writes nothing unless --skip-errors', async () => {
    const source = await backend.open();
    try {
      await loadDemo(source.db, { recipients: 20, seed: 9, today: DEMO_TODAY });
      const file = join(dir, `${backend.name}-bad.xlsx`);
      await cli(source.db, 'export', '--scope', DEMO_STREET_CODE, '--out', file, '--full-id');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet('帮扶记录')!;
      const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
      ws.getRow(2).getCell(header.indexOf('金额（元）')).value = -1;
      ws.getRow(2).getCell(header.indexOf('审批单位')).value = '改过的审批单位';
      ws.getRow(3).getCell(header.indexOf('审批单位')).value = '另一个审批单位';
      writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
      const before = await changeCount(source.db);

      const refused = await cli(source.db, 'import', file);
      expect(refused.code).toBe(1);
      expect(refused.lines).toContain('1 error(s):');
      expect(refused.lines).toContain('  帮扶记录 第 2 行 【金额（元）】: 金额不能为负数');
      expect(await changeCount(source.db)).toBe(before);

      const partial = await cli(source.db, 'import', file, '--skip-errors');
      expect(partial.code).toBe(0);
      expect(partial.lines[2]).toMatch(/updated 1 /);
      expect(await changeCount(source.db)).toBe(before + 1);
    } finally {
      await source.drop();
    }
  });
});

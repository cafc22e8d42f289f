import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_COMMUNITY_CODE, DEMO_STREET_CODE, DEMO_TODAY, type DemoRow } from '../shared/demo';
import { auditDemoRows, type DemoAudit } from '../shared/demo/datasetAudit';
import { parseSeedArgs, writeDemoNdjson } from './seed';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'youfu-seed-'));

/** The real CLI, as `npm run seed` runs it. */
async function seed(args: string[]): Promise<{ file: string; stderr: string }> {
  const file = join(dir, `${args.join('_').replace(/[^\w]/g, '')}.ndjson`);
  const { stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args, '--out', file], {
    cwd: root,
    maxBuffer: 1 << 20,
  });
  return { file, stderr };
}

describe('npm run seed -- --recipients 2000 --seed 7', () => {
  let bytes: Buffer;
  let rows: DemoRow[];
  let audit: DemoAudit;
  let stderr: string;

  beforeAll(async () => {
    const first = await seed(['--recipients', '2000', '--seed', '7']);
    bytes = readFileSync(first.file);
    stderr = first.stderr;
    rows = bytes
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as DemoRow);
    audit = auditDemoRows(rows, DEMO_TODAY);
  }, 120_000);

  it('reports the rows per table on stderr', () => {
    expect(stderr).toMatch(/recipients\s+2,000/);
    expect(stderr).toMatch(/visits\s+[\d,]+/);
  });

  it('writes only rows that pass their schemas, with consistent references and valid, unique ID numbers', () => {
    expect(audit.problems).toEqual([]);
    expect(audit.counts.recipients).toBe(2000);
    expect(audit.counts.stations).toBe(753);
  });

  it('writes the same bytes for the same seed and different bytes for another', async () => {
    const again = await seed(['--seed', '7', '--recipients', '2000', '--today', DEMO_TODAY]);
    expect(readFileSync(again.file).equals(bytes)).toBe(true);
    const other = await seed(['--recipients', '2000', '--seed', '8']);
    expect(readFileSync(other.file).equals(bytes)).toBe(false);
  }, 120_000);

  it('has about five years of history at DOMAIN.md ratios', () => {
    const perRecipient = (n: number): number => n / audit.counts.recipients;
    // ~10 visits and ~3 aid records a year for 5 years, less for those registered later.
    expect(perRecipient(audit.counts.visits)).toBeGreaterThan(35);
    expect(perRecipient(audit.counts.visits)).toBeLessThan(60);
    expect(perRecipient(audit.counts.aid)).toBeGreaterThan(10);
    expect(perRecipient(audit.counts.aid)).toBeLessThan(18);
    const visitYears = new Set(rows.flatMap((r) => (r.table === 'visits' ? [r.row.visitedAt.slice(0, 4)] : [])));
    expect([...visitYears].sort()).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
  });

  it('has a plausible mix of categories', () => {
    const share = (code: string): number => (audit.categories[code] ?? 0) / 2000;
    const heroes = (audit.categories.combat_hero ?? 0) + (audit.categories.first_class_merit ?? 0);
    expect(heroes).toBeGreaterThanOrEqual(1);
    expect(heroes).toBeLessThan(20);
    expect(share('martyr_family')).toBeGreaterThan(0.05);
    expect(share('martyr_family')).toBeLessThan(0.11);
    expect(share('disabled_veteran')).toBeGreaterThan(0.12);
    expect(share('disabled_veteran')).toBeLessThan(0.2);
    expect(share('key_recipient')).toBeGreaterThan(0.6);
    expect(audit.categories.duty_death_family).toBeGreaterThan(0);
    expect(audit.categories.illness_death_family).toBeGreaterThan(0);
    expect(audit.multiCategory).toBeGreaterThan(20);
    expect(audit.lunarBirthdays).toBeGreaterThan(100);
    expect(audit.statuses.deceased).toBeGreaterThan(10);
    expect(audit.statuses.moved).toBeGreaterThan(5);
  });

  it('has work to show: overdue and due-soon duties, open and closed requests, voided aid', () => {
    expect(audit.occurrenceStates.done).toBeGreaterThan(audit.occurrenceStates.overdue! * 10);
    expect(audit.occurrenceStates.overdue).toBeGreaterThan(50);
    expect(audit.occurrenceStates.due_soon).toBeGreaterThan(50);
    expect(audit.occurrenceStates.cancelled).toBeGreaterThan(0);
    for (const s of ['open', 'in_progress', 'resolved', 'referred']) expect(audit.requestStatuses[s]).toBeGreaterThan(0);
    expect(audit.voidedAid).toBeGreaterThan(0);
  });

  it('has the demo accounts and the 园岭 combat hero with an overdue monthly visit', () => {
    const staff = rows.flatMap((r) => (r.table === 'staff' ? [r.row] : []));
    for (const a of Object.values(DEMO_ACCOUNTS)) {
      expect(staff.find((s) => s.username === a.username)).toMatchObject({
        id: a.id,
        role: a.role,
        stationCode: a.stationCode,
        active: true,
      });
    }
    const hero = rows.find((r) => r.table === 'recipients' && r.row.dedicatedStaffId === DEMO_ACCOUNTS.hero.id);
    expect(hero?.table === 'recipients' && hero.row.stationCode.startsWith(DEMO_STREET_CODE)).toBe(true);
    expect(hero?.table === 'recipients' && hero.row.categories.some((c) => c.code === 'combat_hero')).toBe(true);
    expect(audit.overdueMonthlyVisitsByStaff['demo-hero']).toBe(1);
  });

  it("gives the demo caseworker's community a good caseload", () => {
    expect(audit.recipientsPerStation.get(DEMO_COMMUNITY_CODE)).toBeGreaterThanOrEqual(30);
    const caseworkerVisits = rows.filter((r) => r.table === 'visits' && r.row.staffIds.includes(DEMO_ACCOUNTS.caseworker.id)).length;
    expect(caseworkerVisits).toBeGreaterThan(300);
  });
});

describe('writeDemoNdjson', () => {
  it('writes one line per row and reports the counts and bytes it wrote', async () => {
    const file = join(dir, 'small.ndjson');
    const summary = await writeDemoNdjson({ recipients: 50, seed: 1, scopePrefix: '440304' }, file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    expect(lines.length).toBe(total);
    expect(statSync(file).size).toBe(summary.bytes);
    expect(summary.counts.recipients).toBe(50);
  });

  it('fails, rather than hangs, when the file cannot be written', async () => {
    await expect(writeDemoNdjson({ recipients: 5, seed: 1 }, join(dir, 'no-such-dir', 'x.ndjson'))).rejects.toThrow();
  });
});

describe('seed CLI options', () => {
  it('parses the options with defaults and refuses a missing --out', () => {
    expect(parseSeedArgs(['--out', 'x.ndjson', '--scope', '440304'])).toMatchObject({
      opts: { recipients: 2000, seed: 1, today: DEMO_TODAY, scopePrefix: '440304' },
    });
  });
});

describe('seed at scale', () => {
  it('streams 20,000 recipients (~750 MB) through a 256 MB heap', async () => {
    // A heap cap proves the rows are not held: 1.7 million row objects would need gigabytes,
    // while measuring heapUsed in-process depends on when the collector happens to run.
    const file = join(dir, 'scale.ndjson');
    try {
      const { stderr } = await run(
        process.execPath,
        ['--max-old-space-size=256', '--import', 'tsx', 'scripts/seed.ts', '--recipients', '20000', '--seed', '3', '--out', file],
        { cwd: root },
      );
      expect(stderr).toMatch(/recipients\s+20,000/);
      expect(statSync(file).size).toBeGreaterThan(500 * 1024 * 1024);
    } finally {
      rmSync(file, { force: true });
    }
  }, 300_000);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

import { describe, expect, it } from 'vitest';
import { DEMO_COMMUNITY_CODE, DEMO_TODAY, generateDemoRows } from '../demo';
import type { Recipient } from '../domain/schemas';
import { planImport } from './plan';
import { type LedgerData, ledgerDataFrom } from './tables';
import { buildLedger, parseLedger } from './workbook';

/**
 * A ledger row whose birth date or gender disagrees with its ID number (GB 11643: digits 7–14,
 * digit 17 odd for a man) is refused at that cell, as a form would refuse it at that field.
 */
const OPTIONS = { scope: '440304', actorStaffId: '00000000-0000-4000-8000-00000000d003', now: new Date('2026-11-28T02:00:00Z') };

function demoData(): LedgerData {
  return ledgerDataFrom(generateDemoRows({ recipients: 12, seed: 5, today: DEMO_TODAY, scopePrefix: DEMO_COMMUNITY_CODE }));
}

describe('ledger import: birth date and gender against the ID number', () => {
  it('reports the 性别 and 出生日期 cells that contradict the ID number, and nothing else', async () => {
    const data = demoData();
    const wb = buildLedger(data, { scope: '440304', fullIdNumbers: true });
    const ws = wb.getWorksheet('优抚对象')!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    const cell = (row: number, column: string) => ws.getRow(row).getCell(header.indexOf(column));
    const recipientOf = (row: number): Recipient => data.recipients.find((r) => r.idNumber === cell(row, '身份证号').value)!;

    const wrongGender = recipientOf(3).gender === 'male' ? '女' : '男';
    cell(3, '性别').value = wrongGender;
    const born = recipientOf(4).birthDate;
    const dayAfter = new Date(Date.parse(`${born}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    cell(4, '出生日期').value = new Date(`${dayAfter}T00:00:00Z`);

    const plan = planImport(await parseLedger(new Uint8Array(await wb.xlsx.writeBuffer())), data, OPTIONS);
    expect(plan.errors).toEqual([
      { sheet: '优抚对象', row: 3, column: '性别', reason: 'gender_id_mismatch' },
      { sheet: '优抚对象', row: 4, column: '出生日期', reason: 'birth_date_id_mismatch' },
    ]);
  });
});

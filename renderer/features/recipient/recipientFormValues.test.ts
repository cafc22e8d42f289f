import { describe, expect, it } from 'vitest';
import { emptyRecipientValues, valuesToRecipientInput } from './recipientFormValues';

const base = { id: '11111111-0000-4000-8000-000000000001', stationCode: '440304001001', status: 'active' as const, statusDate: null };

describe('valuesToRecipientInput', () => {
  it('a wrong ID number is the one error: no follow-on 性别 and 出生日期 errors for the fields it fills', () => {
    const values = { ...emptyRecipientValues(), name: '张三', idNumber: '440304195003074519', address: '福田区' };
    const r = valuesToRecipientInput(values, base, '2026-11-28T10:00:00+08:00');
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.issues.map((i) => i.path[0]);
    expect(fields).toContain('idNumber');
    expect(fields).not.toContain('gender');
    expect(fields).not.toContain('birthDate');
  });
});

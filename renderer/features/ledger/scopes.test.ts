import { describe, expect, it } from 'vitest';
import { DEMO_COMMUNITY_CODE, DEMO_STREET_CODE } from '../../../shared/demo';
import { ledgerFileName, ledgerScopeOptions } from './scopes';

describe('ledger export scopes', () => {
  it('gives a caseworker their own station only', () => {
    expect(ledgerScopeOptions('caseworker', DEMO_COMMUNITY_CODE)).toEqual([
      { value: DEMO_COMMUNITY_CODE, label: expect.stringContaining('园岭街道') as string },
    ]);
    expect(ledgerScopeOptions('dedicated_staff', DEMO_COMMUNITY_CODE)).toHaveLength(1);
  });

  it('gives a supervisor the district first, then every street and community of it, and nothing outside', () => {
    const options = ledgerScopeOptions('district_supervisor', '440304');
    expect(options[0]).toEqual({ value: '440304', label: '福田区' });
    expect(options.map((o) => o.value)).toContain(DEMO_STREET_CODE);
    expect(options.map((o) => o.value)).toContain(DEMO_COMMUNITY_CODE);
    expect(options.every((o) => o.value.startsWith('440304'))).toBe(true);
  });

  it('names the file after the scope and the date', () => {
    expect(ledgerFileName(DEMO_STREET_CODE, '2026-11-28')).toBe('台账-福田区园岭街道-2026-11-28.xlsx');
  });
});

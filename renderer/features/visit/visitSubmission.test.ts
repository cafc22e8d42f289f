import { describe, expect, it } from 'vitest';
import { emptyAid, initialVisitValues } from './visitFormValues';
import { buildVisitSubmission } from './visitSubmission';

const R1 = '11111111-0000-4000-8000-000000000001';
const STAFF = '22222222-0000-4000-8000-000000000001';
const O1 = '33333333-0000-4000-8000-000000000001';
const O2 = '33333333-0000-4000-8000-000000000002';
let n = 0;
const ctx = {
  recipientId: R1,
  stationCode: '440304001001',
  nowIso: '2026-11-28T10:00:00+08:00',
  newId: () => `44444444-0000-4000-8000-${String(++n).padStart(12, '0')}`,
};
const values = () => ({ ...initialVisitValues({ recipientId: R1, staffId: STAFF }), visitedAt: '2026-11-28 09:30' });

describe('buildVisitSubmission', () => {
  it('refuses ¥0.00 of condolence money beside its amount field', () => {
    const r = buildVisitSubmission({ ...values(), aid: [{ ...emptyAid(), amountYuan: '0.00' }] }, ctx);
    expect(r).toEqual({ ok: false, issues: [{ path: ['aid', 0, 'amountFen'], code: 'aid_amount_positive' }] });
    expect(buildVisitSubmission({ ...values(), aid: [{ ...emptyAid(), amountYuan: '0.01' }] }, ctx).ok).toBe(true);
  });

  it('completes every ticked occurrence, the visit row naming the first', () => {
    const r = buildVisitSubmission({ ...values(), mode: 'phone', occurrenceIds: [O1, O2] }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ occurrenceId: O1, occurrenceIds: [O1, O2], visit: { dutyOccurrenceId: O1, outcome: 'reached' } });
  });

  it('a call that did not get through completes nothing', () => {
    const r = buildVisitSubmission({ ...values(), mode: 'phone', outcome: 'not_reached', occurrenceIds: [O1] }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ occurrenceId: null, occurrenceIds: [], visit: { dutyOccurrenceId: null, outcome: 'not_reached' } });
  });

  it('a visit in person is always reached, whatever the hidden outcome field says', () => {
    const r = buildVisitSubmission({ ...values(), mode: 'home', outcome: 'not_reached', occurrenceIds: [O1] }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ occurrenceIds: [O1], visit: { outcome: 'reached' } });
  });
});

import { describe, expect, it } from 'vitest';
import { daysOverdue, escalatedTo, escalationTier, isRequestOverdue, requestDueDate } from './deadlines';

// Opened on Monday 2026-11-23 at 23:30 in Shenzhen (15:30Z): its day is the 23rd.
const opened = '2026-11-23T15:30:00Z';

describe('request deadlines', () => {
  it('are due by urgency from the opening day in Shanghai', () => {
    expect(requestDueDate({ openedAt: opened, urgency: 'critical' })).toBe('2026-11-24');
    expect(requestDueDate({ openedAt: opened, urgency: 'high' })).toBe('2026-11-26');
    expect(requestDueDate({ openedAt: opened, urgency: 'normal' })).toBe('2026-11-30');
    expect(requestDueDate({ openedAt: opened, urgency: 'low' })).toBe('2026-12-07');
  });

  it('go overdue the day after, then escalate to the street and the district', () => {
    const r = { openedAt: opened, urgency: 'high' as const, status: 'open' as const };
    expect(isRequestOverdue(r, '2026-11-26')).toBe(false);
    expect(daysOverdue(r, '2026-11-27')).toBe(1);
    expect(escalationTier(r, '2026-11-29')).toBe('station');
    expect(escalationTier(r, '2026-11-30')).toBe('street');
    expect(escalatedTo(r, 'street', '2026-11-30')).toBe(true);
    expect(escalatedTo(r, 'district', '2026-11-30')).toBe(false);
    expect(escalationTier(r, '2026-12-03')).toBe('street');
    expect(escalationTier(r, '2026-12-04')).toBe('district');
    expect(escalatedTo(r, 'street', '2026-12-04')).toBe(true);
  });

  it('stop counting once resolved or referred up', () => {
    for (const status of ['resolved', 'referred'] as const) {
      const r = { openedAt: opened, urgency: 'critical' as const, status };
      expect(daysOverdue(r, '2027-01-01')).toBe(0);
      expect(escalationTier(r, '2027-01-01')).toBe('station');
    }
  });
});

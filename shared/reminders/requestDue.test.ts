import { describe, expect, it } from 'vitest';
import type { RequestStatus, Urgency } from '../domain/enums';
import { isRequestOverdue, requestDueDate } from './requestDue';

describe('requestDueDate', () => {
  it.each<[Urgency, string]>([
    ['critical', '2026-11-21'],
    ['high', '2026-11-23'],
    ['normal', '2026-11-27'],
    ['low', '2026-12-04'],
  ])('%s, opened on 2026-11-20 → due %s', (urgency, due) => {
    expect(requestDueDate({ urgency, openedAt: '2026-11-20T16:00:00+08:00' })).toBe(due);
  });

  it('counts from the day it was opened in Shenzhen', () => {
    // 17:00 UTC on the 20th is 01:00 on the 21st in Shenzhen.
    expect(requestDueDate({ urgency: 'critical', openedAt: '2026-11-20T17:00:00Z' })).toBe('2026-11-22');
  });
});

describe('isRequestOverdue on 2026-11-28', () => {
  const today = '2026-11-28';
  it.each<[RequestStatus, Urgency, string, boolean]>([
    ['open', 'normal', '2026-11-20T10:00:00+08:00', true], // due 11-27
    ['open', 'normal', '2026-11-21T10:00:00+08:00', false], // due today: not yet
    ['in_progress', 'critical', '2026-11-26T10:00:00+08:00', true], // due 11-27
    ['in_progress', 'low', '2026-11-20T10:00:00+08:00', false], // due 12-04
    ['resolved', 'critical', '2026-10-01T10:00:00+08:00', false],
    ['referred', 'critical', '2026-10-01T10:00:00+08:00', false],
  ])('%s %s opened %s → %s', (status, urgency, openedAt, overdue) => {
    expect(isRequestOverdue({ status, urgency, openedAt }, today)).toBe(overdue);
  });
});

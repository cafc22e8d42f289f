import { describe, expect, it } from 'vitest';
import type { RecipientStatus } from '../domain/enums';
import type { Duty, DutyOccurrence } from '../domain/schemas';
import { classifyOccurrence } from './occurrenceStatus';
import { dutyChangesForStatus } from './statusChange';

const RECIPIENT = 'a0000000-0000-4000-8000-000000000001';
const NEIGHBOUR = 'a0000000-0000-4000-8000-000000000002';
const NOW = '2026-11-01T08:00:00+08:00';

function duty(id: string, active: boolean, recipientId = RECIPIENT): Duty {
  return {
    id,
    recipientId,
    stationCode: '440304001001',
    kind: 'home_visit',
    recurrence: { type: 'monthly' },
    anchorDate: '2026-01-15',
    assigneeId: null,
    active,
    source: 'default',
    note: '',
    rev: 3,
    updatedAt: NOW,
  };
}

function occurrence(id: string, dueDate: string, status: DutyOccurrence['status'] = 'pending', recipientId = RECIPIENT): DutyOccurrence {
  return {
    id,
    dutyId: 'visit',
    recipientId,
    stationCode: '440304001001',
    dueDate,
    status,
    doneAt: status === 'done' ? NOW : null,
    visitId: null,
    rev: 2,
    updatedAt: NOW,
  };
}

const duties = [duty('visit', true), duty('call', true), duty('old-plan', false), duty('neighbour-visit', true, NEIGHBOUR)];
const occurrences = [
  occurrence('missed', '2026-10-15'),
  occurrence('next', '2026-12-15'),
  occurrence('done', '2026-09-15', 'done'),
  occurrence('neighbour', '2026-10-15', 'pending', NEIGHBOUR),
];

describe('dutyChangesForStatus', () => {
  it.each<RecipientStatus>(['deceased', 'moved'])('%s: stops every active duty and cancels every pending occurrence', (status) => {
    const changes = dutyChangesForStatus({ id: RECIPIENT }, status, '2026-11-20', duties, occurrences);
    expect(changes.dutiesToDeactivate.map((d) => [d.id, d.active])).toEqual([
      ['visit', false],
      ['call', false],
    ]);
    // The visit missed before the status date is cancelled too: nobody can make it any more.
    expect(changes.occurrencesToCancel.map((o) => [o.id, o.status])).toEqual([
      ['missed', 'cancelled'],
      ['next', 'cancelled'],
    ]);
    expect(changes.occurrencesToCancel.map((o) => classifyOccurrence(o, '2026-11-28'))).toEqual(['cancelled', 'cancelled']);
    // Everything else about the rows is kept for the repository to write back.
    expect(changes.dutiesToDeactivate[0]).toEqual({ ...duties[0], active: false });
    expect(changes.occurrencesToCancel[1]).toEqual({ ...occurrences[1], status: 'cancelled' });
  });

  it('leaves the inputs untouched', () => {
    dutyChangesForStatus({ id: RECIPIENT }, 'deceased', '2026-11-20', duties, occurrences);
    expect(duties[0]!.active).toBe(true);
    expect(occurrences[0]!.status).toBe('pending');
  });

  it('returning to active resurrects nothing', () => {
    const inactive = duties.map((d) => ({ ...d, active: false }));
    expect(dutyChangesForStatus({ id: RECIPIENT }, 'active', null, inactive, occurrences)).toEqual({
      dutiesToDeactivate: [],
      occurrencesToCancel: [],
    });
  });

  it('a second change (moved, then deceased) finds nothing left to stop', () => {
    const stopped = duties.map((d) => (d.recipientId === RECIPIENT ? { ...d, active: false } : d));
    const changes = dutyChangesForStatus({ id: RECIPIENT }, 'deceased', '2027-03-01', stopped, []);
    expect(changes).toEqual({ dutiesToDeactivate: [], occurrencesToCancel: [] });
  });
});

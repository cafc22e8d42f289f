import type { Duty, DutyOccurrence, Recipient } from '../domain/schemas';
import { type DefaultDutyOptions, defaultDutiesFor, firstOccurrence } from './dutyPlans';

/**
 * What a change of a recipient's categories does to their DEFAULT duty plans (custom plans
 * that staff added stay as they are):
 * - a plan the new categories call for that no active default plan covers is added, with its
 *   first occurrence (e.g. a martyr's family member recognised as a combat hero gets the
 *   weekly call and the birthday greeting);
 * - an active default plan the new categories no longer call for is deactivated and its
 *   pending occurrences are cancelled (done ones stay in the record);
 * - a plan called for both before and after is kept as it is, with its schedule.
 * Plans are the same when their kind and recurrence are the same.
 */
export interface CategoryDutyChanges {
  dutiesToAdd: Duty[];
  occurrencesToAdd: DutyOccurrence[];
  dutiesToDeactivate: Duty[];
  occurrencesToCancel: DutyOccurrence[];
}

const planKey = (d: Pick<Duty, 'kind' | 'recurrence'>): string => `${d.kind}|${JSON.stringify(d.recurrence)}`;

export function dutyChangesForCategories(
  recipient: Recipient,
  duties: readonly Duty[],
  pendingOccurrences: readonly DutyOccurrence[],
  opts: DefaultDutyOptions,
): CategoryDutyChanges {
  const none: CategoryDutyChanges = { dutiesToAdd: [], occurrencesToAdd: [], dutiesToDeactivate: [], occurrencesToCancel: [] };
  if (recipient.status !== 'active') return none;
  const wanted = defaultDutiesFor(recipient, opts);
  const wantedKeys = new Set(wanted.map(planKey));
  const activeDefaults = duties.filter((d) => d.recipientId === recipient.id && d.active && d.source === 'default');
  const haveKeys = new Set(activeDefaults.map(planKey));

  const dutiesToAdd = wanted.filter((d) => !haveKeys.has(planKey(d)));
  const occurrencesToAdd = dutiesToAdd
    .map((d) => firstOccurrence(d, recipient, opts.today, opts.newId, opts.now))
    .filter((o): o is DutyOccurrence => o !== null);
  const dropped = activeDefaults.filter((d) => !wantedKeys.has(planKey(d)));
  const droppedIds = new Set(dropped.map((d) => d.id));
  return {
    dutiesToAdd,
    occurrencesToAdd,
    dutiesToDeactivate: dropped.map((d) => ({ ...d, active: false })),
    occurrencesToCancel: pendingOccurrences
      .filter((o) => o.status === 'pending' && droppedIds.has(o.dutyId))
      .map((o) => ({ ...o, status: 'cancelled' as const })),
  };
}

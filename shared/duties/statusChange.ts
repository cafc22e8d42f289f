import type { RecipientStatus } from '../domain/enums';
import type { Duty, DutyOccurrence, Recipient } from '../domain/schemas';

export interface DutyStatusChanges {
  dutiesToDeactivate: Duty[];
  occurrencesToCancel: DutyOccurrence[];
}

/**
 * What a change of a recipient's status does to their duties.
 *
 * Moving away or death stops all service from this station: every active duty becomes
 * inactive and every pending occurrence is cancelled, including those already past due.
 * A caseworker expects a deceased person to vanish from the overdue list at once, and a
 * recipient who moved is the new station's to serve; a missed visit stays visible in the
 * history as a cancelled occurrence with its due date, not as a red item nobody can clear.
 * `statusDate` is therefore not a cut-off; it is taken so callers pass the whole event.
 *
 * Returning to 'active' (a data-entry fix, or moving back) resurrects nothing: staff choose
 * which plans to reactivate, since the old ones may no longer fit.
 *
 * The returned rows keep their `updatedAt`; the repository stamps it when it writes them.
 * Only rows of this recipient are touched, whatever the caller passes in.
 */
export function dutyChangesForStatus(
  recipient: Pick<Recipient, 'id'>,
  newStatus: RecipientStatus,
  statusDate: string | null,
  duties: readonly Duty[],
  pendingOccurrences: readonly DutyOccurrence[],
): DutyStatusChanges {
  if (newStatus === 'active') return { dutiesToDeactivate: [], occurrencesToCancel: [] };
  return {
    dutiesToDeactivate: duties.filter((d) => d.recipientId === recipient.id && d.active).map((d) => ({ ...d, active: false })),
    occurrencesToCancel: pendingOccurrences
      .filter((o) => o.recipientId === recipient.id && o.status === 'pending')
      .map((o) => ({ ...o, status: 'cancelled' })),
  };
}

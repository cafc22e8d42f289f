import type { ContactOutcome, DutyKind, VisitMode } from '../domain/enums';
import { compareDates, daysBetween } from '../calendar/shanghai';
import { DUE_SOON_DAYS } from './occurrenceStatus';

/**
 * Which contacts fulfil which duties. A duty is done only by a contact of its kind: a call
 * does not close a home visit (入户走访 means going in), but any contact in person also does
 * what a call is for. Greetings (birthday, festival) may be given by call or in person.
 */
const MODES_FOR_KIND: Readonly<Record<DutyKind, readonly VisitMode[]>> = {
  phone_call: ['phone', 'video', 'home', 'station', 'hospital'],
  home_visit: ['home'],
  birthday: ['home', 'phone', 'video', 'station', 'hospital'],
  festival: ['home', 'phone', 'video', 'station', 'hospital'],
  checkup: ['hospital', 'station', 'home'],
  medical_escort: ['hospital'],
};

/** The mode a visit form opens on for a duty of this kind. */
const MODE_FOR_KIND: Readonly<Record<DutyKind, VisitMode>> = {
  phone_call: 'phone',
  home_visit: 'home',
  birthday: 'home',
  festival: 'home',
  checkup: 'hospital',
  medical_escort: 'hospital',
};

export function modeFulfils(mode: VisitMode, kind: DutyKind): boolean {
  return MODES_FOR_KIND[kind].includes(mode);
}

export function modeForDutyKind(kind: DutyKind): VisitMode {
  return MODE_FOR_KIND[kind];
}

/** Phone and video contacts can fail to get through; a visit in person cannot. */
export function isRemoteMode(mode: VisitMode): boolean {
  return mode === 'phone' || mode === 'video';
}

/** A call that did not get through keeps every duty open. */
export function contactCompletesDuties(mode: VisitMode, outcome: ContactOutcome): boolean {
  return !isRemoteMode(mode) || outcome === 'reached';
}

/** Whether this contact completes a duty of this kind. */
export function contactFulfils(contact: { mode: VisitMode; outcome: ContactOutcome }, kind: DutyKind): boolean {
  return contactCompletesDuties(contact.mode, contact.outcome) && modeFulfils(contact.mode, kind);
}

export interface OpenOccurrence {
  id: string;
  dueDate: string;
}

/**
 * The occurrence a visit form preselects when it is opened without one: the most overdue of
 * those Today lists (overdue or due within DUE_SOON_DAYS), or none. Ties go to the first given.
 */
export function mostOverdueOccurrence<T extends OpenOccurrence>(occurrences: readonly T[], today: string): T | null {
  let best: T | null = null;
  for (const o of occurrences) {
    if (daysBetween(today, o.dueDate) > DUE_SOON_DAYS) continue;
    if (best === null || compareDates(o.dueDate, best.dueDate) < 0) best = o;
  }
  return best;
}

/**
 * The staff members whose duties a contact would close without them: each duty's assignee who
 * was not among the staff on the contact. Closing someone else's duty is asked first.
 */
export function othersAssigned(duties: readonly { assigneeId: string | null }[], staffIds: readonly string[]): string[] {
  const others = duties.flatMap((d) => (d.assigneeId !== null && !staffIds.includes(d.assigneeId) ? [d.assigneeId] : []));
  return [...new Set(others)];
}

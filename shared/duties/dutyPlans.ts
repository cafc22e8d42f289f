import { defaultDutyTemplates, isHero } from '../domain/cadence';
import type { Duty, DutyOccurrence, Recipient } from '../domain/schemas';
import { firstDueDate, nextDueAfterCompletion } from './dueDates';

export interface DefaultDutyOptions {
  today: string;
  /** Who gets the plans of a recipient without a dedicated staff member (usually the station caseworker). */
  assigneeId: string | null;
  newId: () => string;
  /** ISO timestamp with offset, stamped as every new row's updatedAt. */
  now: string;
}

/**
 * The default duty plans of a new recipient, from the category cadence rules.
 *
 * Every plan is anchored today, periodic or not: a new hero's weekly call and monthly visit
 * fall due at once (the first contact is the introduction), and a birthday or festival plan
 * anchored today rather than on its first date still follows a later correction of the birth
 * date or of the solar/lunar choice.
 *
 * A hero's plans (weekly call, monthly visit, birthday, festivals) all go to their dedicated
 * staff member, who serves them one-on-one; without one yet, they fall back to `assigneeId`.
 * A recipient who has moved away or died gets no plans.
 */
export function defaultDutiesFor(recipient: Recipient, opts: DefaultDutyOptions): Duty[] {
  if (recipient.status !== 'active') return [];
  const assigneeId = isHero(recipient.categories) ? (recipient.dedicatedStaffId ?? opts.assigneeId) : opts.assigneeId;
  return defaultDutyTemplates(recipient.categories).map((template) => ({
    id: opts.newId(),
    recipientId: recipient.id,
    stationCode: recipient.stationCode,
    kind: template.kind,
    recurrence: template.recurrence,
    anchorDate: opts.today,
    assigneeId,
    active: true,
    source: 'default',
    note: '',
    rev: 0,
    updatedAt: opts.now,
  }));
}

export type OccurrenceRecipient = Pick<Recipient, 'birthDate' | 'lunarBirthday' | 'status'>;

function pendingOccurrence(duty: Duty, dueDate: string, newId: () => string, now: string): DutyOccurrence {
  return {
    id: newId(),
    dutyId: duty.id,
    recipientId: duty.recipientId,
    stationCode: duty.stationCode,
    dueDate,
    status: 'pending',
    doneAt: null,
    visitId: null,
    rev: 0,
    updatedAt: now,
  };
}

/**
 * The first pending occurrence of a duty, due on its first scheduled date on or after today.
 * Null for an inactive duty, a recipient who has moved away or died, or a one-off date
 * already past: such a duty owes nothing, and an occurrence would only show as overdue.
 */
export function firstOccurrence(
  duty: Duty,
  recipient: OccurrenceRecipient,
  today: string,
  newId: () => string,
  now: string,
): DutyOccurrence | null {
  if (!duty.active || recipient.status !== 'active') return null;
  const dueDate = firstDueDate(duty, recipient, today);
  return dueDate === null ? null : pendingOccurrence(duty, dueDate, newId, now);
}

/**
 * The pending occurrence that follows one just done (on `doneDate`, a local date), or null
 * when the duty has nothing more to schedule. See `nextDueAfterCompletion` for the date.
 */
export function occurrenceAfterCompletion(
  duty: Duty,
  recipient: OccurrenceRecipient,
  completed: Pick<DutyOccurrence, 'dueDate'>,
  doneDate: string,
  newId: () => string,
  now: string,
): DutyOccurrence | null {
  if (!duty.active || recipient.status !== 'active') return null;
  const dueDate = nextDueAfterCompletion(duty, recipient, completed.dueDate, doneDate);
  return dueDate === null ? null : pendingOccurrence(duty, dueDate, newId, now);
}

import { describe, expect, it } from 'vitest';
import type { ContactOutcome, DutyKind, VisitMode } from '../domain/enums';
import {
  contactCompletesDuties,
  contactFulfils,
  modeForDutyKind,
  modeFulfils,
  mostOverdueOccurrence,
  othersAssigned,
} from './contactRules';

describe('modeFulfils: a duty is done only by a contact of its kind', () => {
  it.each<[VisitMode, DutyKind, boolean]>([
    ['phone', 'home_visit', false], // a call does not close a hero's monthly home visit
    ['video', 'home_visit', false],
    ['station', 'home_visit', false],
    ['hospital', 'home_visit', false],
    ['home', 'home_visit', true],
    ['phone', 'phone_call', true],
    ['home', 'phone_call', true], // in person is more than a call
    ['phone', 'festival', true], // a call can be a festival greeting
    ['phone', 'birthday', true],
    ['phone', 'checkup', false],
    ['phone', 'medical_escort', false],
    ['hospital', 'medical_escort', true],
    ['home', 'medical_escort', false],
  ])('%s fulfils %s: %s', (mode, kind, expected) => {
    expect(modeFulfils(mode, kind)).toBe(expected);
  });
});

describe('contactCompletesDuties: a call that did not get through keeps the duty open', () => {
  it.each<[VisitMode, ContactOutcome, boolean]>([
    ['phone', 'reached', true],
    ['phone', 'not_reached', false],
    ['video', 'not_reached', false],
    ['home', 'not_reached', true], // a visit in person has no "not reached"
  ])('%s %s → %s', (mode, outcome, expected) => {
    expect(contactCompletesDuties(mode, outcome)).toBe(expected);
  });

  it('a not-reached call fulfils no duty, not even a phone call', () => {
    expect(contactFulfils({ mode: 'phone', outcome: 'not_reached' }, 'phone_call')).toBe(false);
    expect(contactFulfils({ mode: 'phone', outcome: 'reached' }, 'phone_call')).toBe(true);
  });
});

describe("modeForDutyKind: the form opens on the duty's mode", () => {
  it.each<[DutyKind, VisitMode]>([
    ['phone_call', 'phone'],
    ['home_visit', 'home'],
    ['festival', 'home'],
    ['medical_escort', 'hospital'],
  ])('%s → %s', (kind, mode) => {
    expect(modeForDutyKind(kind)).toBe(mode);
    expect(modeFulfils(mode, kind)).toBe(true);
  });
});

describe('mostOverdueOccurrence', () => {
  const today = '2026-11-28';
  it('picks the earliest due of the overdue and due-soon ones', () => {
    const list = [
      { id: 'a', dueDate: '2026-11-30' },
      { id: 'b', dueDate: '2026-11-10' },
      { id: 'c', dueDate: '2026-11-20' },
    ];
    expect(mostOverdueOccurrence(list, today)?.id).toBe('b');
  });
  it('picks one due within 7 days when none is overdue', () => {
    expect(mostOverdueOccurrence([{ id: 'a', dueDate: '2026-12-05' }], today)?.id).toBe('a');
  });
  it('picks none when everything is further off', () => {
    expect(mostOverdueOccurrence([{ id: 'a', dueDate: '2026-12-06' }], today)).toBeNull();
    expect(mostOverdueOccurrence([], today)).toBeNull();
  });
});

describe("othersAssigned: closing someone else's duty asks first", () => {
  it('names each assignee who was not on the contact, once', () => {
    const duties = [{ assigneeId: 'wang' }, { assigneeId: null }, { assigneeId: 'li' }, { assigneeId: 'wang' }];
    expect(othersAssigned(duties, ['li'])).toEqual(['wang']);
    expect(othersAssigned(duties, ['li', 'wang'])).toEqual([]);
    expect(othersAssigned([{ assigneeId: null }], [])).toEqual([]);
  });
});

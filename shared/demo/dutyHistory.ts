import type { DutyTemplate } from '../domain/cadence';
import type { DutyKind, FestivalCode, VisitMode, VisitPurpose } from '../domain/enums';
import type { Duty, DutyOccurrence, Recurrence, Visit } from '../domain/schemas';
import { defaultDutiesFor, firstScheduledOnOrAfter, nextDueAfterCompletion, nextDueDate } from '../duties';
import { DEMO_HERO_OVERDUE_DAYS } from './accounts';
import { dayOf, formatDay, formatTimestamp } from './calendar';
import type { Prng } from './prng';
import type { RecipientFacts } from './recipients';
import { makeVisit, type Team } from './visits';

export interface DutyHistory {
  duties: Duty[];
  occurrences: DutyOccurrence[];
  visits: Visit[];
}

/**
 * How far back an overdue occurrence may be due: within one period of a periodic plan, and
 * within a month for birthdays and festivals (a greeting is not left open for most of a year;
 * a data set full of "Spring Festival, 285 days overdue" would not look like a real station).
 */
const PERIOD_DAYS: Record<Recurrence['type'], number> = {
  weekly: 7,
  monthly: 30,
  quarterly: 91,
  half_yearly: 182,
  yearly: 30,
  birthday: 30,
  festival: 30,
  once: 30,
};

/** How a duty is done: by which kind of contact, for which purpose, and how early or late. */
function howDone(rng: Prng, kind: DutyKind): { mode: VisitMode; purpose: VisitPurpose; shift: number } {
  switch (kind) {
    case 'phone_call':
      return { mode: 'phone', purpose: 'routine', shift: rng.int(-1, 2) };
    case 'home_visit':
      return { mode: 'home', purpose: 'routine', shift: rng.int(-6, 8) };
    case 'birthday':
      return { mode: 'home', purpose: 'birthday', shift: -rng.int(0, 1) };
    case 'festival':
      return { mode: 'home', purpose: 'festival', shift: -rng.int(0, 5) };
    case 'checkup':
      return { mode: 'hospital', purpose: 'health', shift: rng.int(-10, 20) };
    case 'medical_escort':
      return { mode: 'hospital', purpose: 'health', shift: 0 };
  }
}

/**
 * Duty plans from the cadence rules (plus, for heroes, a custom annual check-up), and their
 * occurrences as the app would have produced them: each done by a visit naming it, the next
 * one due by `nextDueAfterCompletion`, and exactly one pending at the end (overdue when its
 * date has passed). Plans of recipients who moved or died end with a cancelled occurrence.
 */
export function makeDutyHistory(rng: Prng, facts: RecipientFacts, team: Team, todayDay: number, demoHero: boolean): DutyHistory {
  const out: DutyHistory = { duties: [], occurrences: [], visits: [] };
  const recipient = facts.row;
  const active = recipient.status === 'active';
  const registered = formatDay(facts.startDay);
  const stamp = formatTimestamp(active ? facts.startDay : facts.endDay, rng.int(540, 1050));
  // The plans the app itself makes on registration (anchored that day); the recipient was
  // active then, whatever their status is now. A later move or death deactivates them.
  const plans: Duty[] = defaultDutiesFor(
    { ...recipient, status: 'active' },
    {
      today: registered,
      assigneeId: team.caseworkers.length > 0 ? rng.pick(team.caseworkers) : null,
      newId: () => rng.uuid(),
      now: stamp,
    },
  ).map((d) => ({ ...d, active, rev: 1 }));
  const custom: DutyTemplate[] = [];
  if (facts.hero) custom.push({ kind: 'checkup', recurrence: { type: 'yearly', month: rng.int(3, 11), day: rng.int(1, 28) } });
  if (active && recipient.livingSituation.includes('dependent') && rng.chance(0.2)) {
    custom.push({ kind: 'medical_escort', recurrence: { type: 'once', date: formatDay(todayDay + rng.int(-3, 20)) } });
  }
  for (const t of custom) {
    plans.push({
      id: rng.uuid(),
      recipientId: recipient.id,
      stationCode: recipient.stationCode,
      kind: t.kind,
      recurrence: t.recurrence,
      anchorDate: registered,
      assigneeId: team.dedicatedStaffId ?? rng.pick(team.caseworkers),
      active,
      source: 'custom',
      note: t.kind === 'medical_escort' ? '陪同到市人民医院复查' : '',
      rev: 1,
      updatedAt: stamp,
    });
  }

  for (const duty of plans) {
    out.duties.push(duty);
    const demoHeroVisit = demoHero && duty.kind === 'home_visit' && duty.recurrence.type === 'monthly';
    const first = firstScheduledOnOrAfter(duty, recipient, registered);
    const missFrom = demoHeroVisit
      ? todayDay - DEMO_HERO_OVERDUE_DAYS - 2
      : rng.chance(facts.hero ? 0.08 : 0.06)
        ? todayDay - rng.int(1, PERIOD_DAYS[duty.recurrence.type])
        : Infinity;
    let due: string | null = first;
    let since = facts.startDay;
    while (due !== null) {
      const dueDay = dayOf(due);
      const id = rng.uuid();
      // One object per occurrence, written once its outcome is known (millions of rows).
      const occurrence = (status: DutyOccurrence['status'], updatedAt: string, visit: Visit | null = null): DutyOccurrence => ({
        id,
        dutyId: duty.id,
        recipientId: recipient.id,
        stationCode: recipient.stationCode,
        dueDate: due!,
        status,
        doneAt: visit?.visitedAt ?? null,
        visitId: visit?.id ?? null,
        rev: 1,
        updatedAt,
      });
      // The one left open: pending, or cancelled when the recipient moved away or died
      // (as dutyChangesForStatus does, even for an occurrence already past due).
      const leftOpen = (): DutyOccurrence =>
        active ? occurrence('pending', formatTimestamp(since, 480)) : occurrence('cancelled', formatTimestamp(facts.endDay, 600));
      if (dueDay >= facts.endDay || dueDay >= missFrom) {
        out.occurrences.push(leftOpen());
        break;
      }
      const how = howDone(rng, duty.kind);
      const doneDay = Math.max(since, dueDay + how.shift);
      if (doneDay >= facts.endDay) {
        // Not done yet: late (overdue) for an active recipient, dropped for one who left.
        out.occurrences.push(leftOpen());
        break;
      }
      if (rng.chance(0.01)) {
        // In hospital, away visiting family…: the caseworker cancels this one.
        out.occurrences.push(occurrence('cancelled', formatTimestamp(doneDay, 600)));
        due = nextDueDate(duty, recipient, due);
        since = doneDay;
        continue;
      }
      const festival: FestivalCode | null = duty.recurrence.type === 'festival' ? duty.recurrence.festival : null;
      const visit = makeVisit(rng, facts, team, doneDay, how.mode, how.purpose, festival, id);
      out.visits.push(visit);
      out.occurrences.push(occurrence('done', visit.updatedAt, visit));
      due = nextDueAfterCompletion(duty, recipient, due, formatDay(doneDay));
      since = doneDay;
    }
  }
  return out;
}

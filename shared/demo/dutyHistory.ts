import { defaultDutyTemplates, type DutyTemplate } from '../domain/cadence';
import type { DutyKind, FestivalCode, VisitMode, VisitPurpose } from '../domain/enums';
import type { Duty, DutyOccurrence, Recurrence, Visit } from '../domain/schemas';
import { firstDueDate, nextDueAfterCompletion, nextDueDate } from '../duties';
import { addMonths, dayOf, formatDay, formatTimestamp, ymdFromDay } from './calendar';
import type { Prng } from './prng';
import type { RecipientFacts } from './recipients';
import { makeVisit, type Team } from './visits';

export interface DutyHistory {
  duties: Duty[];
  occurrences: DutyOccurrence[];
  visits: Visit[];
}

/** How far back an overdue occurrence may be due: within one period of the plan. */
const PERIOD_DAYS: Record<Recurrence['type'], number> = {
  weekly: 7, monthly: 30, quarterly: 91, half_yearly: 182, yearly: 365, birthday: 365, festival: 365, once: 30,
};

/** The demo hero's monthly visit is this many days overdue on `today`. */
export const DEMO_HERO_OVERDUE_DAYS = 10;

/**
 * A day on or after `day` whose day of month is at most 28, so a monthly plan's dates are the
 * same whatever rule the engine uses for short months.
 */
function dayOfMonthAtMost28(day: number): number {
  const { day: dom } = ymdFromDay(day);
  return dom > 28 ? day + (32 - dom) : day;
}

function anchorFor(rng: Prng, t: DutyTemplate, facts: RecipientFacts, demoHeroVisit: boolean, todayDay: number): string {
  const start = facts.startDay;
  const r = t.recurrence;
  if (demoHeroVisit) {
    // Anchored so the latest monthly date is DEMO_HERO_OVERDUE_DAYS before today.
    let target = todayDay - DEMO_HERO_OVERDUE_DAYS;
    const { day: dom } = ymdFromDay(target);
    if (dom > 28) target -= dom - 28;
    while (addMonths(target, -1) >= start) target = addMonths(target, -1);
    return formatDay(target);
  }
  switch (r.type) {
    case 'weekly': return formatDay(start + rng.int(0, 6));
    case 'monthly': return formatDay(dayOfMonthAtMost28(start + rng.int(0, 27)));
    case 'quarterly': return formatDay(dayOfMonthAtMost28(start + rng.int(0, 89)));
    case 'half_yearly': return formatDay(dayOfMonthAtMost28(start + rng.int(0, 179)));
    case 'once': return r.date;
    default: {
      const first = firstDueDate({ recurrence: r, anchorDate: formatDay(start) }, facts.row, formatDay(start));
      return first ?? formatDay(start);
    }
  }
}

/** How a duty is done: by which kind of contact, for which purpose, and how early or late. */
function howDone(rng: Prng, kind: DutyKind): { mode: VisitMode; purpose: VisitPurpose; shift: number } {
  switch (kind) {
    case 'phone_call': return { mode: 'phone', purpose: 'routine', shift: rng.int(-1, 2) };
    case 'home_visit': return { mode: 'home', purpose: 'routine', shift: rng.int(-6, 8) };
    case 'birthday': return { mode: 'home', purpose: 'birthday', shift: -rng.int(0, 1) };
    case 'festival': return { mode: 'home', purpose: 'festival', shift: -rng.int(0, 5) };
    case 'checkup': return { mode: 'hospital', purpose: 'health', shift: rng.int(-10, 20) };
    case 'medical_escort': return { mode: 'hospital', purpose: 'health', shift: 0 };
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
  const templates: (DutyTemplate & { source: Duty['source'] })[] = defaultDutyTemplates(recipient.categories).map((t) => ({ ...t, source: 'default' }));
  if (facts.hero) templates.push({ kind: 'checkup', recurrence: { type: 'yearly', month: rng.int(3, 11), day: rng.int(1, 28) }, source: 'custom' });
  if (active && recipient.livingSituation.includes('dependent') && rng.chance(0.2)) {
    templates.push({ kind: 'medical_escort', recurrence: { type: 'once', date: formatDay(todayDay + rng.int(-3, 20)) }, source: 'custom' });
  }

  for (const t of templates) {
    const demoHeroVisit = demoHero && t.kind === 'home_visit' && t.recurrence.type === 'monthly';
    const anchorDate = anchorFor(rng, t, facts, demoHeroVisit, todayDay);
    const createdDay = Math.min(facts.startDay, dayOf(anchorDate));
    const duty: Duty = {
      id: rng.uuid(),
      recipientId: recipient.id,
      stationCode: recipient.stationCode,
      kind: t.kind,
      recurrence: t.recurrence,
      anchorDate,
      assigneeId: team.dedicatedStaffId ?? rng.pick(team.caseworkers),
      active,
      source: t.source,
      note: t.kind === 'medical_escort' ? '陪同到市人民医院复查' : '',
      rev: 1,
      updatedAt: formatTimestamp(active ? createdDay : facts.endDay, rng.int(540, 1050)),
    };
    out.duties.push(duty);

    const missFrom = demoHeroVisit
      ? todayDay - DEMO_HERO_OVERDUE_DAYS - 2
      : rng.chance(facts.hero ? 0.08 : 0.06) ? todayDay - rng.int(1, PERIOD_DAYS[t.recurrence.type]) : Infinity;
    let due: string | null = anchorDate;
    let since = createdDay;
    while (due !== null) {
      const dueDay = dayOf(due);
      const id = rng.uuid();
      // One object per occurrence, written once its outcome is known (millions of rows).
      const occurrence = (status: DutyOccurrence['status'], updatedAt: string, visit: Visit | null = null): DutyOccurrence => ({
        id, dutyId: duty.id, recipientId: recipient.id, stationCode: recipient.stationCode, dueDate: due!, status,
        doneAt: visit?.visitedAt ?? null, visitId: visit?.id ?? null, rev: 1, updatedAt,
      });
      if (!active && dueDay >= facts.endDay) {
        out.occurrences.push(occurrence('cancelled', formatTimestamp(facts.endDay, 600)));
        break;
      }
      if (dueDay >= todayDay || dueDay >= missFrom) {
        out.occurrences.push(occurrence('pending', formatTimestamp(since, 480)));
        break;
      }
      const how = howDone(rng, t.kind);
      const doneDay = Math.max(since, dueDay + how.shift);
      if (doneDay >= facts.endDay) {
        // Not done yet: late (overdue) for an active recipient, dropped for one who left.
        out.occurrences.push(active ? occurrence('pending', formatTimestamp(since, 480)) : occurrence('cancelled', formatTimestamp(facts.endDay, 600)));
        break;
      }
      if (rng.chance(0.01)) {
        // In hospital, away visiting family…: the caseworker cancels this one.
        out.occurrences.push(occurrence('cancelled', formatTimestamp(doneDay, 600)));
        due = nextDueDate(duty, recipient, due);
        since = doneDay;
        continue;
      }
      const festival: FestivalCode | null = t.recurrence.type === 'festival' ? t.recurrence.festival : null;
      const visit = makeVisit(rng, facts, team, doneDay, how.mode, how.purpose, festival, id);
      out.visits.push(visit);
      out.occurrences.push(occurrence('done', visit.updatedAt, visit));
      due = nextDueAfterCompletion(duty, recipient, due, formatDay(doneDay));
      since = doneDay;
    }
  }
  return out;
}

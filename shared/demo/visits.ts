import type { FestivalCode, VisitMode, VisitPurpose } from '../domain/enums';
import type { Visit } from '../domain/schemas';
import { festivalDate, solarBirthdayInYear } from '../duties';
import { ymdOfEpochDay } from '../calendar/shanghai';
import { dayOf, formatTimestamp } from './calendar';
import type { Prng } from './prng';
import type { RecipientFacts } from './recipients';
import { VISIT_NOTES } from './texts';

/** Who works on one recipient: the dedicated staff member of a hero, else the community's caseworkers. */
export interface Team {
  caseworkers: readonly string[];
  dedicatedStaffId: string | null;
}

type Level = 'good' | 'fair' | 'poor';
const HEALTH: readonly (readonly [Level, number])[] = [
  ['good', 35],
  ['fair', 45],
  ['poor', 20],
];
const LIVING: readonly (readonly [Level, number])[] = [
  ['good', 50],
  ['fair', 40],
  ['poor', 10],
];
const MOOD: readonly (readonly [Level, number])[] = [
  ['good', 60],
  ['fair', 35],
  ['poor', 5],
];

export function staffFor(rng: Prng, team: Team, mode: VisitMode): string[] {
  if (team.dedicatedStaffId !== null) {
    // A caseworker sometimes comes along on a hero's home visit.
    if (mode === 'home' && team.caseworkers.length > 0 && rng.chance(0.25)) return [team.dedicatedStaffId, rng.pick(team.caseworkers)];
    return [team.dedicatedStaffId];
  }
  if (team.caseworkers.length > 1 && mode === 'home' && rng.chance(0.1)) return [...team.caseworkers];
  return [rng.pick(team.caseworkers)];
}

/** Phone contacts happen later in the day than doorstep visits. */
export function minuteFor(rng: Prng, mode: VisitMode): number {
  return mode === 'phone' || mode === 'video' ? rng.int(510, 1170) : rng.int(540, 1050);
}

export function makeVisit(
  rng: Prng,
  facts: RecipientFacts,
  team: Team,
  day: number,
  mode: VisitMode,
  purpose: VisitPurpose,
  festival: FestivalCode | null,
  dutyOccurrenceId: string | null,
): Visit {
  const id = rng.uuid();
  const minute = minuteFor(rng, mode);
  const remote = mode === 'phone' || mode === 'video';
  return {
    id,
    recipientId: facts.row.id,
    stationCode: facts.row.stationCode,
    visitedAt: formatTimestamp(day, minute),
    mode,
    outcome: 'reached',
    purpose,
    festival,
    staffIds: staffFor(rng, team, mode),
    condition: {
      health: rng.weighted(HEALTH),
      living: remote && rng.chance(0.5) ? null : rng.weighted(LIVING),
      mood: rng.weighted(MOOD),
    },
    notes: rng.chance(0.15) ? '' : rng.pick(VISIT_NOTES[purpose]),
    dutyOccurrenceId,
    photos: mode === 'home' && rng.chance(0.15) ? [`photos/${id}-1.jpg`] : [],
    rev: 1,
    // Entered the same day, a little after the visit.
    updatedAt: formatTimestamp(day, minute + 20),
  };
}

const EXTRA_PURPOSES: readonly (readonly [VisitPurpose, number])[] = [
  ['routine', 60],
  ['condolence', 10],
  ['health', 12],
  ['hardship', 8],
  ['festival', 7],
  ['birthday', 3],
];
const ROUTINE_MODES: readonly (readonly [VisitMode, number])[] = [
  ['phone', 45],
  ['home', 35],
  ['station', 10],
  ['video', 10],
];
const FESTIVALS: readonly (readonly [FestivalCode, number])[] = [
  ['spring_festival', 40],
  ['mid_autumn', 30],
  ['army_day', 20],
  ['national_day', 10],
];

/**
 * Visits that no duty asked for: routine calls, condolence, health and hardship help, the
 * odd festival or birthday greeting. Festival and birthday visits fall on their real dates.
 */
export function makeExtraVisit(rng: Prng, facts: RecipientFacts, team: Team): Visit {
  const { startDay, endDay } = facts;
  let purpose = rng.weighted(EXTRA_PURPOSES);
  let day = rng.int(startDay, endDay - 1);
  let festival: FestivalCode | null = null;
  if (purpose === 'festival') {
    festival = rng.weighted(FESTIVALS);
    day = dayOf(festivalDate(festival, ymdOfEpochDay(day).year)) - rng.int(0, 4);
  } else if (purpose === 'birthday') {
    day = dayOf(solarBirthdayInYear(facts.row.birthDate, ymdOfEpochDay(day).year));
  }
  if (day < startDay || day >= endDay) {
    purpose = 'routine';
    festival = null;
    day = rng.int(startDay, endDay - 1);
  }
  const mode: VisitMode =
    purpose === 'routine'
      ? rng.weighted(ROUTINE_MODES)
      : purpose === 'health' || purpose === 'condolence'
        ? rng.chance(0.35)
          ? 'hospital'
          : 'home'
        : purpose === 'hardship'
          ? rng.chance(0.15)
            ? 'station'
            : 'home'
          : 'home';
  return makeVisit(rng, facts, team, day, mode, purpose, festival, null);
}

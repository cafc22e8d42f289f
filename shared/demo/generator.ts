import type { Aid, Duty, DutyOccurrence, Recipient, Request, Visit } from '../domain/schemas';
import { DEMO_TODAY } from './accounts';
import { makeAid } from './aid';
import { addMonthsToEpochDay, epochDayFromYmd, epochDayOf, ymdOfEpochDay } from '../calendar/shanghai';
import { makeDutyHistory } from './dutyHistory';
import { IdNumberFactory } from './idNumbers';
import { Population, type Community } from './population';
import { Prng } from './prng';
import { makeRecipient } from './recipients';
import { makeRequests } from './requests';
import { planStaff } from './staff';
import type { DemoRow } from './types';
import { makeExtraVisit, type Team } from './visits';

export interface DemoOptions {
  recipients: number;
  seed: number;
  /** The day the data set depicts (`YYYY-MM-DD`); defaults to DEMO_TODAY. */
  today?: string;
  /** Only this station and below (its ancestors are included so staff stations resolve). */
  scopePrefix?: string;
  /**
   * false: stations, staff and recipients only, without five years of history. The recipient
   * rows are the same either way (each recipient draws from its own stream); benchmarks of
   * the caseload use it to build 50,000 recipients in seconds.
   */
  history?: boolean;
  /**
   * Months of history before today; defaults to HISTORY_YEARS years. Benchmarks use a shorter
   * window to reach a given number of visits per recipient (issue 4: 50,000 recipients with
   * 500,000 visits) without millions of rows.
   */
  historyMonths?: number;
}

/** Years of history before today, as DOMAIN.md's volumes assume. */
export const HISTORY_YEARS = 5;
/** DOMAIN.md: about 10 visits a year per recipient (duty visits count towards it). */
const VISITS_PER_YEAR = 10;
/** Recipients generated and written together: bounds memory whatever the total. */
const BLOCK_SIZE = 16;

interface Block {
  recipients: Recipient[];
  duties: Duty[];
  dutyOccurrences: DutyOccurrence[];
  visits: Visit[];
  aid: Aid[];
  requests: Request[];
}

const emptyBlock = (): Block => ({ recipients: [], duties: [], dutyOccurrences: [], visits: [], aid: [], requests: [] });

/**
 * The demo data set as a stream of rows, deterministic for its options.
 *
 * Order: all stations (parents first), all staff, then recipients in blocks of 256; each block
 * yields its recipients, duties, dutyOccurrences, visits, aid and requests. Every reference
 * points to a row already yielded, except `dutyOccurrences.visitId`, which names a visit later
 * in the same block (the occurrence exists before the visit that completes it; the visit
 * names it back through `dutyOccurrenceId`).
 *
 * Memory stays flat: recipient i is drawn from its own seeded stream, so a cheap first pass
 * (community and category only) sizes the staff, and the second pass regenerates each
 * recipient in full, one block at a time.
 */
export function* generateDemoRows(opts: DemoOptions): Generator<DemoRow, void, undefined> {
  const n = opts.recipients;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error('recipients must be a positive integer');
  if (!Number.isSafeInteger(opts.seed)) throw new Error('seed must be an integer');
  const todayDay = epochDayOf(opts.today ?? DEMO_TODAY);
  const { year, month, day } = ymdOfEpochDay(todayDay);
  const windowStartDay =
    opts.historyMonths === undefined
      ? epochDayFromYmd(year - HISTORY_YEARS, month, Math.min(day, 28))
      : monthsBefore(year, month, day, opts.historyMonths);
  const population = new Population({ recipients: n, seed: opts.seed, scopePrefix: opts.scopePrefix ?? '4403' });

  for (const row of population.stations) yield { table: 'stations', row };

  // Pass 1: who lives where, and who is a hero, decides the staff.
  const perCommunity = new Uint32Array(population.communities.length);
  const heroes: { index: number; community: Community; demoHero: boolean }[] = [];
  for (let i = 0; i < n; i++) {
    const plan = population.plan(i, population.rngFor(i));
    perCommunity[plan.community.index]! += 1;
    if (plan.primary === 'combat_hero' || plan.primary === 'first_class_merit')
      heroes.push({ index: i, community: plan.community, demoHero: plan.demoHero });
  }
  const districtCodes = population.stations.filter((s) => s.level === 'district').map((s) => s.code);
  const staff = planStaff(Prng.forStream(opts.seed, 0x5eed_0002), {
    districtCodes,
    recipientsPerCommunity: perCommunity,
    communities: population.communities,
    heroes,
    todayDay,
  });
  for (const row of staff.rows) yield { table: 'staff', row };

  // Pass 2: every recipient in full, a block at a time.
  const ids = new IdNumberFactory();
  let block = emptyBlock();
  for (let i = 0; i < n; i++) {
    const rng = population.rngFor(i);
    const plan = population.plan(i, rng);
    const team: Team = { caseworkers: staff.caseworkers.get(plan.community.code) ?? [], dedicatedStaffId: staff.dedicated.get(i) ?? null };
    const facts = makeRecipient(plan, rng, { todayDay, windowStartDay, ids, dedicatedStaffId: team.dedicatedStaffId });
    if (opts.history === false) {
      block.recipients.push(facts.row);
      if (block.recipients.length === BLOCK_SIZE || i === n - 1) {
        yield* flush(block);
        block = emptyBlock();
      }
      continue;
    }
    const history = makeDutyHistory(rng, facts, team, todayDay, plan.demoHero);
    const visits = history.visits;
    const years = (facts.endDay - facts.startDay) / 365.25;
    const wanted = Math.round(years * rng.normalish(VISITS_PER_YEAR, 2.5, 4, 18));
    // Heroes' weekly calls exceed the average on their own; they still get the odd extra visit.
    const extra = Math.max(wanted - visits.length, facts.hero ? Math.round(years * 2) : 0);
    for (let k = 0; k < extra; k++) visits.push(makeExtraVisit(rng, facts, team));
    visits.sort((a, b) => (a.visitedAt < b.visitedAt ? -1 : a.visitedAt > b.visitedAt ? 1 : 0));

    block.recipients.push(facts.row);
    pushAll(block.duties, history.duties);
    pushAll(block.dutyOccurrences, history.occurrences);
    pushAll(block.visits, visits);
    pushAll(block.aid, makeAid(rng, facts, plan.community, visits, todayDay));
    pushAll(block.requests, makeRequests(rng, facts, plan.community, team, visits, todayDay));

    if (block.recipients.length === BLOCK_SIZE || i === n - 1) {
      yield* flush(block);
      block = emptyBlock();
    }
  }
}

function monthsBefore(year: number, month: number, day: number, months: number): number {
  if (!Number.isSafeInteger(months) || months < 1) throw new Error('historyMonths must be a positive integer');
  return addMonthsToEpochDay(epochDayFromYmd(year, month, Math.min(day, 28)), -months);
}

function pushAll<T>(into: T[], rows: readonly T[]): void {
  for (const r of rows) into.push(r);
}

function* flush(b: Block): Generator<DemoRow, void, undefined> {
  for (const row of b.recipients) yield { table: 'recipients', row };
  for (const row of b.duties) yield { table: 'duties', row };
  for (const row of b.dutyOccurrences) yield { table: 'dutyOccurrences', row };
  for (const row of b.visits) yield { table: 'visits', row };
  for (const row of b.aid) yield { table: 'aid', row };
  for (const row of b.requests) yield { table: 'requests', row };
}

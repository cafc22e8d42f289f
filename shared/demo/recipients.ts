import type { CategoryCode, LivingSituation } from '../domain/enums';
import type { CategoryEntry, Recipient } from '../domain/schemas';
import { address, landline, mobile } from './contacts';
import { addMonthsToEpochDay, epochDayFromYmd, ymdOfEpochDay } from '../calendar/shanghai';
import { formatDay, formatTimestamp } from './calendar';
import { DEMO_HERO_OVERDUE_DAYS } from './accounts';
import { HEALTH_CONDITIONS, EMERGENCY_RELATIONS, TAGS_KEY_RECIPIENT } from './texts';
import type { IdNumberFactory } from './idNumbers';
import { type Gender, personName, pickSurname, surnameOf } from './names';
import type { RecipientPlan } from './population';
import type { Prng } from './prng';

/** What the history generator needs to know beyond the row itself. */
export interface RecipientFacts {
  row: Recipient;
  birthDay: number;
  /** First day of this recipient's history (registration, or the start of the 5-year window). */
  startDay: number;
  /** Day after the last possible record: today, or the day of moving away or death. */
  endDay: number;
  hero: boolean;
}

export interface RecipientContext {
  todayDay: number;
  windowStartDay: number;
  ids: IdNumberFactory;
  dedicatedStaffId: string | null;
}

const FAMILY_CATEGORIES: readonly CategoryCode[] = ['martyr_family', 'duty_death_family', 'illness_death_family'];
const YEAR = 365.25;
const MIN_BIRTH_DAY = epochDayFromYmd(1924, 1, 1);

type Relation = NonNullable<CategoryEntry['relation']>;

function entry(code: CategoryCode, extra: Partial<CategoryEntry> = {}): CategoryEntry {
  return { code, disabilityGrade: null, disabilityCause: null, relation: null, fallenName: null, fallenDate: null, ...extra };
}

function disabledEntry(
  rng: Prng,
  grades: readonly (readonly [number, number])[],
  causes: readonly (readonly [NonNullable<CategoryEntry['disabilityCause']>, number])[],
): CategoryEntry {
  return entry('disabled_veteran', { disabilityGrade: rng.weighted(grades), disabilityCause: rng.weighted(causes) });
}

const ALL_GRADES = [
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 6],
  [5, 8],
  [6, 10],
  [7, 14],
  [8, 16],
  [9, 17],
  [10, 20],
] as const;
const SEVERE_GRADES = [
  [1, 1],
  [2, 2],
  [3, 3],
  [4, 3],
  [5, 3],
  [6, 2],
] as const;
const CAUSES = [
  ['war', 25],
  ['duty', 50],
  ['illness', 25],
] as const;

/**
 * A recipient's profile: categories first (they decide age and gender), then the ID number
 * that encodes both, then the rest.
 */
export function makeRecipient(plan: RecipientPlan, rng: Prng, ctx: RecipientContext): RecipientFacts {
  const { todayDay } = ctx;
  const primary = plan.primary;
  const hero = primary === 'combat_hero' || primary === 'first_class_merit';
  let gender: Gender = 'male';
  let age: number;
  let relation: Relation | null = null;
  const categories: CategoryEntry[] = [];

  if (hero) {
    age = primary === 'combat_hero' ? rng.normalish(82, 7, 66, 99) : rng.normalish(72, 9, 56, 97);
    if (primary === 'first_class_merit' && rng.chance(0.03)) gender = 'female';
    categories.push(entry(primary));
    if (plan.demoHero || rng.chance(0.4)) categories.push(disabledEntry(rng, SEVERE_GRADES, [['war', 1]]));
  } else if (FAMILY_CATEGORIES.includes(primary)) {
    relation = rng.weighted<Relation>([
      ['parent', 15],
      ['spouse', 30],
      ['child', 45],
      ['sibling', 10],
    ]);
    gender = relation === 'spouse' ? (rng.chance(0.95) ? 'female' : 'male') : rng.chance(0.5) ? 'female' : 'male';
    age = {
      parent: rng.normalish(88, 5, 75, 100),
      spouse: rng.normalish(74, 10, 48, 96),
      child: rng.normalish(56, 10, 32, 80),
      sibling: rng.normalish(70, 10, 45, 95),
      other: 70,
    }[relation];
  } else if (primary === 'disabled_veteran') {
    gender = rng.chance(0.96) ? 'male' : 'female';
    age = rng.normalish(72, 10, 50, 98);
    categories.push(disabledEntry(rng, ALL_GRADES, CAUSES));
    if (rng.chance(0.1)) categories.push(entry('key_recipient'));
  } else {
    gender = rng.chance(0.93) ? 'male' : 'female';
    age = rng.normalish(77, 8, 60, 100);
    categories.push(entry('key_recipient'));
  }

  const birthDay = Math.max(MIN_BIRTH_DAY, todayDay - Math.floor(age * YEAR) - rng.int(0, 364));
  const birthYear = ymdOfEpochDay(birthDay).year;
  const surname = pickSurname(rng);
  const name = personName(rng, gender, birthYear, surname);

  // Registration day, on which the app anchored the duty plans: most of the caseload was
  // entered in the first half-year of the window (spreading their due dates), the rest since.
  let startDay = rng.chance(0.8) ? ctx.windowStartDay + rng.int(0, 180) : rng.int(ctx.windowStartDay, todayDay - 60);
  if (plan.demoHero) startDay = demoHeroRegistration(ctx.windowStartDay, todayDay);
  if (relation !== null) {
    const fallen = fallenServiceman(rng, relation, gender, surname, birthDay, todayDay);
    categories.push(entry(primary, { relation, fallenName: fallen.name, fallenDate: formatDay(fallen.day) }));
    if (rng.chance(0.05)) categories.push(entry('key_recipient'));
    // A family is registered after the death, not before it.
    startDay = Math.max(startDay, Math.min(fallen.day + 30, todayDay - 30));
  }

  const idNumber = ctx.ids.make(rng, plan.community.idRegion, birthDay, gender);
  const lunarBirthday = rng.chance(birthYear < 1960 ? 0.2 : 0.05);

  const phones: string[] = [];
  if (rng.chance(0.85)) phones.push(mobile(rng));
  if (phones.length === 0 || rng.chance(0.35)) phones.push(landline(rng));

  const livingSituation: LivingSituation[] = [];
  const r = rng.next();
  if (r < 0.12) livingSituation.push('alone');
  else if (r < 0.42) livingSituation.push('empty_nest');
  if (rng.chance(age >= 85 ? 0.15 : 0.04)) livingSituation.push('dependent');

  const conditions = rng.chance(0.25) ? 0 : rng.int(1, age >= 80 ? 3 : 2);
  const health: string[] = [];
  for (let i = 0; i < conditions; i++) {
    const c = rng.pick(HEALTH_CONDITIONS);
    if (!health.includes(c)) health.push(c);
  }

  const contacts: Recipient['emergencyContacts'] = [];
  const contactCount = rng.weighted([
    [0, 10],
    [1, 60],
    [2, 30],
  ] as const);
  for (let i = 0; i < contactCount; i++) {
    const rel = rng.pick(EMERGENCY_RELATIONS);
    const contactGender: Gender = ['女儿', '儿媳', '外甥女'].includes(rel)
      ? 'female'
      : rel === '配偶'
        ? gender === 'male'
          ? 'female'
          : 'male'
        : 'male';
    const sameSurname = (rel === '儿子' || rel === '女儿' || rel === '孙子') && gender === 'male';
    const contactBirthYear = rel === '配偶' ? birthYear + rng.int(-3, 5) : birthYear + rng.int(22, 50);
    contacts.push({
      name: personName(rng, contactGender, contactBirthYear, sameSurname ? surnameOf(name) : undefined),
      relation: rel,
      phone: mobile(rng),
    });
  }

  const pension = categories.some((c) => c.code !== 'key_recipient') ? 'pension' : 'living_allowance';
  const status: Recipient['status'] = hero
    ? 'active'
    : rng.weighted([
        ['active', 965],
        ['deceased', 20],
        ['moved', 15],
      ] as const);
  const statusDay = status === 'active' ? null : Math.max(startDay + 30, rng.int(todayDay - 3 * 365, todayDay - 7));
  const grade = categories.find((c) => c.disabilityGrade !== null)?.disabilityGrade ?? 10;

  const tags: string[] = [];
  if (categories.some((c) => c.code === 'key_recipient')) tags.push(rng.pick(TAGS_KEY_RECIPIENT));
  if (age >= 90) tags.push('高龄');
  if (livingSituation.includes('dependent') || (livingSituation.includes('alone') && age >= 80)) tags.push('重点关注');

  const c = plan.community;
  const row: Recipient = {
    id: rng.uuid(),
    name,
    gender,
    idNumber,
    birthDate: formatDay(birthDay),
    lunarBirthday,
    phones,
    address: address(rng, c.districtName, c.streetName, c.name),
    stationCode: c.code,
    categories,
    livingSituation,
    healthNotes: health.join('；'),
    pensionKind: rng.chance(0.08) ? null : pension,
    emergencyContacts: contacts,
    dedicatedStaffId: ctx.dedicatedStaffId,
    medicalCard: hero || grade <= 4 || rng.chance(0.1),
    status,
    statusDate: statusDay === null ? null : formatDay(statusDay),
    tags,
    rev: 1,
    updatedAt: formatTimestamp(Math.min(statusDay ?? todayDay, todayDay - rng.int(1, 200)), rng.int(540, 1050)),
  };
  return { row, birthDay, startDay, endDay: statusDay ?? todayDay, hero };
}

/** The fallen serviceman of a family: his name and a date of death consistent with the relative's age. */
function fallenServiceman(
  rng: Prng,
  relation: Relation,
  gender: Gender,
  surname: string,
  birthDay: number,
  todayDay: number,
): { name: string; day: number } {
  const yearsAfterBirth = { parent: rng.int(38, 62), spouse: rng.int(22, 50), child: rng.int(0, 25), sibling: rng.int(15, 45), other: 30 }[
    relation
  ];
  const min = epochDayFromYmd(1950, 10, 1);
  const day = Math.min(todayDay - 365, Math.max(min, birthDay + Math.floor(yearsAfterBirth * YEAR) + rng.int(0, 364)));
  const shares = relation === 'child' || relation === 'sibling' || (relation === 'parent' && gender === 'male');
  const name = personName(rng, 'male', ymdOfEpochDay(day).year - rng.int(19, 40), shares ? surname : undefined);
  return { name, day };
}

/**
 * The demo hero was registered on a day of month that makes the latest monthly visit date
 * DEMO_HERO_OVERDUE_DAYS before today, so that visit is overdue whatever `today` is.
 */
export function demoHeroRegistration(windowStartDay: number, todayDay: number): number {
  let day = todayDay - DEMO_HERO_OVERDUE_DAYS;
  const { day: dom } = ymdOfEpochDay(day);
  // Day 29–31 would be clamped in short months; stay on a date every month has.
  if (dom > 28) day -= dom - 28;
  while (addMonthsToEpochDay(day, -1) >= windowStartDay) day = addMonthsToEpochDay(day, -1);
  return day;
}

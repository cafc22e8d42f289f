import type { CategoryCode, DutyKind } from './enums';
import type { CategoryEntry, Recurrence } from './schemas';

/**
 * The category catalogue's default cadence rules, as data (DOMAIN.md: "a configurable rule,
 * not law"). A recipient's default duty plans are the union of the plans of every rule that
 * matches one of their categories, without repeating an identical plan.
 */
export interface DutyTemplate {
  kind: DutyKind;
  recurrence: Recurrence;
}

export interface CadenceRule {
  category: CategoryCode;
  /** Restricts a rule to a range of disability grades (1 is the most severe). */
  grades?: { min: number; max: number };
  /** Heroes get a dedicated staff member and a gold badge wherever they appear. */
  dedicatedStaff: boolean;
  duties: DutyTemplate[];
}

const heroDuties: DutyTemplate[] = [
  { kind: 'phone_call', recurrence: { type: 'weekly' } },
  { kind: 'home_visit', recurrence: { type: 'monthly' } },
  { kind: 'birthday', recurrence: { type: 'birthday' } },
  { kind: 'festival', recurrence: { type: 'festival', festival: 'spring_festival' } },
  { kind: 'festival', recurrence: { type: 'festival', festival: 'qingming' } },
  { kind: 'festival', recurrence: { type: 'festival', festival: 'army_day' } },
  { kind: 'festival', recurrence: { type: 'festival', festival: 'mid_autumn' } },
  { kind: 'festival', recurrence: { type: 'festival', festival: 'martyrs_day' } },
  { kind: 'festival', recurrence: { type: 'festival', festival: 'national_day' } },
];

export const DEFAULT_CADENCE_RULES: readonly CadenceRule[] = [
  { category: 'combat_hero', dedicatedStaff: true, duties: heroDuties },
  { category: 'first_class_merit', dedicatedStaff: true, duties: heroDuties },
  {
    category: 'martyr_family',
    dedicatedStaff: false,
    duties: [
      { kind: 'home_visit', recurrence: { type: 'quarterly' } },
      { kind: 'festival', recurrence: { type: 'festival', festival: 'qingming' } },
      { kind: 'festival', recurrence: { type: 'festival', festival: 'martyrs_day' } },
      { kind: 'festival', recurrence: { type: 'festival', festival: 'spring_festival' } },
    ],
  },
  {
    category: 'duty_death_family',
    dedicatedStaff: false,
    duties: [
      { kind: 'home_visit', recurrence: { type: 'half_yearly' } },
      { kind: 'festival', recurrence: { type: 'festival', festival: 'spring_festival' } },
    ],
  },
  {
    category: 'illness_death_family',
    dedicatedStaff: false,
    duties: [
      { kind: 'home_visit', recurrence: { type: 'half_yearly' } },
      { kind: 'festival', recurrence: { type: 'festival', festival: 'spring_festival' } },
    ],
  },
  {
    category: 'disabled_veteran',
    grades: { min: 1, max: 4 },
    dedicatedStaff: false,
    duties: [{ kind: 'home_visit', recurrence: { type: 'quarterly' } }],
  },
  {
    category: 'disabled_veteran',
    grades: { min: 5, max: 10 },
    dedicatedStaff: false,
    duties: [{ kind: 'home_visit', recurrence: { type: 'half_yearly' } }],
  },
  {
    category: 'key_recipient',
    dedicatedStaff: false,
    duties: [
      { kind: 'home_visit', recurrence: { type: 'half_yearly' } },
      { kind: 'festival', recurrence: { type: 'festival', festival: 'spring_festival' } },
      { kind: 'festival', recurrence: { type: 'festival', festival: 'army_day' } },
    ],
  },
];

export const HERO_CATEGORIES: readonly CategoryCode[] = DEFAULT_CADENCE_RULES.filter((r) => r.dedicatedStaff).map((r) => r.category);

export function isHero(categories: readonly Pick<CategoryEntry, 'code'>[]): boolean {
  return categories.some((c) => HERO_CATEGORIES.includes(c.code));
}

function ruleMatches(rule: CadenceRule, entry: CategoryEntry): boolean {
  if (rule.category !== entry.code) return false;
  if (!rule.grades) return true;
  const grade = entry.disabilityGrade;
  return grade !== null && grade >= rule.grades.min && grade <= rule.grades.max;
}

const visitRank: Partial<Record<Recurrence['type'], number>> = { weekly: 4, monthly: 3, quarterly: 2, half_yearly: 1 };

/**
 * Default duty plans for a recipient's categories. Identical plans appear once, and of the
 * periodic home-visit plans only the most frequent is kept (a hero who is also a disabled
 * veteran is visited monthly, not monthly and quarterly).
 */
export function defaultDutyTemplates(
  categories: readonly CategoryEntry[],
  rules: readonly CadenceRule[] = DEFAULT_CADENCE_RULES,
): DutyTemplate[] {
  const seen = new Map<string, DutyTemplate>();
  for (const entry of categories) {
    for (const rule of rules) {
      if (!ruleMatches(rule, entry)) continue;
      for (const t of rule.duties) seen.set(JSON.stringify(t), t);
    }
  }
  const all = [...seen.values()];
  const periodicVisits = all.filter((t) => t.kind === 'home_visit' && visitRank[t.recurrence.type] !== undefined);
  const best = periodicVisits.reduce<DutyTemplate | undefined>(
    (a, t) => (a === undefined || visitRank[t.recurrence.type]! > visitRank[a.recurrence.type]! ? t : a),
    undefined,
  );
  return all.filter((t) => !periodicVisits.includes(t) || t === best);
}

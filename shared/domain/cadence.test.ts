import { describe, expect, it } from 'vitest';
import { categoryEntrySchema, type CategoryEntry } from './schemas';
import { defaultDutyTemplates, isHero } from './cadence';

const entry = (input: Partial<CategoryEntry> & Pick<CategoryEntry, 'code'>): CategoryEntry => categoryEntrySchema.parse(input);
const summary = (entries: CategoryEntry[]) =>
  defaultDutyTemplates(entries)
    .map((t) => `${t.kind}:${t.recurrence.type}${'festival' in t.recurrence ? `:${t.recurrence.festival}` : ''}`)
    .sort();

describe('default cadence rules', () => {
  it('gives a combat hero a weekly call, a monthly visit, the birthday and every festival', () => {
    expect(summary([entry({ code: 'combat_hero' })])).toEqual([
      'birthday:birthday',
      'festival:festival:army_day',
      'festival:festival:martyrs_day',
      'festival:festival:mid_autumn',
      'festival:festival:national_day',
      'festival:festival:qingming',
      'festival:festival:spring_festival',
      'home_visit:monthly',
      'phone_call:weekly',
    ]);
  });

  it("gives a martyr's family a quarterly visit, Qingming, Martyrs' Day and Spring Festival", () => {
    expect(summary([entry({ code: 'martyr_family', relation: 'parent' })])).toEqual([
      'festival:festival:martyrs_day',
      'festival:festival:qingming',
      'festival:festival:spring_festival',
      'home_visit:quarterly',
    ]);
  });

  it.each([
    [1, 'home_visit:quarterly'],
    [4, 'home_visit:quarterly'],
    [5, 'home_visit:half_yearly'],
    [10, 'home_visit:half_yearly'],
  ])('visits a disabled veteran of grade %i: %s', (grade, expected) => {
    expect(summary([entry({ code: 'disabled_veteran', disabilityGrade: grade })])).toEqual([expected]);
  });

  it('keeps only the most frequent periodic visit and no repeated festival', () => {
    const s = summary([
      entry({ code: 'first_class_merit' }),
      entry({ code: 'disabled_veteran', disabilityGrade: 2 }),
      entry({ code: 'key_recipient' }),
    ]);
    expect(s.filter((x) => x.startsWith('home_visit'))).toEqual(['home_visit:monthly']);
    expect(s.filter((x) => x === 'festival:festival:spring_festival')).toHaveLength(1);
  });

  it('marks combat heroes and first-class merit holders as heroes only', () => {
    expect(isHero([{ code: 'combat_hero' }])).toBe(true);
    expect(isHero([{ code: 'key_recipient' }, { code: 'first_class_merit' }])).toBe(true);
    expect(isHero([{ code: 'martyr_family' }, { code: 'disabled_veteran' }])).toBe(false);
  });

  it('requires a grade for a disabled veteran', () => {
    expect(categoryEntrySchema.safeParse({ code: 'disabled_veteran' }).success).toBe(false);
  });
});

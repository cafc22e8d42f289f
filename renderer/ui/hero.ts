import type { CategoryCode } from '../../shared/domain/enums';

/** Combat heroes and first-class merit holders carry a gold badge wherever they appear. */
export const HERO_CATEGORIES: readonly CategoryCode[] = ['combat_hero', 'first_class_merit'];

export interface CategoryRef {
  code: CategoryCode;
}

export function isHeroCategory(code: CategoryCode): boolean {
  return HERO_CATEGORIES.includes(code);
}

export function isHero(categories: readonly CategoryRef[]): boolean {
  return categories.some((c) => isHeroCategory(c.code));
}

import { HERO_CATEGORIES, isHero } from '../../shared/domain/cadence';
import type { CategoryCode } from '../../shared/domain/enums';

/** Hero categories come from the cadence rules (shared/domain/cadence): one source of truth. */
export { HERO_CATEGORIES, isHero };

export interface CategoryRef {
  code: CategoryCode;
}

export function isHeroCategory(code: CategoryCode): boolean {
  return HERO_CATEGORIES.includes(code);
}

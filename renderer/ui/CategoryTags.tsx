import { Tag } from 'antd';
import { useMessages, useStrings } from '../app/i18n';
import { CATEGORY, type CategoryCode } from '../../shared/domain/enums';
import { isHeroCategory } from './hero';
import { uiStrings } from './strings';

export interface CategoryTagEntry {
  code: CategoryCode;
  disabilityGrade?: number | null;
}

/** One tag per category; hero categories are gold, a disabled veteran's grade is shown. */
export function CategoryTags({ categories, compact = false }: { categories: readonly CategoryTagEntry[]; compact?: boolean }) {
  const { label } = useMessages();
  const t = useStrings(uiStrings);
  return (
    <span style={{ display: 'inline-flex', flexWrap: compact ? 'nowrap' : 'wrap', gap: 4, overflow: 'hidden' }}>
      {categories.map((c) => (
        <Tag key={c.code} color={isHeroCategory(c.code) ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }} data-testid={`category-${c.code}`}>
          {label(CATEGORY.labels[c.code])}
          {c.disabilityGrade ? ` ${t('grade', { grade: c.disabilityGrade })}` : ''}
        </Tag>
      ))}
    </span>
  );
}

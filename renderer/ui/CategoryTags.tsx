import { Tag, Tooltip } from 'antd';
import { useMessages, useStrings } from '../app/i18n';
import { CATEGORY, type CategoryCode } from '../../shared/domain/enums';
import { isHeroCategory } from './hero';
import { uiStrings } from './strings';

export interface CategoryTagEntry {
  code: CategoryCode;
  disabilityGrade?: number | null;
}

/**
 * One tag per category; hero categories are gold and come first, a disabled veteran's grade
 * is shown. `compact` (table cells) shows the first tag and a "+N" whose tooltip lists the rest.
 */
export function CategoryTags({ categories, compact = false }: { categories: readonly CategoryTagEntry[]; compact?: boolean }) {
  const { label } = useMessages();
  const t = useStrings(uiStrings);
  const ordered = [...categories].sort((a, b) => Number(isHeroCategory(b.code)) - Number(isHeroCategory(a.code)));
  const text = (c: CategoryTagEntry): string =>
    `${label(CATEGORY.labels[c.code])}${c.disabilityGrade ? ` ${t('grade', { grade: c.disabilityGrade })}` : ''}`;
  const shown = compact ? ordered.slice(0, 1) : ordered;
  const rest = compact ? ordered.slice(1) : [];
  return (
    <span style={{ display: 'inline-flex', flexWrap: compact ? 'nowrap' : 'wrap', gap: 4, maxWidth: '100%', overflow: 'hidden' }}>
      {shown.map((c) => (
        <Tag
          key={c.code}
          color={isHeroCategory(c.code) ? 'gold' : 'blue'}
          style={{ marginInlineEnd: 0 }}
          data-testid={`category-${c.code}`}
        >
          {text(c)}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.map(text).join('、')}>
          <Tag style={{ marginInlineEnd: 0 }} data-testid="category-more">
            +{rest.length}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

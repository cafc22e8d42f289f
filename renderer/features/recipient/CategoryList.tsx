import { Space, Typography } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { CategoryTags } from '../../ui';
import { DISABILITY_CAUSE, FAMILY_RELATION } from '../../../shared/domain/enums';
import type { CategoryEntry } from '../../../shared/domain/schemas';
import { recipientStrings } from './strings';

/** Each category with its detail: a disabled veteran's grade and cause, a family's relation and the fallen serviceman. */
export function CategoryList({ categories }: { categories: readonly CategoryEntry[] }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  return (
    <Space orientation="vertical" size={4}>
      {categories.map((c) => {
        const details: string[] = [];
        if (c.disabilityCause) details.push(DISABILITY_CAUSE.label(c.disabilityCause, locale));
        if (c.relation || c.fallenName) {
          details.push(
            t('family', {
              relation: c.relation ? FAMILY_RELATION.label(c.relation, locale) : '—',
              fallenName: c.fallenName ?? '—',
              fallenDate: c.fallenDate ?? '—',
            }),
          );
        }
        return (
          <Space key={c.code} size={6}>
            <CategoryTags categories={[c]} />
            {details.length > 0 && <Typography.Text type="secondary">{details.join(' · ')}</Typography.Text>}
          </Space>
        );
      })}
    </Space>
  );
}

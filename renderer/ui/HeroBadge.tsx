import { TrophyFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useStrings } from '../app/i18n';
import { type CategoryRef, isHero } from './hero';
import { uiStrings } from './strings';

export const HERO_GOLD = '#d4a017';

/**
 * The gold 英雄 badge. Pass the recipient's categories (renders nothing for non-heroes) or
 * `show` when the caller already knows.
 */
export function HeroBadge({ categories, show }: { categories?: readonly CategoryRef[]; show?: boolean }) {
  const t = useStrings(uiStrings);
  const visible = show ?? (categories ? isHero(categories) : false);
  if (!visible) return null;
  return (
    <Tooltip title={t('heroTip')}>
      <Tag color="gold" icon={<TrophyFilled style={{ color: HERO_GOLD }} />} data-testid="hero-badge" style={{ marginInlineEnd: 4 }}>
        {t('hero')}
      </Tag>
    </Tooltip>
  );
}

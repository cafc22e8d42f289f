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
export function HeroBadge({ categories, show, plain = false }: { categories?: readonly CategoryRef[]; show?: boolean; plain?: boolean }) {
  const t = useStrings(uiStrings);
  const visible = show ?? (categories ? isHero(categories) : false);
  if (!visible) return null;
  const tag = (
    <Tag
      color="gold"
      icon={<TrophyFilled style={{ color: HERO_GOLD }} />}
      data-testid="hero-badge"
      style={{ marginInlineEnd: 4 }}
      title={plain ? t('heroTip') : undefined}
    >
      {t('hero')}
    </Tag>
  );
  // `plain`: a native title instead of an antd Tooltip, for long virtualised lists.
  return plain ? tag : <Tooltip title={t('heroTip')}>{tag}</Tooltip>;
}

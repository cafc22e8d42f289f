import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { CategoryTags, DateText, DueStatusTag, HeroBadge } from '../../ui';
import { dateTimeLabel } from '../../ui/dates';
import { daysBetween } from '../../../shared/calendar/shanghai';
import { lunarLabel } from '../../../shared/duties/lunarDate';
import { classifyOccurrence, daysOverdue } from '../../../shared/duties/occurrenceStatus';
import { dutyLabel, isLunarDuty } from '../common/dutyLabel';
import { heroStrings } from './strings';
import type { HeroCardData } from './useHeroCards';

const SHOWN = 4;

/** One hero: gold badge, the next duties with their status, last contact, overdue count, quick "log visit". */
export function HeroCard({ data, today }: { data: HeroCardData; today: string }) {
  const t = useStrings(heroStrings);
  const locale = useLocale();
  const { hero, pending, lastContact } = data;
  const overdue = pending.filter((p) => classifyOccurrence(p.occurrence, today) === 'overdue').length;
  const lastDate = lastContact ? dateTimeLabel(lastContact).slice(0, 10) : null;
  const logVisit = (occurrenceId?: string) => navigate('/visit/new', { recipient: hero.id, occurrence: occurrenceId, back: 'heroes' });

  return (
    <Card
      data-testid={`hero-card-${hero.id}`}
      style={{ borderColor: '#d4a017', borderWidth: 2, height: '100%' }}
      title={
        <Space size={6}>
          <HeroBadge show />
          <a href={href(`/recipients/${hero.id}`)} data-testid="hero-name">
            {hero.name}
          </a>
        </Space>
      }
      extra={
        <Button
          type="primary"
          size="small"
          icon={<FormOutlined />}
          onClick={() => logVisit(pending[0]?.occurrence.id)}
          data-testid="hero-log-visit"
        >
          {t('logVisit')}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Space size={8} wrap>
          <CategoryTags categories={hero.categories} />
          <Tag color={overdue > 0 ? 'red' : 'green'} data-testid="hero-overdue" data-count={overdue}>
            {overdue > 0 ? t('overdue', { n: overdue }) : t('noOverdue')}
          </Tag>
        </Space>
        <Typography.Text type="secondary">
          {t('lastContact')}
          {lastDate ? (
            <>
              <DateText date={lastDate} />
              {t('daysAgo', { days: daysBetween(lastDate, today) })}
            </>
          ) : (
            t('never')
          )}
        </Typography.Text>
        <Typography.Text strong>{t('nextDuties')}</Typography.Text>
        <List
          size="small"
          dataSource={pending.slice(0, SHOWN)}
          locale={{ emptyText: t('noPending') }}
          renderItem={({ occurrence: o, duty }) => {
            const state = classifyOccurrence(o, today);
            return (
              <List.Item
                data-testid="hero-duty"
                data-duty={o.dutyId}
                data-due={o.dueDate}
                data-state={state}
                actions={[
                  <Button key="log" size="small" type="link" onClick={() => logVisit(o.id)} data-testid="hero-duty-log">
                    {t('logThis')}
                  </Button>,
                ]}
              >
                <Space size={6} wrap>
                  <span>{duty ? dutyLabel(duty, locale) : '—'}</span>
                  <DateText date={o.dueDate} />
                  {duty && isLunarDuty(duty, hero.lunarBirthday) && (
                    <Typography.Text type="secondary">{lunarLabel(o.dueDate, locale)}</Typography.Text>
                  )}
                  <DueStatusTag state={state} days={state === 'overdue' ? daysOverdue(o.dueDate, today) : daysBetween(today, o.dueDate)} />
                </Space>
              </List.Item>
            );
          }}
        />
        {pending.length > SHOWN && <Typography.Text type="secondary">{t('more', { n: pending.length - SHOWN })}</Typography.Text>}
      </Flex>
    </Card>
  );
}

import { Col, Empty, Row, Skeleton } from 'antd';
import { useDbSession } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { useToday } from '../../app/useToday';
import { PageHeader } from '../../ui';
import { classifyOccurrence } from '../../../shared/duties/occurrenceStatus';
import { HeroCard } from './HeroCard';
import { heroStrings } from './strings';
import { useHeroCards } from './useHeroCards';

/** `#/heroes`: a card per hero served by the signed-in dedicated staff member, most overdue first. */
export function MyHeroesPage() {
  const t = useStrings(heroStrings);
  const { user } = useDbSession();
  const today = useToday();
  const cards = useHeroCards(user.id);
  const overdue = (c: NonNullable<typeof cards>[number]) =>
    c.pending.filter((p) => classifyOccurrence(p.occurrence, today) === 'overdue').length;
  const sorted = cards ? [...cards].sort((a, b) => overdue(b) - overdue(a)) : undefined;

  return (
    <div data-testid="heroes-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {sorted === undefined ? (
        <Skeleton active />
      ) : sorted.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {sorted.map((c) => (
            <Col key={c.hero.id} xs={24} lg={12} xxl={8}>
              <HeroCard data={c} today={today} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}

import { Card, Col, Row, Statistic } from 'antd';
import { useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { todayStrings } from './strings';
import type { TodayData } from './useTodayItems';

/** The three numbers a caseworker checks first thing in the morning. */
export function TodayCounts({ data }: { data: TodayData | undefined }) {
  const t = useStrings(todayStrings);
  const cards = [
    { key: 'overdue', title: t('overdue'), value: data?.overdue, color: '#cf1322', onClick: undefined },
    { key: 'due-soon', title: t('dueThisWeek'), value: data?.dueSoon, color: '#d46b08', onClick: undefined },
    { key: 'open-requests', title: t('openRequests'), value: data?.openRequests, color: '#1d39c4', onClick: () => navigate('/requests') },
  ];
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={24} sm={8}>
          <Card size="small" hoverable={c.onClick !== undefined} onClick={c.onClick} data-testid={`count-${c.key}`}>
            <Statistic
              title={c.title}
              value={c.value ?? '…'}
              valueStyle={{ color: c.color, fontWeight: 600 }}
              suffix={
                c.key === 'open-requests' && data && data.overdueRequests > 0 ? (
                  <span style={{ fontSize: 13, color: '#cf1322', marginLeft: 8 }} data-testid="count-overdue-requests">
                    {t('overdueRequests', { n: data.overdueRequests })}
                  </span>
                ) : undefined
              }
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

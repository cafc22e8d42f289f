import { Button, Card, Flex, Spin, Table, Tag } from 'antd';
import { DUTY_KIND, FUND_SOURCE, RECIPIENT_STATUS, REQUEST_TOPIC } from '../../../shared/domain/enums';
import { stationDetails } from '../../../shared/review/drill';
import { stationPathName } from '../../../shared/stations/tree';
import { useDb } from '../../app/DbProvider';
import { useLiveQuery } from '../../db/live';
import { stationDrillRows } from '../../db/queries/review';
import { useLocale, useStrings } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { useToday } from '../../app/useToday';
import { HeroBadge, Money, PageHeader } from '../../ui';
import { addDays } from '../../../shared/calendar/shanghai';
import { FirstDownloadWarning } from '../common/FirstDownload';
import { OpenedName } from '../common/OpenedName';
import { weekParam } from './ReviewPage';
import { reviewStrings } from './strings';

/** `#/review/station/CODE?week=…`: the recipients and records behind one review row (local data). */
export function StationDrillPage({ code, week: rawWeek }: { code: string; week: string | null }) {
  const t = useStrings(reviewStrings);
  const locale = useLocale();
  const db = useDb();
  const today = useToday();
  const week = weekParam(rawWeek, today);
  const details = useLiveQuery(async () => stationDetails(await stationDrillRows(db, code), code, week, today), [db, code, week, today]);

  const person = (id: string, hero: boolean) => (
    <Flex gap={6} align="center">
      <a href={href(`/recipients/${id}`)}>
        <OpenedName recipientId={id} />
      </a>
      <HeroBadge show={hero} />
    </Flex>
  );

  return (
    <div data-testid="review-drill-page">
      <PageHeader
        title={t('drillTitle', { station: stationPathName(code) })}
        subtitle={t('drillWeek', { from: week, to: addDays(week, 6) })}
        extra={<Button onClick={() => navigate('/review', { week })}>{t('back')}</Button>}
      />
      {details === undefined ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Flex vertical gap={16}>
          <FirstDownloadWarning />
          <Card size="small" title={`${t('overdueTitle')} · ${details.overdue.length}`}>
            <Table
              size="small"
              rowKey="id"
              dataSource={details.overdue}
              pagination={details.overdue.length > 20 ? { pageSize: 20 } : false}
              locale={{ emptyText: t('none') }}
              rowClassName={(r) => (r.hero ? 'yf-review-hero' : '')}
              columns={[
                { key: 'n', title: t('colName'), render: (_, r) => person(r.recipientId, r.hero) },
                { key: 'k', title: t('colKind'), render: (_, r) => (r.kind ? DUTY_KIND.label(r.kind, locale) : '—') },
                { key: 'd', title: t('colDueDate'), dataIndex: 'dueDate' },
                {
                  key: 'o',
                  title: t('colDaysOverdue'),
                  align: 'right',
                  render: (_, r) => <Tag color={r.hero ? 'red' : 'orange'}>{r.daysOverdue}</Tag>,
                },
              ]}
            />
          </Card>
          <Card size="small" title={`${t('requestsTitle')} · ${details.requests.length}`}>
            <Table
              size="small"
              rowKey="id"
              dataSource={details.requests}
              pagination={false}
              locale={{ emptyText: t('none') }}
              columns={[
                { key: 'n', title: t('colName'), render: (_, r) => (r.recipientId === null ? '—' : person(r.recipientId, false)) },
                { key: 't', title: t('colTopic'), render: (_, r) => REQUEST_TOPIC.label(r.topic, locale) },
                { key: 'o', title: t('colOpened'), dataIndex: 'opened' },
                { key: 'a', title: t('colAge'), dataIndex: 'ageDays', align: 'right' },
              ]}
            />
          </Card>
          <Card size="small" title={`${t('aidTitle')} · ${details.aid.length}`}>
            <Table
              size="small"
              rowKey="id"
              dataSource={details.aid}
              pagination={false}
              locale={{ emptyText: t('none') }}
              columns={[
                { key: 'n', title: t('colName'), render: (_, r) => person(r.recipientId, false) },
                { key: 'd', title: t('colDate'), dataIndex: 'date' },
                { key: 'f', title: t('colFund'), render: (_, r) => FUND_SOURCE.label(r.fundSource, locale) },
                {
                  key: 'm',
                  title: t('colAmount'),
                  align: 'right',
                  render: (_, r) => (r.amountFen === null ? '—' : <Money fen={r.amountFen} />),
                },
              ]}
            />
          </Card>
          <Card size="small" title={`${t('recipientsTitle')} · ${details.recipients.length}`}>
            <Table
              size="small"
              rowKey="id"
              dataSource={details.recipients}
              pagination={details.recipients.length > 20 ? { pageSize: 20 } : false}
              locale={{ emptyText: t('none') }}
              columns={[
                { key: 'n', title: t('colName'), render: (_, r) => person(r.id, r.hero) },
                { key: 's', title: t('colStatus'), render: (_, r) => RECIPIENT_STATUS.label(r.status, locale) },
                { key: 'p', title: '', render: (_, r) => <a href={href(`/recipients/${r.id}`)}>{t('openProfile')}</a> },
              ]}
            />
          </Card>
        </Flex>
      )}
    </div>
  );
}

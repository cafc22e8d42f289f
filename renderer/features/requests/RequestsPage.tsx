import { Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useDbSession } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { href } from '../../app/router';
import { useScopePrefix } from '../../app/useScopePrefix';
import { useToday } from '../../app/useToday';
import { HeroBadge, PageHeader } from '../../ui';
import { dateTimeLabel } from '../../ui/dates';
import { REQUEST_SOURCE, REQUEST_STATUS, REQUEST_TOPIC, URGENCY, type Urgency } from '../../../shared/domain/enums';
import { daysBetween } from '../../../shared/calendar/shanghai';
import { daysOverdue, escalationTier, requestDueDate } from '../../../shared/requests/deadlines';
import { getStation } from '../../../shared/stations/tree';
import { useStaffList } from '../common/liveReads';
import { NewRequestButton } from './NewRequestButton';
import { RequestActions } from './RequestActions';
import { RequestFilters } from './RequestFilters';
import { requestStrings } from './strings';
import { type RequestFilter, type RequestRow, useRequestRows } from './useRequestRows';

const URGENCY_COLOR: Record<Urgency, string | undefined> = { critical: 'red', high: 'volcano', normal: 'orange', low: undefined };
const STATUS_COLOR = { open: 'orange', in_progress: 'blue', resolved: 'green', referred: 'purple' } as const;

/** `#/requests`: filters, age in days, the visit that raised each one, and the workflow buttons. */
export function RequestsPage() {
  const t = useStrings(requestStrings);
  const locale = useLocale();
  const { user } = useDbSession();
  const today = useToday();
  const stationPrefix = useScopePrefix();
  const staff = useStaffList() ?? [];
  const [filter, setFilter] = useState<RequestFilter>({ status: 'active', urgency: 'all', assignee: 'all', stationPrefix });
  const rows = useRequestRows({ ...filter, stationPrefix });
  const staffName = (id: string | null) => (id ? (staff.find((s) => s.id === id)?.name ?? '—') : t('unassigned'));

  return (
    <div data-testid="requests-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} extra={<NewRequestButton primary />} />
      <RequestFilters filter={filter} onChange={setFilter} staff={staff} myId={user.id} />
      <Table<RequestRow>
        size="middle"
        loading={rows === undefined}
        dataSource={rows ?? []}
        rowKey={(r) => r.request.id}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('count', { n }) }}
        locale={{ emptyText: t('empty') }}
        onRow={(r) => ({ 'data-testid': `request-${r.request.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('recipient'),
            width: 140,
            render: (_, r) => (
              <>
                {r.recipient ? (
                  <a href={href(`/recipients/${r.recipient.id}`)}>
                    <HeroBadge categories={r.recipient.categories} />
                    {r.recipient.name}
                  </a>
                ) : r.request.recipientId === null ? (
                  <Tag data-testid="request-unidentified-tag">{t('unidentified')}</Tag>
                ) : (
                  '—'
                )}
                {r.request.callerName && (
                  <div>
                    <Typography.Text type="secondary">{t('caller', { name: r.request.callerName })}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            title: t('description'),
            render: (_, { request: q }) => (
              <>
                <Tag>{REQUEST_TOPIC.label(q.topic, locale)}</Tag>
                <span data-testid="request-description">{q.description}</span>
                {q.status === 'resolved' && q.resolution && (
                  <div>
                    <Typography.Text type="secondary">{t('resolvedNote', { text: q.resolution })}</Typography.Text>
                  </div>
                )}
                {q.status === 'referred' && q.referredTo && (
                  <div>
                    <Typography.Text type="secondary">
                      {t('referredNote', { station: getStation(q.referredTo)?.name ?? q.referredTo })}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            title: t('urgency'),
            width: 90,
            render: (_, r) => <Tag color={URGENCY_COLOR[r.request.urgency]}>{URGENCY.label(r.request.urgency, locale)}</Tag>,
          },
          {
            title: t('status'),
            width: 100,
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.request.status]} data-testid="request-status">
                {REQUEST_STATUS.label(r.request.status, locale)}
              </Tag>
            ),
          },
          { title: t('assignee'), width: 100, render: (_, r) => staffName(r.request.assigneeId) },
          {
            title: t('openedAt'),
            width: 150,
            render: (_, r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{dateTimeLabel(r.request.openedAt)}</span>,
          },
          {
            title: t('age'),
            width: 120,
            align: 'right',
            render: (_, { request: q }) => {
              const end = q.closedAt ? dateTimeLabel(q.closedAt).slice(0, 10) : today;
              const days = Math.max(0, daysBetween(dateTimeLabel(q.openedAt).slice(0, 10), end));
              const late = daysOverdue(q, today);
              const tier = escalationTier(q, today);
              return (
                <>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{t('ageDays', { days })}</span>
                  {late > 0 && (
                    <div>
                      <Tag color="red" data-testid="request-overdue">
                        {t('overdue', { days: late })}
                      </Tag>
                    </div>
                  )}
                  {tier !== 'station' && (
                    <div>
                      <Tag color="volcano" data-testid="request-escalated" data-tier={tier}>
                        {tier === 'district' ? t('escalatedDistrict') : t('escalatedStreet')}
                      </Tag>
                    </div>
                  )}
                  {!q.closedAt && late === 0 && (
                    <div>
                      <Typography.Text type="secondary">
                        {t('due')} {requestDueDate(q)}
                      </Typography.Text>
                    </div>
                  )}
                </>
              );
            },
          },
          {
            title: t('source'),
            width: 130,
            render: (_, r) =>
              r.visit ? (
                <a href={href(`/recipients/${r.request.recipientId}`)} data-testid="request-visit">
                  {t('raisedOnVisit', { date: dateTimeLabel(r.visit.visitedAt).slice(0, 10) })}
                </a>
              ) : (
                REQUEST_SOURCE.label(r.request.source, locale)
              ),
          },
          { title: t('actions'), width: 230, render: (_, r) => <RequestActions request={r.request} /> },
        ]}
      />
    </div>
  );
}

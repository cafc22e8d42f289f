import { EditOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { DUTY_KIND, FESTIVAL } from '../../../shared/domain/enums';
import { getStation } from '../../../shared/stations/tree';
import { CategoryTags } from '../../ui/CategoryTags';
import { DateText } from '../../ui/DateText';
import { OccurrenceStatusTag } from '../../ui/DueStatusTag';
import { HeroBadge } from '../../ui/HeroBadge';
import { useDbSession } from '../../app/DbProvider';
import { useMessages, useStrings } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { useStaffById } from '../../app/useStaffById';
import { todayStrings } from './strings';
import type { DueLine } from '../../db/queries/today';
import { type TodayItem, useTodayDetails } from './useTodayItems';

export function logVisitFor(item: TodayItem): void {
  // Back to Today once saved: the line just done is gone, the next one is at hand.
  navigate('/visit/new', { recipient: item.occurrence.recipientId, occurrence: item.occurrence.id, back: 'today' });
}

const PAGE_SIZES = [20, 50, 100, 200];

/**
 * The Today list, a page at a time: the whole list is ordered and counted from one read of the
 * due occurrences, kept as ids, and each page's occurrences, duties and recipients are read
 * when it is shown (see useTodayItems.ts).
 */
export function TodayTable({ items, today, loading }: { items: readonly DueLine[]; today: string; loading: boolean }) {
  const t = useStrings(todayStrings);
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const pages = Math.max(1, Math.ceil(items.length / page.pageSize));
  // A list that shrank (a visit logged, a filter changed) keeps a valid page (adjusted while
  // rendering, so no frame shows the page past the end).
  if (page.current > pages) setPage({ ...page, current: pages });
  const current = Math.min(page.current, pages);
  const shown = items.slice((current - 1) * page.pageSize, current * page.pageSize);
  const details = useTodayDetails(shown);
  const { label } = useMessages();
  const { user } = useDbSession();
  const staff = useStaffById();

  const dutyLabel = (i: TodayItem): string => {
    if (!i.duty) return '—';
    const r = i.duty.recurrence;
    return r.type === 'festival'
      ? t('festivalDuty', { festival: label(FESTIVAL.labels[r.festival]) })
      : label(DUTY_KIND.labels[i.duty.kind]);
  };

  const columns: TableColumnsType<TodayItem> = [
    { key: 'status', title: t('colStatus'), width: 132, render: (_, i) => <OccurrenceStatusTag occurrence={i.occurrence} today={today} /> },
    { key: 'due', title: t('colDue'), width: 150, render: (_, i) => <DateText date={i.occurrence.dueDate} weekday /> },
    {
      key: 'recipient',
      title: t('colRecipient'),
      width: 170,
      render: (_, i) =>
        i.recipient ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            <HeroBadge show={i.hero} />
            <a href={href(`/recipients/${i.recipient.id}`)}>{i.recipient.name}</a>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('unknownRecipient')}</Typography.Text>
        ),
    },
    {
      key: 'categories',
      title: t('colCategories'),
      render: (_, i) => (i.recipient ? <CategoryTags categories={i.recipient.categories} compact /> : null),
    },
    { key: 'duty', title: t('colDuty'), width: 170, render: (_, i) => dutyLabel(i) },
    {
      key: 'station',
      title: t('colStation'),
      width: 130,
      render: (_, i) => getStation(i.occurrence.stationCode)?.name ?? i.occurrence.stationCode,
    },
    {
      key: 'assignee',
      title: t('colAssignee'),
      width: 100,
      render: (_, i) => {
        const id = i.duty?.assigneeId;
        if (!id) return <Typography.Text type="secondary">{t('unassigned')}</Typography.Text>;
        return id === user.id ? <Typography.Text strong>{t('me')}</Typography.Text> : (staff.get(id)?.name ?? '—');
      },
    },
    {
      key: 'action',
      title: t('colAction'),
      width: 120,
      fixed: 'right',
      render: (_, i) => (
        <Button type="primary" size="small" icon={<EditOutlined />} onClick={() => logVisitFor(i)} data-testid="log-visit">
          {t('logVisit')}
        </Button>
      ),
    },
  ];

  return (
    <Table<TodayItem>
      rowKey={(i) => i.occurrence.id}
      columns={columns}
      dataSource={details ?? []}
      loading={loading || details === undefined}
      size="middle"
      pagination={{
        current,
        pageSize: page.pageSize,
        total: items.length,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        hideOnSinglePage: true,
        onChange: (c, size) => setPage({ current: size === page.pageSize ? c : 1, pageSize: size }),
      }}
      locale={{ emptyText: t('empty') }}
      rowClassName={(i) => (i.overdue ? 'yf-row-overdue' : '')}
      onRow={(i) =>
        ({ 'data-testid': 'today-row', 'data-hero': i.hero ? '1' : '0', 'data-occurrence': i.occurrence.id }) as HTMLAttributes<HTMLElement>
      }
      scroll={{ x: 1100 }}
    />
  );
}

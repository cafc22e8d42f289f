import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocale, useStrings } from '../../app/i18n';
import { DateText, DueStatusTag } from '../../ui';
import type { Duty, DutyOccurrence, Recipient, Staff } from '../../../shared/domain/schemas';
import { daysBetween } from '../../../shared/calendar/shanghai';
import { lunarLabel } from '../../../shared/duties/lunarDate';
import { classifyOccurrence, daysOverdue } from '../../../shared/duties/occurrenceStatus';
import { dutyLabel, isLunarDuty } from '../common/dutyLabel';
import { useDuties, usePendingOccurrences } from '../common/liveReads';
import { DutyPlanDialog } from './DutyPlanDialog';
import { recipientStrings } from './strings';
import { useDeactivateDuty } from './useDutyActions';

interface Row {
  duty: Duty;
  next: DutyOccurrence | undefined;
}

/** The recurring plans with their next due dates (lunar ones also as 农历…); add, change, deactivate. */
export function DutiesCard({ recipient, staff, today }: { recipient: Recipient; staff: readonly Staff[]; today: string }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const duties = useDuties(recipient.id);
  const pending = usePendingOccurrences(recipient.id) ?? [];
  const [editing, setEditing] = useState<Duty | 'new' | null>(null);
  const deactivate = useDeactivateDuty();
  const active = recipient.status === 'active';

  const rows: Row[] = (duties ?? [])
    .map((duty) => ({ duty, next: pending.find((o) => o.dutyId === duty.id) }))
    .sort((a, b) => Number(b.duty.active) - Number(a.duty.active) || (a.next?.dueDate ?? '9').localeCompare(b.next?.dueDate ?? '9'));

  return (
    <Card
      title={t('duties')}
      size="small"
      data-testid="duties"
      extra={
        active && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-duty">
            {t('addDuty')}
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <Empty description={t('noDuties')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey={(r) => r.duty.id}
          dataSource={rows}
          onRow={(r) =>
            ({
              'data-testid': `duty-${r.duty.id}`,
              style: r.duty.active ? undefined : { opacity: 0.55 },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('dutyKind'),
              render: (_, r) => (
                <Space size={4}>
                  <span>{dutyLabel(r.duty, locale)}</span>
                  <Tag>{r.duty.source === 'default' ? t('defaultPlan') : t('customPlan')}</Tag>
                  {!r.duty.active && <Tag>{t('inactive')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('nextDue'),
              render: (_, r) => {
                if (!r.next) return '—';
                const state = classifyOccurrence(r.next, today);
                const days = state === 'overdue' ? daysOverdue(r.next.dueDate, today) : daysBetween(today, r.next.dueDate);
                return (
                  <Space size={6} data-testid="next-due" data-due={r.next.dueDate}>
                    <DateText date={r.next.dueDate} weekday />
                    {isLunarDuty(r.duty, recipient.lunarBirthday) && (
                      <Typography.Text type="secondary">{lunarLabel(r.next.dueDate, locale)}</Typography.Text>
                    )}
                    <DueStatusTag state={state} days={days} />
                  </Space>
                );
              },
            },
            { title: t('assignee'), render: (_, r) => staff.find((s) => s.id === r.duty.assigneeId)?.name ?? '—' },
            {
              title: '',
              align: 'right',
              render: (_, r) =>
                r.duty.active &&
                active && (
                  <Space size={0}>
                    <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(r.duty)}>
                      {t('editDuty')}
                    </Button>
                    <Popconfirm
                      title={t('deactivateConfirm')}
                      okText={t('confirm')}
                      cancelText={t('cancel')}
                      onConfirm={() => void deactivate(r.duty)}
                    >
                      <Button size="small" type="link" danger icon={<StopOutlined />}>
                        {t('deactivate')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      )}
      {editing && (
        <DutyPlanDialog recipient={recipient} duty={editing === 'new' ? null : editing} staff={staff} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

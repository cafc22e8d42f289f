import { Card, Form, Radio, Space, Typography } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { DateText, DueStatusTag } from '../../ui';
import { classifyOccurrence, daysOverdue } from '../../../shared/duties/occurrenceStatus';
import { daysBetween } from '../../../shared/calendar/shanghai';
import { lunarLabel } from '../../../shared/duties/lunarDate';
import type { Duty, DutyOccurrence } from '../../../shared/domain/schemas';
import { dutyLabel, isLunarDuty } from '../common/dutyLabel';
import { visitStrings } from './strings';

export interface OccurrenceSectionProps {
  occurrences: readonly DutyOccurrence[];
  duties: readonly Duty[];
  today: string;
  lunarBirthday: boolean;
}

/** Which pending duty occurrence the visit fulfils: preselected from the link, or chosen here. */
export function OccurrenceSection({ occurrences, duties, today, lunarBirthday }: OccurrenceSectionProps) {
  const t = useStrings(visitStrings);
  const locale = useLocale();
  const dutyById = new Map(duties.map((d) => [d.id, d]));
  return (
    <Card title={t('sectionDuty')} size="small">
      {occurrences.length === 0 ? (
        <Typography.Text type="secondary">{t('noPending')}</Typography.Text>
      ) : (
        <>
          <Form.Item name="occurrenceId" label={t('occurrence')} extra={t('occurrenceHint')} style={{ marginBottom: 0 }}>
            <Radio.Group data-testid="visit-occurrence">
              <Space orientation="vertical">
                <Radio value={null}>{t('occurrenceNone')}</Radio>
                {occurrences.map((o) => {
                  const duty = dutyById.get(o.dutyId);
                  const state = classifyOccurrence(o, today);
                  const lunar = duty && isLunarDuty(duty, lunarBirthday) ? ` ${lunarLabel(o.dueDate, locale)}` : '';
                  return (
                    <Radio value={o.id} key={o.id} data-testid={`occurrence-${o.id}`} data-duty={o.dutyId} data-due={o.dueDate}>
                      <Space size={8}>
                        <span>{duty ? dutyLabel(duty, locale) : '—'}</span>
                        <DateText date={o.dueDate} weekday />
                        {lunar && <Typography.Text type="secondary">{lunar}</Typography.Text>}
                        <DueStatusTag state={state} days={state === 'overdue' ? daysOverdue(o.dueDate, today) : daysBetween(today, o.dueDate)} />
                      </Space>
                    </Radio>
                  );
                })}
              </Space>
            </Radio.Group>
          </Form.Item>
        </>
      )}
    </Card>
  );
}

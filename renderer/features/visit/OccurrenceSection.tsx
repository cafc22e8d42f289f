import { Alert, Card, Checkbox, Form, Space, Typography } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { DateText, DueStatusTag } from '../../ui';
import { classifyOccurrence, daysOverdue } from '../../../shared/duties/occurrenceStatus';
import { daysBetween } from '../../../shared/calendar/shanghai';
import { lunarLabel } from '../../../shared/duties/lunarDate';
import { type ContactOutcome, VISIT_MODE, type VisitMode } from '../../../shared/domain/enums';
import type { Duty, DutyOccurrence } from '../../../shared/domain/schemas';
import { contactCompletesDuties, modeForDutyKind, modeFulfils } from '../../../shared/duties/contactRules';
import { dutyLabel, isLunarDuty } from '../common/dutyLabel';
import { visitStrings } from './strings';

export interface OccurrenceSectionProps {
  occurrences: readonly DutyOccurrence[];
  duties: readonly Duty[];
  today: string;
  lunarBirthday: boolean;
  /** The contact as the form has it: only duties of its kind can be ticked. */
  mode: VisitMode;
  outcome: ContactOutcome;
  staffName: (id: string) => string;
}

/**
 * Which pending duty occurrences the contact fulfils: preselected from the link (or the most
 * overdue), more can be ticked. Those a contact of this mode cannot fulfil are shown, not
 * tickable; a call that did not get through fulfils none.
 */
export function OccurrenceSection({ occurrences, duties, today, lunarBirthday, mode, outcome, staffName }: OccurrenceSectionProps) {
  const t = useStrings(visitStrings);
  const locale = useLocale();
  const dutyById = new Map(duties.map((d) => [d.id, d]));
  const completes = contactCompletesDuties(mode, outcome);
  return (
    <Card title={t('sectionDuty')} size="small">
      {occurrences.length === 0 ? (
        <Typography.Text type="secondary">{t('noPending')}</Typography.Text>
      ) : (
        <>
          {!completes && (
            <Alert
              type="warning"
              showIcon
              title={t('occurrenceNotReached')}
              style={{ marginBottom: 12 }}
              data-testid="occurrence-not-reached"
            />
          )}
          <Form.Item name="occurrenceIds" label={t('occurrence')} extra={t('occurrenceHint')} style={{ marginBottom: 0 }}>
            <Checkbox.Group data-testid="visit-occurrence">
              <Space orientation="vertical">
                {occurrences.map((o) => {
                  const duty = dutyById.get(o.dutyId);
                  const state = classifyOccurrence(o, today);
                  const lunar = duty && isLunarDuty(duty, lunarBirthday) ? ` ${lunarLabel(o.dueDate, locale)}` : '';
                  const fits = duty !== undefined && modeFulfils(mode, duty.kind);
                  return (
                    <Checkbox
                      value={o.id}
                      key={o.id}
                      disabled={!completes || !fits}
                      data-testid={`occurrence-${o.id}`}
                      data-duty={o.dutyId}
                      data-due={o.dueDate}
                      data-kind={duty?.kind}
                    >
                      <Space size={8} wrap>
                        <span>{duty ? dutyLabel(duty, locale) : '—'}</span>
                        <DateText date={o.dueDate} weekday />
                        {lunar && <Typography.Text type="secondary">{lunar}</Typography.Text>}
                        <DueStatusTag
                          state={state}
                          days={state === 'overdue' ? daysOverdue(o.dueDate, today) : daysBetween(today, o.dueDate)}
                        />
                        {duty?.assigneeId && (
                          <Typography.Text type="secondary">{t('assignee', { name: staffName(duty.assigneeId) })}</Typography.Text>
                        )}
                        {duty && !fits && (
                          <Typography.Text type="secondary" data-testid="occurrence-wrong-mode">
                            {t('occurrenceWrongMode', { mode: VISIT_MODE.label(modeForDutyKind(duty.kind), locale) })}
                          </Typography.Text>
                        )}
                      </Space>
                    </Checkbox>
                  );
                })}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        </>
      )}
    </Card>
  );
}

import { Tag } from 'antd';
import type { DutyOccurrence } from '../../shared/domain/schemas';
import { classifyOccurrence, daysBetween, type OccurrenceState } from '../../shared/duties';
import { useStrings } from '../app/i18n';
import { uiStrings } from './strings';

/**
 * How a duty occurrence stands today, as the duty engine (shared/duties) classifies it:
 * overdue red, due within 7 days orange, done green.
 */
export type DueState = OccurrenceState;

export interface DueStatusTagProps {
  state: DueState;
  /** Days overdue (overdue) or days until due (due_soon, upcoming); ignored otherwise. */
  days?: number;
}

const COLOR: Record<DueState, string | undefined> = {
  overdue: 'red',
  due_soon: 'orange',
  upcoming: undefined,
  done: 'green',
  cancelled: undefined,
};

export function DueStatusTag({ state, days = 0 }: DueStatusTagProps) {
  const t = useStrings(uiStrings);
  const n = Math.abs(days);
  const text =
    state === 'overdue'
      ? t('overdueDays', { days: n })
      : state === 'due_soon'
        ? n === 0
          ? t('dueToday')
          : t('dueInDays', { days: n })
        : state === 'upcoming'
          ? t('upcomingDays', { days: n })
          : state === 'done'
            ? t('done')
            : t('cancelled');
  return (
    <Tag color={COLOR[state]} data-testid={`due-${state}`}>
      {text}
    </Tag>
  );
}

/** The tag of one occurrence on `today` (Asia/Shanghai), classified by the duty engine. */
export function OccurrenceStatusTag({ occurrence, today }: { occurrence: Pick<DutyOccurrence, 'status' | 'dueDate'>; today: string }) {
  const state = classifyOccurrence(occurrence, today);
  return <DueStatusTag state={state} days={daysBetween(today, occurrence.dueDate)} />;
}

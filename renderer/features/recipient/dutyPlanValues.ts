import type { DutyKind, FestivalCode, RecurrenceType } from '../../../shared/domain/enums';
import { type Duty, type Recipient, type Recurrence, dutySchema } from '../../../shared/domain/schemas';
import type { EntityInput } from '../../db/repository';
import { type FieldIssue, fromZodIssues } from '../common/fieldErrors';

export interface DutyPlanValues {
  kind: DutyKind;
  recurrenceType: RecurrenceType;
  month: number | null;
  day: number | null;
  festival: FestivalCode | null;
  onceDate: string;
  anchorDate: string;
  assigneeId: string | null;
  note: string;
}

export function dutyToValues(duty: Duty | null, today: string, defaultAssignee: string | null): DutyPlanValues {
  if (!duty) {
    return {
      kind: 'home_visit',
      recurrenceType: 'monthly',
      month: null,
      day: null,
      festival: null,
      onceDate: '',
      anchorDate: today,
      assigneeId: defaultAssignee,
      note: '',
    };
  }
  const r = duty.recurrence;
  return {
    kind: duty.kind,
    recurrenceType: r.type,
    month: r.type === 'yearly' ? r.month : null,
    day: r.type === 'yearly' ? r.day : null,
    festival: r.type === 'festival' ? r.festival : null,
    onceDate: r.type === 'once' ? r.date : '',
    anchorDate: duty.anchorDate,
    assigneeId: duty.assigneeId,
    note: duty.note,
  };
}

function toRecurrence(v: DutyPlanValues): Recurrence | FieldIssue {
  switch (v.recurrenceType) {
    case 'yearly':
      if (v.month === null || v.day === null) return { path: ['day'], code: 'date_invalid' };
      return { type: 'yearly', month: v.month, day: v.day };
    case 'festival':
      if (v.festival === null) return { path: ['festival'], code: 'visit_festival_required' };
      return { type: 'festival', festival: v.festival };
    case 'once':
      return { type: 'once', date: v.onceDate };
    default:
      return { type: v.recurrenceType };
  }
}

export type DutyInputResult = { ok: true; value: EntityInput<'duties'> } | { ok: false; issues: FieldIssue[] };

/** Form → duty row, validated with the shared schema; `recurrence.*` issues land on their own fields. */
export function valuesToDutyInput(
  v: DutyPlanValues,
  base: { id: string; recipient: Pick<Recipient, 'id' | 'stationCode'>; existing: Duty | null },
  nowIso: string,
): DutyInputResult {
  const recurrence = toRecurrence(v);
  if ('code' in recurrence) return { ok: false, issues: [recurrence] };
  const input: EntityInput<'duties'> = {
    id: base.id,
    recipientId: base.recipient.id,
    stationCode: base.recipient.stationCode,
    kind: v.kind,
    recurrence,
    anchorDate: v.anchorDate,
    assigneeId: v.assigneeId ?? null,
    active: true,
    // A changed default plan is the staff's own plan from now on.
    source: 'custom',
    note: v.note ?? '',
  };
  const parsed = dutySchema.safeParse({ ...input, rev: 0, updatedAt: nowIso });
  if (parsed.success) return { ok: true, value: input };
  return {
    ok: false,
    issues: fromZodIssues(parsed.error.issues).map((i) => ({
      code: /^[a-z][a-z0-9_]*$/.test(i.code) ? i.code : 'date_invalid',
      path: i.path[0] === 'recurrence' ? [i.path[1] === 'date' ? 'onceDate' : (i.path[1] ?? 'recurrenceType')] : i.path,
    })),
  };
}

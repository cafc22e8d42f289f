import { shanghaiDateTimeText, shanghaiInstant } from '../../../shared/calendar/shanghai';
import type { AidKind, ContactOutcome, FestivalCode, FundSource, Urgency, VisitMode, VisitPurpose } from '../../../shared/domain/enums';
import type { CONDITION_LEVEL, REQUEST_TOPIC } from '../../../shared/domain/enums';
import type { Duty, DutyOccurrence } from '../../../shared/domain/schemas';
import { contactFulfils, modeForDutyKind, mostOverdueOccurrence } from '../../../shared/duties/contactRules';

export type ConditionLevel = (typeof CONDITION_LEVEL.values)[number];
export type RequestTopic = (typeof REQUEST_TOPIC.values)[number];

/** One need raised on the visit; saving turns it into an open request. */
export interface NeedFormValues {
  topic: RequestTopic;
  urgency: Urgency;
  description: string;
}

/** One aid item as typed: the amount stays a yuan string until it is parsed into fen. */
export interface AidFormValues {
  /** The line's own key while the form is open: its signature or receipt photo is kept under it. */
  uid: string;
  kind: AidKind;
  amountYuan: string;
  quantity: number | null;
  item: string;
  fundSource: FundSource;
  approvedBy: string;
  acknowledged: boolean;
}

/** The whole form, JSON-safe so that it can be kept (sealed) as a draft in the account's database. */
export interface VisitFormValues {
  recipientId: string | null;
  /** `YYYY-MM-DD HH:mm` in Shenzhen time, as typed. */
  visitedAt: string;
  mode: VisitMode;
  /** Asked for phone and video contacts only; a visit in person always reaches the recipient. */
  outcome: ContactOutcome;
  purpose: VisitPurpose;
  festival: FestivalCode | null;
  staffIds: string[];
  health: ConditionLevel | null;
  living: ConditionLevel | null;
  mood: ConditionLevel | null;
  notes: string;
  /** The pending duty occurrences this one contact fulfils (a call that is also a festival greeting). */
  occurrenceIds: string[];
  needs: NeedFormValues[];
  aid: AidFormValues[];
}

export function emptyNeed(): NeedFormValues {
  return { topic: 'living', urgency: 'normal', description: '' };
}

export function emptyAid(): AidFormValues {
  return {
    uid: crypto.randomUUID(),
    kind: 'cash',
    amountYuan: '',
    quantity: null,
    item: '',
    fundSource: 'government_budget',
    approvedBy: '',
    acknowledged: true,
  };
}

/** `YYYY-MM-DD HH:mm` for now in Shenzhen, whatever the machine's time zone. */
export function nowLocalInput(now: Date = new Date()): string {
  return shanghaiDateTimeText(now);
}

/**
 * Typed Shenzhen time to an ISO timestamp: `2026-11-28 09:30` → `2026-11-28T09:30:00+08:00`.
 * Anything else is passed on unchanged for the schema to reject as `timestamp_invalid`.
 */
export function localInputToIso(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return value;
  const hour = Number(m[2]);
  if (hour > 23 || Number(m[3]) > 59) return value;
  return shanghaiInstant(m[1]!, hour, Number(m[3]));
}

export function initialVisitValues(init: {
  recipientId?: string;
  occurrenceId?: string;
  staffId?: string;
  mode?: VisitMode;
}): VisitFormValues {
  return {
    recipientId: init.recipientId ?? null,
    visitedAt: nowLocalInput(),
    mode: init.mode ?? 'home',
    outcome: 'reached',
    purpose: 'routine',
    festival: null,
    staffIds: init.staffId ? [init.staffId] : [],
    health: null,
    living: null,
    mood: null,
    notes: '',
    occurrenceIds: init.occurrenceId ? [init.occurrenceId] : [],
    needs: [],
    aid: [],
  };
}

/**
 * A draft kept by an earlier version names one occurrence (`occurrenceId`) and no outcome: read
 * it as the same visit in today's shape.
 */
export function upgradeVisitDraft(values: VisitFormValues): VisitFormValues {
  const legacy = values as VisitFormValues & { occurrenceId?: string | null };
  const { occurrenceId, ...rest } = legacy;
  return {
    ...rest,
    outcome: rest.outcome ?? 'reached',
    occurrenceIds: Array.isArray(rest.occurrenceIds) ? rest.occurrenceIds : occurrenceId ? [occurrenceId] : [],
    // Aid lines of a draft kept before lines had their own key.
    aid: (rest.aid ?? []).map((a) => (typeof a.uid === 'string' ? a : { ...a, uid: crypto.randomUUID() })),
  };
}

/**
 * What a form opened without a draft preselects once the recipient's duties are read: the linked
 * occurrence, or else the most overdue one (as Today lists them), and the mode of its duty (a
 * 电话联系 duty opens as a phone contact). Null when there is nothing to preselect.
 */
export function preselectDuty(
  pending: readonly DutyOccurrence[],
  duties: readonly Duty[],
  today: string,
  linked: string | undefined,
): Pick<VisitFormValues, 'occurrenceIds' | 'mode'> | null {
  const dutyById = new Map(duties.map((d) => [d.id, d]));
  const known = pending.filter((o) => dutyById.has(o.dutyId));
  const chosen = linked ? known.find((o) => o.id === linked) : mostOverdueOccurrence(known, today);
  const duty = chosen && dutyById.get(chosen.dutyId);
  if (!chosen || !duty) return null;
  return { occurrenceIds: [chosen.id], mode: modeForDutyKind(duty.kind) };
}

/** The ticked occurrences this contact can still fulfil after its mode or outcome changed. */
export function fulfillableIds(
  values: Pick<VisitFormValues, 'occurrenceIds' | 'mode' | 'outcome'>,
  pending: readonly DutyOccurrence[],
  duties: readonly Duty[],
): string[] {
  const kindOf = new Map(duties.map((d) => [d.id, d.kind]));
  const dutyOf = new Map(pending.map((o) => [o.id, o.dutyId]));
  return values.occurrenceIds.filter((id) => {
    const kind = kindOf.get(dutyOf.get(id) ?? '');
    return kind !== undefined && contactFulfils(values, kind);
  });
}

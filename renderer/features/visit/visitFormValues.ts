import { shanghaiDateTimeText, shanghaiInstant } from '../../../shared/calendar/shanghai';
import type {
  AidKind, FestivalCode, FundSource, Urgency, VisitMode, VisitPurpose,
} from '../../../shared/domain/enums';
import type { CONDITION_LEVEL, REQUEST_TOPIC } from '../../../shared/domain/enums';

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
  purpose: VisitPurpose;
  festival: FestivalCode | null;
  staffIds: string[];
  health: ConditionLevel | null;
  living: ConditionLevel | null;
  mood: ConditionLevel | null;
  notes: string;
  occurrenceId: string | null;
  needs: NeedFormValues[];
  aid: AidFormValues[];
}

export function emptyNeed(): NeedFormValues {
  return { topic: 'living', urgency: 'normal', description: '' };
}

export function emptyAid(): AidFormValues {
  return { kind: 'cash', amountYuan: '', quantity: null, item: '', fundSource: 'government_budget', approvedBy: '', acknowledged: true };
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

export function initialVisitValues(init: { recipientId?: string; occurrenceId?: string; staffId?: string }): VisitFormValues {
  return {
    recipientId: init.recipientId ?? null,
    visitedAt: nowLocalInput(),
    mode: 'home',
    purpose: 'routine',
    festival: null,
    staffIds: init.staffId ? [init.staffId] : [],
    health: null,
    living: null,
    mood: null,
    notes: '',
    occurrenceId: init.occurrenceId ?? null,
    needs: [],
    aid: [],
  };
}

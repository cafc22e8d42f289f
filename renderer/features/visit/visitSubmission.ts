import { aidSchema, requestSchema, visitSchema } from '../../../shared/domain/schemas';
import { contactCompletesDuties, isRemoteMode } from '../../../shared/duties/contactRules';
import { parseYuanToFen } from '../../../shared/validation/money';
import { newAidIssues } from '../../../shared/validation/newAid';
import type { EntityInput } from '../../db/repository';
import { type FieldIssue, type IssuePath, fromZodIssues } from '../common/fieldErrors';
import { type AidFormValues, type VisitFormValues, localInputToIso } from './visitFormValues';

/** Everything one saved visit writes, in one transaction. */
export interface VisitSubmission {
  visit: EntityInput<'visits'>;
  aid: EntityInput<'aid'>[];
  needs: EntityInput<'requests'>[];
  /** The first of `occurrenceIds`, as the visit row names it. */
  occurrenceId: string | null;
  occurrenceIds: string[];
}

export interface SubmissionContext {
  recipientId: string;
  stationCode: string;
  newId: () => string;
  /** The current time as an ISO timestamp with offset; requests are opened now. */
  nowIso: string;
}

export type SubmissionResult = { ok: true; value: VisitSubmission } | { ok: false; issues: FieldIssue[] };

const AMOUNT_MISSING: readonly string[] = ['aid_amount_required', 'aid_amount_or_item_required'];

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/**
 * Turns the form into rows and validates them with the same zod schemas the repository uses,
 * so every mistake shows beside its field before anything is written. Amounts are parsed from
 * yuan into integer fen here and nowhere else.
 */
export function buildVisitSubmission(values: VisitFormValues, ctx: SubmissionContext): SubmissionResult {
  const issues: FieldIssue[] = [];
  const visitId = ctx.newId();
  const visitedAt = localInputToIso(values.visitedAt);
  const outcome = isRemoteMode(values.mode) ? values.outcome : 'reached';
  // A call that did not get through keeps every duty open.
  const occurrenceIds = contactCompletesDuties(values.mode, outcome) ? [...new Set(values.occurrenceIds)] : [];
  const visit: EntityInput<'visits'> = {
    id: visitId,
    recipientId: ctx.recipientId,
    stationCode: ctx.stationCode,
    visitedAt,
    mode: values.mode,
    outcome,
    purpose: values.purpose,
    festival: values.purpose === 'festival' ? values.festival : null,
    staffIds: values.staffIds,
    condition: { health: values.health, living: values.living, mood: values.mood },
    notes: values.notes,
    dutyOccurrenceId: occurrenceIds[0] ?? null,
    photos: [],
  };
  const meta = { rev: 0, updatedAt: ctx.nowIso };
  const v = visitSchema.safeParse({ ...visit, ...meta });
  if (!v.success) issues.push(...fromZodIssues(v.error.issues, ['visit']));

  const built = buildAidRows(values.aid, { ...ctx, date: visitedAt.slice(0, 10), visitId, meta });
  const aid = built.aid;
  issues.push(...built.issues);

  const needs = values.needs.map((n): EntityInput<'requests'> => ({
    id: ctx.newId(),
    recipientId: ctx.recipientId,
    stationCode: ctx.stationCode,
    visitId,
    source: 'visit',
    topic: n.topic,
    description: n.description,
    urgency: n.urgency,
    assigneeId: null,
    status: 'open',
    resolution: '',
    referredTo: null,
    openedAt: ctx.nowIso,
    closedAt: null,
  }));
  needs.forEach((row, i) => {
    const r = requestSchema.safeParse({ ...row, ...meta });
    if (!r.success) issues.push(...fromZodIssues(r.error.issues, ['needs', i]));
  });

  if (issues.length > 0) return { ok: false, issues: dedupe(issues) };
  return { ok: true, value: { visit, aid, needs, occurrenceId: occurrenceIds[0] ?? null, occurrenceIds } };
}

export interface AidRowsContext {
  recipientId: string;
  stationCode: string;
  newId: () => string;
  /** The day it was handed out. */
  date: string;
  /** The visit it was handed out on; null for a hand-out at the station. */
  visitId: string | null;
  meta: { rev: number; updatedAt: string };
}

/**
 * The aid lines of a form (a visit's, or a hand-out of its own) as rows, checked with the aid
 * schema: amounts parsed from yuan into integer fen here and nowhere else; issues under
 * `['aid', i, field]`.
 */
export function buildAidRows(lines: readonly AidFormValues[], ctx: AidRowsContext): { aid: EntityInput<'aid'>[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const unparsedAmount = new Set<number>();
  const aid = lines.map((a, i): EntityInput<'aid'> => {
    let amountFen: number | null = null;
    if ((a.amountYuan ?? '').trim() !== '') {
      const parsed = parseYuanToFen(a.amountYuan);
      if (parsed.ok) {
        amountFen = parsed.value;
        for (const issue of newAidIssues({ kind: a.kind, amountFen })) issues.push({ path: ['aid', i, issue.path], code: issue.code });
      } else {
        issues.push({ path: ['aid', i, 'amountFen'], code: parsed.error });
        unparsedAmount.add(i);
      }
    }
    return {
      id: ctx.newId(),
      recipientId: ctx.recipientId,
      stationCode: ctx.stationCode,
      date: ctx.date,
      kind: a.kind,
      amountFen,
      quantity: a.quantity ?? null,
      item: blankToNull(a.item),
      fundSource: a.fundSource,
      approvedBy: a.approvedBy.trim(),
      visitId: ctx.visitId,
      acknowledged: a.acknowledged,
      voided: false,
      voidReason: null,
    };
  });
  aid.forEach((row, i) => {
    const r = aidSchema.safeParse({ ...row, ...ctx.meta });
    if (!r.success) {
      // An amount that did not parse already says what is wrong; "amount missing" would only confuse.
      const found = fromZodIssues(r.error.issues, ['aid', i]);
      issues.push(...(unparsedAmount.has(i) ? found.filter((f) => !AMOUNT_MISSING.includes(f.code)) : found));
    }
  });
  return { aid, issues };
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${JSON.stringify(i.path)}:${i.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Domain paths (ours and the repository's) → form field names: the visit's own fields sit at the
 * top of the form, its condition is split into three fields, and aid amounts are typed in yuan.
 */
export function visitIssueToField(path: IssuePath): (string | number)[] {
  const [head, ...rest] = path;
  if (head === 'visit' || head === 'visits') {
    if (rest[0] === 'condition' && rest[1] !== undefined) return [rest[1]];
    if (rest[0] === 'dutyOccurrenceId') return ['occurrenceIds'];
    return rest.length > 0 ? [rest[0]!] : ['visitedAt'];
  }
  if ((head === 'aid' || head === 'needs' || head === 'requests') && typeof rest[0] === 'number') {
    const list = head === 'aid' ? 'aid' : 'needs';
    const field = rest[1] === 'amountFen' ? 'amountYuan' : rest[1];
    return field === undefined ? [list] : [list, rest[0], field];
  }
  return [...path];
}

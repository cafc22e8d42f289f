import type { z } from 'zod';
import {
  type Aid,
  type Duty,
  type DutyOccurrence,
  type EntityTable,
  type Recipient,
  type Request,
  type Visit,
  aidSchema,
  dutyOccurrenceSchema,
  dutySchema,
  recipientSchema,
  requestSchema,
  visitSchema,
} from '../domain/schemas';
import { toShanghaiIsoSeconds, todayInShanghai } from '../calendar/shanghai';
import { defaultDutiesFor, firstOccurrence } from '../duties';
import { isInScope } from '../stations/tree';
import { jsonEqual } from '../jsonEqual';
import type { Logical } from './cells';
import { type AnySheetLayout, type Column, type Draft, type ImportContext, LEDGER_SHEETS, type SheetKey } from './layout';
import type { LedgerData, LedgerError, ParsedLedger, ParsedRow } from './tables';

/**
 * The import plan: what a parsed ledger would create, update and leave unchanged in a given
 * set of existing rows, and every row-level error. Pure; the app writes the plan with the
 * repositories in one Dexie transaction, the CLI with the server's row store in one SQL
 * transaction. Nothing is written by planning.
 *
 * - Recipients match by 身份证号 (then by 记录编号, to correct a wrong ID number); records by 记录编号.
 * - A row without 记录编号 gets an id derived from its content, so importing the same file
 *   twice still matches it the second time (no duplicates).
 * - Columns a file lacks keep the stored values; fields the ledger does not carry (photos,
 *   links between visits and duties …) are kept on update and empty on create.
 * - A recipient created by the ledger without any 服务任务 rows gets the default duty plans of
 *   their categories, as when registered in the app.
 * - Rows with errors are left out; `errors` lists them. Whether the valid rows may be written
 *   while errors remain is the caller's decision (the app asks, the CLI needs --skip-errors).
 */
export interface ImportOptions {
  /** Station code prefix every imported row must lie in. */
  scope: string;
  /** The importing person: assigned to new visits whose staff names match nobody, and to default duty plans. */
  actorStaffId: string | null;
  now: Date;
}

export interface RowUpdate<T> {
  before: T;
  after: T;
  /** Fields whose value changed. */
  fields: string[];
}

export interface TablePlan<T> {
  create: T[];
  update: RowUpdate<T>[];
  unchanged: number;
}

export interface ImportPlan {
  tables: {
    recipients: TablePlan<Recipient>;
    visits: TablePlan<Visit>;
    aid: TablePlan<Aid>;
    duties: TablePlan<Duty>;
    dutyOccurrences: TablePlan<DutyOccurrence>;
    requests: TablePlan<Request>;
  };
  /** Per sheet, for the preview: rows to create, update, leave alone, and rows with errors. */
  sheets: Record<SheetKey, { create: number; update: number; unchanged: number; errors: number }>;
  errors: LedgerError[];
  masked: boolean;
}

export type ExistingData = LedgerData;

function fnv(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A stable UUID-shaped id from text: the same row content always gets the same id. */
export function contentId(text: string): string {
  const hex = fnv(text, 2166136261) + fnv(text, 0x9e3779b9) + fnv(text, 0x85ebca6b) + fnv(text, 0xc2b2ae35);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const META = new Set(['rev', 'updatedAt']);

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after)
    .filter((k) => !META.has(k) && !jsonEqual(before[k], after[k]))
    .sort();
}

function emptyPlan<T>(): TablePlan<T> {
  return { create: [], update: [], unchanged: 0 };
}

function issueColumn(columns: readonly Column<unknown>[], path: readonly PropertyKey[]): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  const candidates = [named.join('.'), named[0] ?? ''];
  for (const c of candidates) {
    const col = columns.find((k) => k.put && k.paths.includes(c));
    if (col) return col.zh;
  }
  return '';
}

function issueReason(issue: z.core.$ZodIssue): string {
  return /^[a-z][a-z0-9_]*$/.test(issue.message) ? issue.message : issue.code;
}

interface Draftable {
  sheet: AnySheetLayout;
  columns: readonly Column<unknown>[];
}

function applyColumns(
  { sheet, columns }: Draftable,
  row: ParsedRow,
  draft: Draft,
  ctx: ImportContext,
  skip: ReadonlySet<string>,
): LedgerError[] {
  const errors: LedgerError[] = [];
  for (const c of columns) {
    if (!c.put || skip.has(c.key) || !Object.hasOwn(row.values, c.key)) continue;
    const reason = c.put(draft, row.values[c.key] as Logical, ctx);
    if (reason !== null) errors.push({ sheet: sheet.zh, row: row.row, column: c.zh, reason });
  }
  return errors;
}

function validate<T>(
  schema: z.ZodType<T>,
  candidate: Record<string, unknown>,
  d: Draftable,
  row: number,
): { ok: true; value: T } | { ok: false; errors: LedgerError[] } {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.map((i) => ({
    sheet: d.sheet.zh,
    row,
    column: issueColumn(d.columns, i.path),
    reason: issueReason(i),
  }));
  // One error per cell is enough for a person to fix it.
  return { ok: false, errors: errors.filter((e, i) => errors.findIndex((x) => x.column === e.column) === i) };
}

function layout(key: SheetKey): Draftable {
  const sheet = LEDGER_SHEETS.find((s) => s.key === key)!;
  return { sheet, columns: sheet.columns as readonly Column<unknown>[] };
}

function keyColumn(d: Draftable, key: string): string {
  return d.columns.find((c) => c.key === key)?.zh ?? '';
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

const NEW_DEFAULTS: Record<'visits' | 'aid' | 'requests', Record<string, unknown>> = {
  visits: {
    festival: null,
    staffIds: [],
    condition: { health: null, living: null, mood: null },
    notes: '',
    dutyOccurrenceId: null,
    photos: [],
  },
  aid: { amountFen: null, quantity: null, item: null, approvedBy: '', visitId: null, acknowledged: false, voided: false, voidReason: null },
  requests: {
    visitId: null,
    resolution: '',
    assigneeId: null,
    referredTo: null,
    closedAt: null,
    callerName: '',
    callerPhone: '',
    callback: null,
  },
};

export function planImport(parsed: ParsedLedger, existing: ExistingData, options: ImportOptions): ImportPlan {
  const nowIso = toShanghaiIsoSeconds(options.now);
  const errors: LedgerError[] = [...parsed.errors];
  const sheets = Object.fromEntries(
    LEDGER_SHEETS.map((s) => [s.key, { create: 0, update: 0, unchanged: 0, errors: parsed.badRows[s.key].length }]),
  ) as ImportPlan['sheets'];
  const plan: ImportPlan = {
    tables: {
      recipients: emptyPlan(),
      visits: emptyPlan(),
      aid: emptyPlan(),
      duties: emptyPlan(),
      dutyOccurrences: emptyPlan(),
      requests: emptyPlan(),
    },
    sheets,
    errors,
    masked: parsed.masked,
  };
  if (parsed.masked) return plan;

  const staffByName = new Map<string, string>();
  for (const s of existing.staff) if (!staffByName.has(s.name)) staffByName.set(s.name, s.id);
  const recipientsById = new Map(existing.recipients.map((r) => [r.id, r]));
  const recipientsByIdNumber = new Map(existing.recipients.map((r) => [r.idNumber, r]));
  const known = new Map<string, { id: string; stationCode: string }>(
    existing.recipients.map((r) => [r.idNumber, { id: r.id, stationCode: r.stationCode }]),
  );
  const ctx: ImportContext = {
    staffIdByName: (name) => staffByName.get(name.trim()) ?? null,
    recipientByIdNumber: (idNumber) => known.get(idNumber) ?? null,
  };
  const fail = (key: SheetKey, errs: LedgerError[]): void => {
    errors.push(...errs);
    sheets[key].errors++;
  };
  const outOfScope = (d: Draftable, row: number, column: string): LedgerError => ({
    sheet: d.sheet.zh,
    row,
    column: keyColumn(d, column),
    reason: 'forbidden_scope',
  });

  // ---- recipients ----
  const createdRecipients: Recipient[] = [];
  {
    const d = layout('recipients');
    const seen = new Set<string>();
    const usedIds = new Set(recipientsById.keys());
    for (const row of parsed.sheets.recipients) {
      const idNumber = row.values.idNumber as string;
      if (seen.has(idNumber)) {
        fail('recipients', [{ sheet: d.sheet.zh, row: row.row, column: keyColumn(d, 'idNumber'), reason: 'ledger_duplicate_row' }]);
        continue;
      }
      seen.add(idNumber);
      const fileId = typeof row.values.id === 'string' ? row.values.id : null;
      const before = recipientsByIdNumber.get(idNumber) ?? (fileId !== null ? recipientsById.get(fileId) : undefined);
      const draft: Draft = before
        ? clone(before)
        : {
            id: fileId !== null && !usedIds.has(fileId) ? fileId : contentId(`recipient|${idNumber}`),
            name: '',
            gender: 'male',
            idNumber,
            birthDate: '',
            lunarBirthday: false,
            phones: [],
            address: '',
            stationCode: '',
            categories: [],
            livingSituation: [],
            healthNotes: '',
            pensionKind: null,
            emergencyContacts: [],
            dedicatedStaffId: null,
            medicalCard: false,
            status: 'active',
            statusDate: null,
            tags: [],
          };
      if (before && !isInScope(before.stationCode, options.scope)) {
        fail('recipients', [outOfScope(d, row.row, 'stationCode')]);
        continue;
      }
      const putErrors = applyColumns(d, row, draft, ctx, new Set(['id']));
      if (putErrors.length > 0) {
        fail('recipients', putErrors);
        continue;
      }
      const v = validate(recipientSchema, { ...draft, rev: before?.rev ?? 0, updatedAt: before?.updatedAt ?? nowIso }, d, row.row);
      if (!v.ok) {
        fail('recipients', v.errors);
        continue;
      }
      if (!isInScope(v.value.stationCode, options.scope)) {
        fail('recipients', [outOfScope(d, row.row, 'stationCode')]);
        continue;
      }
      usedIds.add(v.value.id);
      known.set(v.value.idNumber, { id: v.value.id, stationCode: v.value.stationCode });
      if (!before) {
        plan.tables.recipients.create.push(v.value);
        createdRecipients.push(v.value);
        sheets.recipients.create++;
        continue;
      }
      const fields = changedFields(before, v.value);
      if (fields.length === 0) {
        plan.tables.recipients.unchanged++;
        sheets.recipients.unchanged++;
        continue;
      }
      plan.tables.recipients.update.push({ before, after: { ...v.value, updatedAt: nowIso }, fields });
      sheets.recipients.update++;
    }
  }

  // ---- visits, aid, requests ----
  const records = <K extends 'visits' | 'aid' | 'requests'>(
    key: K,
    schema: z.ZodType<ImportPlan['tables'][K]['create'][number]>,
    rowsBefore: readonly ImportPlan['tables'][K]['create'][number][],
  ): void => {
    type Row = ImportPlan['tables'][K]['create'][number];
    const d = layout(key);
    const byId = new Map<string, Row>(rowsBefore.map((r) => [r.id, r]));
    const seen = new Set<string>();
    const target = plan.tables[key] as TablePlan<Row>;
    for (const row of parsed.sheets[key]) {
      const id = typeof row.values.id === 'string' ? row.values.id : contentId(`${key}|${JSON.stringify(row.values)}`);
      if (seen.has(id)) {
        fail(key, [{ sheet: d.sheet.zh, row: row.row, column: keyColumn(d, 'id'), reason: 'ledger_duplicate_row' }]);
        continue;
      }
      seen.add(id);
      const before = byId.get(id);
      if (before && !isInScope(before.stationCode, options.scope)) {
        fail(key, [outOfScope(d, row.row, 'recipientIdNumber')]);
        continue;
      }
      const draft: Draft = before ? clone(before) : { id, recipientId: '', stationCode: '', ...clone(NEW_DEFAULTS[key]) };
      const putErrors = applyColumns(d, row, draft, ctx, new Set());
      if (putErrors.length > 0) {
        fail(key, putErrors);
        continue;
      }
      draft.id = id;
      // A call-back is its four columns together; without a date there is none.
      if (
        key === 'requests' &&
        typeof draft.callback === 'object' &&
        draft.callback !== null &&
        (draft.callback as { at?: unknown }).at == null
      )
        draft.callback = null;
      if (key === 'visits' && (draft.staffIds as string[]).length === 0 && options.actorStaffId !== null)
        draft.staffIds = [options.actorStaffId];
      const v = validate(schema, { ...draft, rev: before?.rev ?? 0, updatedAt: before?.updatedAt ?? nowIso }, d, row.row);
      if (!v.ok) {
        fail(key, v.errors);
        continue;
      }
      if (!isInScope(v.value.stationCode, options.scope)) {
        fail(key, [outOfScope(d, row.row, 'recipientIdNumber')]);
        continue;
      }
      if (!before) {
        target.create.push(v.value);
        sheets[key].create++;
        continue;
      }
      const fields = changedFields(before, v.value);
      if (fields.length === 0) {
        target.unchanged++;
        sheets[key].unchanged++;
        continue;
      }
      target.update.push({ before, after: { ...v.value, updatedAt: nowIso }, fields });
      sheets[key].update++;
    }
  };
  records('visits', visitSchema, existing.visits);
  records('aid', aidSchema, existing.aid);
  records('requests', requestSchema, existing.requests);

  // ---- duties: one row per occurrence, with its plan ----
  const plannedDuties = new Map<string, Duty>();
  {
    const d = layout('duties');
    const occById = new Map(existing.dutyOccurrences.map((o) => [o.id, o]));
    const dutyById = new Map(existing.duties.map((x) => [x.id, x]));
    const seen = new Set<string>();
    for (const row of parsed.sheets.duties) {
      const id = typeof row.values.id === 'string' ? row.values.id : contentId(`duties|${JSON.stringify(row.values)}`);
      if (seen.has(id)) {
        fail('duties', [{ sheet: d.sheet.zh, row: row.row, column: keyColumn(d, 'id'), reason: 'ledger_duplicate_row' }]);
        continue;
      }
      seen.add(id);
      const dutyId = row.values.dutyId as string;
      const beforeOcc = occById.get(id);
      const beforeDuty = plannedDuties.get(dutyId) ?? dutyById.get(dutyId);
      if (beforeOcc && !isInScope(beforeOcc.stationCode, options.scope)) {
        fail('duties', [outOfScope(d, row.row, 'recipientIdNumber')]);
        continue;
      }
      const occurrence: Draft = beforeOcc
        ? clone(beforeOcc)
        : { id, dutyId, recipientId: '', stationCode: '', dueDate: '', status: 'pending', doneAt: null, visitId: null };
      const duty: Draft = beforeDuty
        ? clone(beforeDuty)
        : {
            id: dutyId,
            recipientId: '',
            stationCode: '',
            kind: 'phone_call',
            recurrence: { type: 'once', date: '' },
            anchorDate: '',
            assigneeId: null,
            active: true,
            source: 'custom',
            note: '',
          };
      const draft: Draft = { occurrence, duty };
      const putErrors = applyColumns(d, row, draft, ctx, new Set());
      if (putErrors.length > 0) {
        fail('duties', putErrors);
        continue;
      }
      occurrence.id = id;
      const vd = validate(dutySchema, { ...duty, rev: beforeDuty?.rev ?? 0, updatedAt: beforeDuty?.updatedAt ?? nowIso }, d, row.row);
      const vo = validate(
        dutyOccurrenceSchema,
        { ...occurrence, rev: beforeOcc?.rev ?? 0, updatedAt: beforeOcc?.updatedAt ?? nowIso },
        d,
        row.row,
      );
      if (!vd.ok || !vo.ok) {
        fail('duties', [...(vd.ok ? [] : vd.errors), ...(vo.ok ? [] : vo.errors)]);
        continue;
      }
      if (!isInScope(vo.value.stationCode, options.scope)) {
        fail('duties', [outOfScope(d, row.row, 'recipientIdNumber')]);
        continue;
      }
      plannedDuties.set(dutyId, vd.value);
      if (!beforeOcc) {
        plan.tables.dutyOccurrences.create.push(vo.value);
        sheets.duties.create++;
        continue;
      }
      const fields = changedFields(beforeOcc, vo.value);
      if (fields.length === 0) {
        plan.tables.dutyOccurrences.unchanged++;
        sheets.duties.unchanged++;
        continue;
      }
      plan.tables.dutyOccurrences.update.push({ before: beforeOcc, after: { ...vo.value, updatedAt: nowIso }, fields });
      sheets.duties.update++;
    }
    for (const [dutyId, after] of plannedDuties) {
      const before = dutyById.get(dutyId);
      if (!before) {
        plan.tables.duties.create.push(after);
        continue;
      }
      const fields = changedFields(before, after);
      if (fields.length === 0) plan.tables.duties.unchanged++;
      else plan.tables.duties.update.push({ before, after: { ...after, updatedAt: nowIso }, fields });
    }
  }

  // ---- default duty plans for new recipients the file gives no duties ----
  const today = todayInShanghai(options.now);
  const withDuties = new Set([...plannedDuties.values()].map((x) => x.recipientId));
  for (const r of createdRecipients) {
    if (withDuties.has(r.id)) continue;
    let n = 0;
    const newId = (): string => contentId(`default-duty|${r.id}|${n++}`);
    for (const duty of defaultDutiesFor(r, { today, assigneeId: options.actorStaffId, newId, now: nowIso })) {
      plan.tables.duties.create.push(duty);
      const o = firstOccurrence(duty, r, today, newId, nowIso);
      if (o) plan.tables.dutyOccurrences.create.push(o);
    }
  }
  errors.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
  return plan;
}

function sheetOrder(zh: string): number {
  const i = LEDGER_SHEETS.findIndex((s) => s.zh === zh);
  return i < 0 ? -1 : i;
}

/** Rows the plan would write, in an order that keeps references valid (recipients first). */
export const WRITE_ORDER: readonly (keyof ImportPlan['tables'] & EntityTable)[] = [
  'recipients',
  'duties',
  'dutyOccurrences',
  'visits',
  'aid',
  'requests',
];

export function planCounts(plan: ImportPlan): { create: number; update: number; unchanged: number } {
  let create = 0;
  let update = 0;
  let unchanged = 0;
  for (const t of WRITE_ORDER) {
    create += plan.tables[t].create.length;
    update += plan.tables[t].update.length;
    unchanged += plan.tables[t].unchanged;
  }
  return { create, update, unchanged };
}

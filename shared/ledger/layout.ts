import {
  AID_KIND,
  CATEGORY,
  CONDITION_LEVEL,
  CONTACT_OUTCOME,
  DISABILITY_CAUSE,
  DUTY_KIND,
  FAMILY_RELATION,
  FESTIVAL,
  FUND_SOURCE,
  GENDER,
  LIVING_SITUATION,
  OCCURRENCE_STATUS,
  PENSION_KIND,
  RECIPIENT_STATUS,
  RECURRENCE_TYPE,
  REQUEST_SOURCE,
  REQUEST_STATUS,
  REQUEST_TOPIC,
  URGENCY,
  VISIT_MODE,
  VISIT_PURPOSE,
} from '../domain/enums';
import type { AttachmentOwnerTable } from '../attachments/limits';
import { defineEnum } from '../domain/labels';
import type { Aid, Duty, DutyOccurrence, Recipient, Recurrence, Request, Visit } from '../domain/schemas';
import { stationPathName } from '../stations/tree';
import { type CellType, type EnumDef, type Logical, LIST_SEPARATOR, enumFromText, splitList } from './cells';

/**
 * The ledger (台账) layout as data: five sheets, each a list of columns with its Chinese and
 * English header, its cell type and how it maps to and from the domain row. The writer, the
 * reader, the import plan and the README table all read this one description.
 *
 * Decisions (see README "Excel ledger"):
 * - 服务任务 has one row per duty OCCURRENCE (a due date and whether it was done), carrying its
 *   plan's columns (plan id, kind, recurrence, anchor date …): that is what a station reports.
 * - Rows of the four record sheets point at their recipient by 身份证号 and carry 记录编号 (the
 *   record id), so a re-import matches each record exactly; recipients match by 身份证号.
 * - 姓名 and 服务站 on the record sheets are for people reading the ledger; on import a record
 *   always follows its recipient's station.
 * - Staff appear by name; on import a name is matched against the staff roster, and a name
 *   that matches nobody leaves the stored assignment as it was (a new visit: the importing user).
 */

export type SheetKey = 'recipients' | 'visits' | 'aid' | 'duties' | 'requests';

/** What export needs besides the rows: names of staff and recipients. */
export interface ExportContext {
  staffName: (id: string) => string | null;
  recipient: (id: string) => Recipient | undefined;
  /** Attachments not withdrawn: of one record, or (`recipients`) of the person's whole case file. */
  attachmentCount: (table: AttachmentOwnerTable, id: string) => number;
}

/** What import needs to resolve names and ID numbers. */
export interface ImportContext {
  staffIdByName: (name: string) => string | null;
  /** A recipient known to the import (already stored, or created by this same file). */
  recipientByIdNumber: (idNumber: string) => { id: string; stationCode: string } | null;
}

/** A row being assembled on import; for 服务任务 it is `{ occurrence, duty }`. */
export type Draft = Record<string, unknown>;

export interface Column<D> {
  key: string;
  zh: string;
  en: string;
  type: CellType;
  enumDef?: EnumDef;
  /** Chinese labels an earlier version exported for a value, still read on import. */
  legacyLabels?: Readonly<Record<string, string>>;
  /** The reason given for a label that is not one of the enum's (default ledger_option_unknown). */
  unknownReason?: string;
  /** A blank cell is an error on import. */
  required?: boolean;
  width: number;
  /** Domain field paths this column fills, so a schema error points at the right column. */
  paths: readonly string[];
  get: (row: D, ctx: ExportContext) => Logical;
  /** Absent for columns that are only there to be read by people. Returns an error code or null. */
  put?: (draft: Draft, value: Logical, ctx: ImportContext) => string | null;
}

export interface DutyRow {
  occurrence: DutyOccurrence;
  duty: Duty;
}

export interface SheetRows {
  recipients: Recipient;
  visits: Visit;
  aid: Aid;
  duties: DutyRow;
  requests: Request;
}

export interface SheetLayout<K extends SheetKey> {
  key: K;
  zh: string;
  en: string;
  columns: readonly Column<SheetRows[K]>[];
}

const DUTY_SOURCE = defineEnum({
  default: { zh: '按类别默认', en: 'Category default' },
  custom: { zh: '自定义', en: 'Custom' },
});

const str = (v: Logical): string => (typeof v === 'string' ? v : '');
const list = (v: Logical): string[] => (Array.isArray(v) ? v : []);
const nullable = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

/** Keeps the stored timestamp when the cell shows the same instant (cells hold seconds, not ms). */
function keepInstant(previous: unknown, next: Logical): Logical {
  if (typeof previous === 'string' && typeof next === 'string') {
    const a = Math.round(Date.parse(previous) / 1000);
    if (a === Math.round(Date.parse(next) / 1000)) return previous;
  }
  return next;
}

function staffNames(ids: readonly string[], ctx: ExportContext): string[] {
  return ids.map((id) => ctx.staffName(id) ?? '').filter((n) => n !== '');
}

function text<D extends Draft | SheetRows[SheetKey]>(
  key: string,
  zh: string,
  en: string,
  width: number,
  extra: Partial<Column<D>> = {},
): Column<D> {
  return {
    key,
    zh,
    en,
    type: 'text',
    width,
    paths: [key],
    get: (row) => nullable((row as Record<string, unknown>)[key] as string | null),
    put: (d, v) => {
      d[key] = str(v);
      return null;
    },
    ...extra,
  };
}

function field(draft: Draft, part: 'occurrence' | 'duty'): Draft {
  return draft[part] as Draft;
}

// ---- recipients -------------------------------------------------------------------------

const FAMILY = new Set(['martyr_family', 'duty_death_family', 'illness_death_family']);

type Entry = Recipient['categories'][number];

function entries(draft: Draft): Entry[] {
  return draft.categories as Entry[];
}

function familyEntry(draft: Draft): Entry | undefined {
  return entries(draft).find((e) => FAMILY.has(e.code));
}

function disabledEntry(draft: Draft): Entry | undefined {
  return entries(draft).find((e) => e.code === 'disabled_veteran');
}

function formatContacts(cs: Recipient['emergencyContacts']): string {
  return cs.map((c) => `${c.name}（${c.relation}）${c.phone}`).join('；');
}

function parseContacts(text: string): Recipient['emergencyContacts'] | null {
  const out: Recipient['emergencyContacts'] = [];
  for (const part of text
    .split(/[；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(.+?)[（(](.*?)[）)]\s*(\S+)$/.exec(part);
    if (!m) return null;
    out.push({ name: m[1]!.trim(), relation: m[2]!.trim(), phone: m[3]! });
  }
  return out;
}

const recipientColumns: Column<Recipient>[] = [
  {
    key: 'id',
    zh: '记录编号',
    en: 'Record ID',
    type: 'recordId',
    width: 38,
    paths: ['id'],
    get: (r) => r.id,
    put: (d, v) => {
      if (typeof v === 'string') d.id = v;
      return null;
    },
  },
  text('name', '姓名', 'Name', 10, { required: true }),
  {
    key: 'gender',
    zh: '性别',
    en: 'Gender',
    type: 'enum',
    enumDef: GENDER,
    required: true,
    width: 6,
    paths: ['gender'],
    get: (r) => r.gender,
    put: (d, v) => {
      d.gender = v;
      return null;
    },
  },
  {
    key: 'idNumber',
    zh: '身份证号',
    en: 'ID number',
    type: 'idNumber',
    required: true,
    width: 21,
    paths: ['idNumber'],
    get: (r) => r.idNumber,
    put: (d, v) => {
      d.idNumber = v;
      return null;
    },
  },
  {
    key: 'birthDate',
    zh: '出生日期',
    en: 'Date of birth',
    type: 'date',
    required: true,
    width: 12,
    paths: ['birthDate'],
    get: (r) => r.birthDate,
    put: (d, v) => {
      d.birthDate = v;
      return null;
    },
  },
  {
    key: 'lunarBirthday',
    zh: '农历生日',
    en: 'Lunar birthday',
    type: 'bool',
    width: 9,
    paths: ['lunarBirthday'],
    get: (r) => r.lunarBirthday,
    put: (d, v) => {
      d.lunarBirthday = v === true;
      return null;
    },
  },
  {
    key: 'phones',
    zh: '联系电话',
    en: 'Phones',
    type: 'textList',
    width: 16,
    paths: ['phones'],
    get: (r) => r.phones,
    put: (d, v) => {
      d.phones = list(v);
      return null;
    },
  },
  text('address', '住址', 'Address', 30),
  {
    key: 'stationCode',
    zh: '服务站',
    en: 'Station',
    type: 'station',
    required: true,
    width: 28,
    paths: ['stationCode'],
    get: (r) => r.stationCode,
    put: (d, v) => {
      d.stationCode = v;
      return null;
    },
  },
  {
    key: 'categories',
    zh: '优抚类别',
    en: 'Categories',
    type: 'enumList',
    enumDef: CATEGORY,
    unknownReason: 'ledger_category_unknown',
    required: true,
    width: 18,
    paths: ['categories'],
    get: (r) => r.categories.map((c) => c.code),
    put: (d, v) => {
      const before = entries(d);
      d.categories = list(v).map(
        (code) =>
          before.find((e) => e.code === code) ?? {
            code,
            disabilityGrade: null,
            disabilityCause: null,
            relation: null,
            fallenName: null,
            fallenDate: null,
          },
      );
      return null;
    },
  },
  {
    key: 'disabilityGrade',
    zh: '残疾等级',
    en: 'Disability grade',
    type: 'integer',
    width: 9,
    paths: ['categories.disabilityGrade'],
    get: (r) => r.categories.find((c) => c.code === 'disabled_veteran')?.disabilityGrade ?? null,
    put: (d, v) => {
      const e = disabledEntry(d);
      if (e) e.disabilityGrade = typeof v === 'number' ? v : null;
      return null;
    },
  },
  {
    key: 'disabilityCause',
    zh: '残疾性质',
    en: 'Cause of disability',
    type: 'enum',
    enumDef: DISABILITY_CAUSE,
    width: 9,
    paths: ['categories.disabilityCause'],
    get: (r) => r.categories.find((c) => c.code === 'disabled_veteran')?.disabilityCause ?? null,
    put: (d, v) => {
      const e = disabledEntry(d);
      if (e) e.disabilityCause = v as Entry['disabilityCause'];
      return null;
    },
  },
  {
    key: 'relation',
    zh: '与牺牲（病故）军人关系',
    en: 'Relation to the fallen',
    type: 'enum',
    enumDef: FAMILY_RELATION,
    width: 12,
    paths: ['categories.relation'],
    get: (r) => r.categories.find((c) => FAMILY.has(c.code))?.relation ?? null,
    put: (d, v) => {
      const e = familyEntry(d);
      if (e) e.relation = v as Entry['relation'];
      return null;
    },
  },
  {
    key: 'fallenName',
    zh: '牺牲（病故）军人姓名',
    en: 'Name of the fallen',
    type: 'text',
    width: 12,
    paths: ['categories.fallenName'],
    get: (r) => r.categories.find((c) => FAMILY.has(c.code))?.fallenName ?? null,
    put: (d, v) => {
      const e = familyEntry(d);
      if (e) e.fallenName = str(v) || null;
      return null;
    },
  },
  {
    key: 'fallenDate',
    zh: '牺牲（病故）日期',
    en: 'Date of death of the fallen',
    type: 'date',
    width: 12,
    paths: ['categories.fallenDate'],
    get: (r) => r.categories.find((c) => FAMILY.has(c.code))?.fallenDate ?? null,
    put: (d, v) => {
      const e = familyEntry(d);
      if (e) e.fallenDate = typeof v === 'string' ? v : null;
      return null;
    },
  },
  {
    key: 'livingSituation',
    zh: '居住情况',
    en: 'Living situation',
    type: 'enumList',
    enumDef: LIVING_SITUATION,
    width: 10,
    paths: ['livingSituation'],
    get: (r) => r.livingSituation,
    put: (d, v) => {
      d.livingSituation = list(v);
      return null;
    },
  },
  {
    key: 'pensionKind',
    zh: '抚恤补助',
    en: 'Pension',
    type: 'enum',
    enumDef: PENSION_KIND,
    width: 12,
    paths: ['pensionKind'],
    get: (r) => r.pensionKind,
    put: (d, v) => {
      d.pensionKind = v;
      return null;
    },
  },
  {
    key: 'medicalCard',
    zh: '优待证/医疗证',
    en: 'Medical card',
    type: 'bool',
    width: 9,
    paths: ['medicalCard'],
    get: (r) => r.medicalCard,
    put: (d, v) => {
      d.medicalCard = v === true;
      return null;
    },
  },
  text('healthNotes', '健康状况', 'Health notes', 20),
  {
    key: 'emergencyContacts',
    zh: '紧急联系人',
    en: 'Emergency contacts',
    type: 'text',
    width: 26,
    paths: ['emergencyContacts'],
    get: (r) => formatContacts(r.emergencyContacts),
    put: (d, v) => {
      const cs = parseContacts(str(v));
      if (cs === null) return 'ledger_contact_invalid';
      d.emergencyContacts = cs;
      return null;
    },
  },
  {
    key: 'dedicatedStaff',
    zh: '专责人员',
    en: 'Dedicated staff',
    type: 'text',
    width: 10,
    paths: ['dedicatedStaffId'],
    get: (r, ctx) => (r.dedicatedStaffId === null ? null : ctx.staffName(r.dedicatedStaffId)),
    put: (d, v, ctx) => {
      if (str(v) === '') d.dedicatedStaffId = null;
      else d.dedicatedStaffId = ctx.staffIdByName(str(v)) ?? d.dedicatedStaffId ?? null;
      return null;
    },
  },
  // A blank status keeps the stored one; a new recipient is then 在册 (active).
  {
    key: 'status',
    zh: '状态',
    en: 'Status',
    type: 'enum',
    enumDef: RECIPIENT_STATUS,
    width: 7,
    paths: ['status'],
    get: (r) => r.status,
    put: (d, v) => {
      if (v !== null) d.status = v;
      return null;
    },
  },
  {
    key: 'statusDate',
    zh: '迁出/去世日期',
    en: 'Moved / died on',
    type: 'date',
    width: 12,
    paths: ['statusDate'],
    get: (r) => r.statusDate,
    put: (d, v) => {
      d.statusDate = v;
      return null;
    },
  },
  {
    key: 'tags',
    zh: '标签',
    en: 'Tags',
    type: 'textList',
    width: 12,
    paths: ['tags'],
    get: (r) => r.tags,
    put: (d, v) => {
      d.tags = list(v);
      return null;
    },
  },
];

// ---- record sheets: the recipient reference ---------------------------------------------

/** 记录编号, 身份证号, 姓名, 服务站: the first four columns of every record sheet. */
function recordHead<D extends { id: string; recipientId: string | null; stationCode: string }>(): Column<D>[] {
  return [
    {
      key: 'id',
      zh: '记录编号',
      en: 'Record ID',
      type: 'recordId',
      width: 38,
      paths: ['id'],
      get: (r) => r.id,
      put: (d, v) => {
        if (typeof v === 'string') d.id = v;
        return null;
      },
    },
    {
      key: 'recipientIdNumber',
      zh: '身份证号',
      en: 'ID number',
      type: 'idNumber',
      required: true,
      width: 21,
      paths: ['recipientId'],
      get: (r, ctx) => (r.recipientId === null ? null : ctx.recipient(r.recipientId)?.idNumber) ?? null,
      put: (d, v, ctx) => {
        const found = ctx.recipientByIdNumber(str(v));
        if (!found) return 'ledger_recipient_not_found';
        d.recipientId = found.id;
        d.stationCode = found.stationCode;
        return null;
      },
    },
    {
      key: 'recipientName',
      zh: '姓名',
      en: 'Name',
      type: 'text',
      width: 10,
      paths: [],
      get: (r, ctx) => (r.recipientId === null ? null : ctx.recipient(r.recipientId)?.name) ?? null,
    },
    {
      key: 'station',
      zh: '服务站',
      en: 'Station',
      type: 'text',
      width: 28,
      paths: ['stationCode'],
      get: (r) => stationPathName(r.stationCode),
    },
  ];
}

// ---- visits -----------------------------------------------------------------------------

function conditionColumn(key: 'health' | 'living' | 'mood', zh: string, en: string): Column<Visit> {
  return {
    key,
    zh,
    en,
    type: 'enum',
    enumDef: CONDITION_LEVEL,
    width: 9,
    paths: [`condition.${key}`],
    get: (v) => v.condition[key],
    put: (d, v) => {
      d.condition = { ...(d.condition as Visit['condition']), [key]: v };
      return null;
    },
  };
}

const visitColumns: Column<Visit>[] = [
  ...recordHead<Visit>(),
  {
    key: 'visitedAt',
    zh: '走访时间',
    en: 'Visited at',
    type: 'datetime',
    required: true,
    width: 17,
    paths: ['visitedAt'],
    get: (v) => v.visitedAt,
    put: (d, v) => {
      d.visitedAt = keepInstant(d.visitedAt, v);
      return null;
    },
  },
  {
    key: 'mode',
    zh: '方式',
    en: 'Mode',
    type: 'enum',
    enumDef: VISIT_MODE,
    required: true,
    width: 10,
    paths: ['mode'],
    get: (v) => v.mode,
    put: (d, v) => {
      d.mode = v;
      return null;
    },
  },
  {
    key: 'outcome',
    zh: '联系结果',
    en: 'Outcome',
    type: 'enum',
    enumDef: CONTACT_OUTCOME,
    width: 9,
    paths: ['outcome'],
    get: (v) => v.outcome ?? 'reached',
    put: (d, v) => {
      d.outcome = v ?? 'reached';
      return null;
    },
  },
  {
    key: 'purpose',
    zh: '事由',
    en: 'Purpose',
    type: 'enum',
    enumDef: VISIT_PURPOSE,
    required: true,
    width: 12,
    paths: ['purpose'],
    get: (v) => v.purpose,
    put: (d, v) => {
      d.purpose = v;
      return null;
    },
  },
  {
    key: 'festival',
    zh: '节日',
    en: 'Festival',
    type: 'enum',
    enumDef: FESTIVAL,
    width: 10,
    paths: ['festival'],
    get: (v) => v.festival,
    put: (d, v) => {
      d.festival = v;
      return null;
    },
  },
  {
    key: 'staff',
    zh: '走访人员',
    en: 'Staff',
    type: 'textList',
    width: 14,
    paths: ['staffIds'],
    get: (v, ctx) => staffNames(v.staffIds, ctx),
    put: (d, v, ctx) => {
      const ids = list(v)
        .map((n) => ctx.staffIdByName(n))
        .filter((id): id is string => id !== null);
      if (ids.length > 0) d.staffIds = [...new Set(ids)];
      return null;
    },
  },
  conditionColumn('health', '身体状况', 'Health'),
  conditionColumn('living', '生活状况', 'Living conditions'),
  conditionColumn('mood', '精神状态', 'Mood'),
  text('notes', '情况记录', 'Notes', 30),
];

// ---- aid --------------------------------------------------------------------------------

const aidColumns: Column<Aid>[] = [
  ...recordHead<Aid>(),
  {
    key: 'date',
    zh: '日期',
    en: 'Date',
    type: 'date',
    required: true,
    width: 12,
    paths: ['date'],
    get: (a) => a.date,
    put: (d, v) => {
      d.date = v;
      return null;
    },
  },
  {
    key: 'kind',
    zh: '帮扶类型',
    en: 'Kind',
    type: 'enum',
    enumDef: AID_KIND,
    required: true,
    width: 10,
    paths: ['kind'],
    get: (a) => a.kind,
    put: (d, v) => {
      d.kind = v;
      return null;
    },
  },
  {
    key: 'amount',
    zh: '金额（元）',
    en: 'Amount (yuan)',
    type: 'money',
    width: 12,
    paths: ['amountFen'],
    get: (a) => a.amountFen,
    put: (d, v) => {
      d.amountFen = v;
      return null;
    },
  },
  {
    key: 'quantity',
    zh: '数量',
    en: 'Quantity',
    type: 'integer',
    width: 6,
    paths: ['quantity'],
    get: (a) => a.quantity,
    put: (d, v) => {
      d.quantity = v;
      return null;
    },
  },
  {
    key: 'item',
    zh: '物品/服务',
    en: 'Item / service',
    type: 'text',
    width: 18,
    paths: ['item'],
    get: (a) => a.item,
    put: (d, v) => {
      d.item = str(v) === '' ? null : str(v);
      return null;
    },
  },
  {
    key: 'fundSource',
    zh: '资金来源',
    en: 'Fund',
    type: 'enum',
    enumDef: FUND_SOURCE,
    required: true,
    width: 16,
    paths: ['fundSource'],
    get: (a) => a.fundSource,
    put: (d, v) => {
      d.fundSource = v;
      return null;
    },
  },
  text('approvedBy', '审批单位', 'Approved by', 14),
  {
    key: 'acknowledged',
    zh: '已签收',
    en: 'Acknowledged',
    type: 'bool',
    width: 7,
    paths: ['acknowledged'],
    get: (a) => a.acknowledged,
    put: (d, v) => {
      d.acknowledged = v === true;
      return null;
    },
  },
  {
    key: 'voided',
    zh: '已作废',
    en: 'Voided',
    type: 'bool',
    width: 7,
    paths: ['voided'],
    get: (a) => a.voided,
    put: (d, v) => {
      d.voided = v === true;
      return null;
    },
  },
  {
    key: 'voidReason',
    zh: '作废原因',
    en: 'Reason voided',
    type: 'text',
    width: 14,
    paths: ['voidReason'],
    get: (a) => a.voidReason,
    put: (d, v) => {
      d.voidReason = str(v) === '' ? null : str(v);
      return null;
    },
  },
];

// ---- duties (one row per occurrence) ------------------------------------------------------

/** 每月 / 每年 3月15日 / 节日 春节 / 一次性 2026-05-01. */
export function formatRecurrence(r: Recurrence): string {
  const label = RECURRENCE_TYPE.labels[r.type].zh;
  switch (r.type) {
    case 'yearly':
      return `${label} ${r.month}月${r.day}日`;
    case 'festival':
      return `${label} ${FESTIVAL.labels[r.festival].zh}`;
    case 'once':
      return `${label} ${r.date}`;
    default:
      return label;
  }
}

export function parseRecurrence(text: string): Recurrence | null {
  const [head = '', ...rest] = text.trim().split(/\s+/);
  const type = enumFromText(RECURRENCE_TYPE, head) as Recurrence['type'] | null;
  const detail = rest.join(' ');
  switch (type) {
    case null:
      return null;
    case 'yearly': {
      const m = /^(\d{1,2})月(\d{1,2})日$/.exec(detail);
      return m ? { type, month: Number(m[1]), day: Number(m[2]) } : null;
    }
    case 'festival': {
      const f = enumFromText(FESTIVAL, detail) as (typeof FESTIVAL.values)[number] | null;
      return f ? { type, festival: f } : null;
    }
    case 'once':
      return /^\d{4}-\d{2}-\d{2}$/.test(detail) ? { type, date: detail } : null;
    default:
      return detail === '' ? { type } : null;
  }
}

const occ = (d: Draft): Draft => field(d, 'occurrence');
const plan = (d: Draft): Draft => field(d, 'duty');

const dutyColumns: Column<DutyRow>[] = [
  {
    key: 'id',
    zh: '记录编号',
    en: 'Record ID',
    type: 'recordId',
    width: 38,
    paths: ['id'],
    get: (r) => r.occurrence.id,
    put: (d, v) => {
      if (typeof v === 'string') occ(d).id = v;
      return null;
    },
  },
  {
    key: 'recipientIdNumber',
    zh: '身份证号',
    en: 'ID number',
    type: 'idNumber',
    required: true,
    width: 21,
    paths: ['recipientId'],
    get: (r, ctx) => ctx.recipient(r.occurrence.recipientId)?.idNumber ?? null,
    put: (d, v, ctx) => {
      const found = ctx.recipientByIdNumber(str(v));
      if (!found) return 'ledger_recipient_not_found';
      for (const t of [occ(d), plan(d)]) {
        t.recipientId = found.id;
        t.stationCode = found.stationCode;
      }
      return null;
    },
  },
  {
    key: 'recipientName',
    zh: '姓名',
    en: 'Name',
    type: 'text',
    width: 10,
    paths: [],
    get: (r, ctx) => ctx.recipient(r.occurrence.recipientId)?.name ?? null,
  },
  {
    key: 'station',
    zh: '服务站',
    en: 'Station',
    type: 'text',
    width: 28,
    paths: ['stationCode'],
    get: (r) => stationPathName(r.occurrence.stationCode),
  },
  {
    key: 'dutyId',
    zh: '计划编号',
    en: 'Plan ID',
    type: 'recordId',
    required: true,
    width: 38,
    paths: ['dutyId'],
    get: (r) => r.duty.id,
    put: (d, v) => {
      plan(d).id = v;
      occ(d).dutyId = v;
      return null;
    },
  },
  {
    key: 'kind',
    zh: '任务类型',
    en: 'Duty',
    type: 'enum',
    enumDef: DUTY_KIND,
    required: true,
    width: 10,
    paths: ['kind'],
    get: (r) => r.duty.kind,
    put: (d, v) => {
      plan(d).kind = v;
      return null;
    },
  },
  {
    key: 'recurrence',
    zh: '周期',
    en: 'Recurrence',
    type: 'text',
    required: true,
    width: 14,
    paths: ['recurrence'],
    get: (r) => formatRecurrence(r.duty.recurrence),
    put: (d, v) => {
      const rec = parseRecurrence(str(v));
      if (!rec) return 'ledger_recurrence_invalid';
      plan(d).recurrence = rec;
      return null;
    },
  },
  {
    key: 'anchorDate',
    zh: '计划起始日期',
    en: 'Plan starts',
    type: 'date',
    required: true,
    width: 12,
    paths: ['anchorDate'],
    get: (r) => r.duty.anchorDate,
    put: (d, v) => {
      plan(d).anchorDate = v;
      return null;
    },
  },
  {
    key: 'dueDate',
    zh: '应办日期',
    en: 'Due',
    type: 'date',
    required: true,
    width: 12,
    paths: ['dueDate'],
    get: (r) => r.occurrence.dueDate,
    put: (d, v) => {
      occ(d).dueDate = v;
      return null;
    },
  },
  {
    key: 'status',
    zh: '办理状态',
    en: 'Status',
    type: 'enum',
    enumDef: OCCURRENCE_STATUS,
    required: true,
    width: 9,
    paths: ['status'],
    get: (r) => r.occurrence.status,
    put: (d, v) => {
      occ(d).status = v;
      return null;
    },
  },
  {
    key: 'doneAt',
    zh: '完成时间',
    en: 'Done at',
    type: 'datetime',
    width: 17,
    paths: ['doneAt'],
    get: (r) => r.occurrence.doneAt,
    put: (d, v) => {
      occ(d).doneAt = keepInstant(occ(d).doneAt, v);
      return null;
    },
  },
  {
    key: 'assignee',
    zh: '负责人',
    en: 'Assignee',
    type: 'text',
    width: 10,
    paths: ['assigneeId'],
    get: (r, ctx) => (r.duty.assigneeId === null ? null : ctx.staffName(r.duty.assigneeId)),
    put: (d, v, ctx) => {
      if (str(v) === '') plan(d).assigneeId = null;
      else plan(d).assigneeId = ctx.staffIdByName(str(v)) ?? plan(d).assigneeId ?? null;
      return null;
    },
  },
  {
    key: 'active',
    zh: '计划有效',
    en: 'Plan active',
    type: 'bool',
    width: 9,
    paths: ['active'],
    get: (r) => r.duty.active,
    put: (d, v) => {
      plan(d).active = v !== false;
      return null;
    },
  },
  {
    key: 'source',
    zh: '计划来源',
    en: 'Plan source',
    type: 'enum',
    enumDef: DUTY_SOURCE,
    width: 12,
    paths: ['source'],
    get: (r) => r.duty.source,
    put: (d, v) => {
      plan(d).source = v ?? 'custom';
      return null;
    },
  },
  {
    key: 'note',
    zh: '计划备注',
    en: 'Plan note',
    type: 'text',
    width: 16,
    paths: ['note'],
    get: (r) => r.duty.note,
    put: (d, v) => {
      plan(d).note = str(v);
      return null;
    },
  },
];

// ---- requests ---------------------------------------------------------------------------

const requestColumns: Column<Request>[] = [
  ...recordHead<Request>(),
  {
    key: 'openedAt',
    zh: '提出时间',
    en: 'Raised at',
    type: 'datetime',
    required: true,
    width: 17,
    paths: ['openedAt'],
    get: (r) => r.openedAt,
    put: (d, v) => {
      d.openedAt = keepInstant(d.openedAt, v);
      return null;
    },
  },
  {
    key: 'source',
    zh: '来源',
    en: 'Source',
    type: 'enum',
    enumDef: REQUEST_SOURCE,
    required: true,
    width: 10,
    paths: ['source'],
    get: (r) => r.source,
    put: (d, v) => {
      d.source = v;
      return null;
    },
  },
  {
    key: 'topic',
    zh: '诉求类别',
    en: 'Topic',
    type: 'enum',
    enumDef: REQUEST_TOPIC,
    required: true,
    width: 10,
    paths: ['topic'],
    get: (r) => r.topic,
    put: (d, v) => {
      d.topic = v;
      return null;
    },
  },
  text('description', '诉求内容', 'Description', 30, { required: true }),
  {
    key: 'urgency',
    zh: '紧急程度',
    en: 'Urgency',
    type: 'enum',
    enumDef: URGENCY,
    // Before 3 Dec 2026 `normal` was labelled 较急 in Chinese (and `low` 一般, which now names
    // `normal`): an old workbook's 较急 still reads as normal.
    legacyLabels: { 较急: 'normal' },
    required: true,
    width: 9,
    paths: ['urgency'],
    get: (r) => r.urgency,
    put: (d, v) => {
      d.urgency = v;
      return null;
    },
  },
  {
    key: 'status',
    zh: '办理状态',
    en: 'Status',
    type: 'enum',
    enumDef: REQUEST_STATUS,
    required: true,
    width: 9,
    paths: ['status'],
    get: (r) => r.status,
    put: (d, v) => {
      d.status = v;
      return null;
    },
  },
  text('resolution', '处理结果', 'Resolution', 24),
  {
    key: 'referredTo',
    zh: '上报单位',
    en: 'Referred to',
    type: 'station',
    width: 20,
    paths: ['referredTo'],
    get: (r) => r.referredTo,
    put: (d, v) => {
      d.referredTo = v;
      return null;
    },
  },
  {
    key: 'closedAt',
    zh: '办结时间',
    en: 'Closed at',
    type: 'datetime',
    width: 17,
    paths: ['closedAt'],
    get: (r) => r.closedAt,
    put: (d, v) => {
      d.closedAt = keepInstant(d.closedAt, v);
      return null;
    },
  },
  {
    key: 'assignee',
    zh: '承办人',
    en: 'Assignee',
    type: 'text',
    width: 10,
    paths: ['assigneeId'],
    get: (r, ctx) => (r.assigneeId === null ? null : ctx.staffName(r.assigneeId)),
    put: (d, v, ctx) => {
      if (str(v) === '') d.assigneeId = null;
      else d.assigneeId = ctx.staffIdByName(str(v)) ?? d.assigneeId ?? null;
      return null;
    },
  },
  text('callerName', '来电人', 'Caller', 10),
  text('callerPhone', '来电电话', 'Caller phone', 14),
  // 回访 (issue 16): four columns, one `callback`; a blank date means none (see planImport).
  {
    key: 'callbackAt',
    zh: '回访日期',
    en: 'Called back on',
    type: 'date',
    width: 12,
    paths: ['callback.at'],
    get: (r) => r.callback?.at ?? null,
    put: (d, v) => {
      callbackDraft(d).at = v;
      return null;
    },
  },
  {
    key: 'callbackResult',
    zh: '回访结果',
    en: 'Call-back result',
    type: 'text',
    width: 24,
    paths: ['callback.result'],
    get: (r) => r.callback?.result ?? null,
    put: (d, v) => {
      callbackDraft(d).result = str(v);
      return null;
    },
  },
  {
    key: 'callbackSatisfied',
    zh: '是否满意',
    en: 'Satisfied',
    type: 'bool',
    width: 8,
    paths: ['callback.satisfied'],
    get: (r) => r.callback?.satisfied ?? null,
    put: (d, v) => {
      callbackDraft(d).satisfied = v;
      return null;
    },
  },
  {
    key: 'callbackBy',
    zh: '回访人',
    en: 'Called back by',
    type: 'text',
    width: 10,
    paths: ['callback.by'],
    get: (r, ctx) => (r.callback ? ctx.staffName(r.callback.by) : null),
    put: (d, v, ctx) => {
      const cb = callbackDraft(d);
      cb.by = ctx.staffIdByName(str(v)) ?? cb.by ?? null;
      return null;
    },
  },
];

/** The request's call-back being filled by the columns above (planImport drops one without a date). */
function callbackDraft(d: Draft): Record<string, unknown> {
  if (typeof d.callback !== 'object' || d.callback === null) d.callback = {};
  return d.callback as Record<string, unknown>;
}

/**
 * The evidence count (issue 15), for people to read: photos, signatures and documents not
 * withdrawn. On 优抚对象 it is the whole case file (the profile's 资料 tab). Never imported.
 */
function attachmentCountColumn<D extends { id: string }>(table: AttachmentOwnerTable, zh: string, en: string): Column<D> {
  return { key: 'attachments', zh, en, type: 'integer', width: 8, paths: [], get: (r, ctx) => ctx.attachmentCount(table, r.id) };
}

export const RECIPIENTS_SHEET: SheetLayout<'recipients'> = {
  key: 'recipients',
  zh: '优抚对象',
  en: 'Recipients',
  columns: [...recipientColumns, attachmentCountColumn<Recipient>('recipients', '资料数', 'Documents')],
};
export const VISITS_SHEET: SheetLayout<'visits'> = {
  key: 'visits',
  zh: '走访记录',
  en: 'Visits',
  columns: [...visitColumns, attachmentCountColumn<Visit>('visits', '附件数', 'Attachments')],
};
export const AID_SHEET: SheetLayout<'aid'> = {
  key: 'aid',
  zh: '帮扶记录',
  en: 'Aid',
  columns: [...aidColumns, attachmentCountColumn<Aid>('aid', '附件数', 'Attachments')],
};
export const DUTIES_SHEET: SheetLayout<'duties'> = { key: 'duties', zh: '服务任务', en: 'Duties', columns: dutyColumns };
export const REQUESTS_SHEET: SheetLayout<'requests'> = {
  key: 'requests',
  zh: '诉求',
  en: 'Requests',
  columns: [...requestColumns, attachmentCountColumn<Request>('requests', '附件数', 'Attachments')],
};

export type AnySheetLayout = { [K in SheetKey]: SheetLayout<K> }[SheetKey];

/** In workbook order. */
export const LEDGER_SHEETS: readonly AnySheetLayout[] = [RECIPIENTS_SHEET, VISITS_SHEET, AID_SHEET, DUTIES_SHEET, REQUESTS_SHEET];

export { LIST_SEPARATOR };
export { splitList };

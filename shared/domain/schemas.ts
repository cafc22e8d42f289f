import { z } from 'zod';
import {
  AID_KIND,
  ATTACHMENT_KIND,
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
  REQUEST_SOURCE,
  REQUEST_STATUS,
  REQUEST_TOPIC,
  STAFF_ROLE,
  STATION_LEVEL,
  URGENCY,
  VISIT_MODE,
  VISIT_PURPOSE,
} from './enums';
import {
  fen,
  idNumber,
  localDate,
  longText,
  personName,
  phone,
  shortText,
  stationCode,
  syncMeta,
  text,
  timestamp,
  uuid,
} from './primitives';
import { isCalendarDate, isoWeekday, shanghaiDate, todayInShanghai } from '../calendar/shanghai';
import { ATTACHMENT_MIME, ATTACHMENT_OWNER_TABLES, MAX_THUMB_BYTES, SHA256_HEX, maxBytesFor } from '../attachments/limits';
import { recipientIdentityIssues } from '../validation/recipientIdentity';

export const stationSchema = z.object({
  code: stationCode,
  name: z.string().min(1),
  level: z.enum(STATION_LEVEL.values),
  parentCode: stationCode.nullable(),
});
export type Station = z.infer<typeof stationSchema>;

export const staffSchema = z.object({
  id: uuid,
  name: personName,
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, { error: 'username_invalid' }),
  role: z.enum(STAFF_ROLE.values),
  stationCode,
  phone: phone.nullable(),
  active: z.boolean(),
  ...syncMeta,
});
export type Staff = z.infer<typeof staffSchema>;

export const categoryEntrySchema = z
  .object({
    code: z.enum(CATEGORY.values),
    /** 残疾等级 1–10, for disabled veterans. */
    disabilityGrade: z
      .number()
      .int()
      .min(1, { error: 'disability_grade_range' })
      .max(10, { error: 'disability_grade_range' })
      .nullable()
      .default(null),
    disabilityCause: z.enum(DISABILITY_CAUSE.values).nullable().default(null),
    /** For families: their relation to the fallen serviceman, his name and date of death. */
    relation: z.enum(FAMILY_RELATION.values).nullable().default(null),
    fallenName: text.max(40, { error: 'text_too_long_40' }).nullable().default(null),
    fallenDate: localDate.nullable().default(null),
  })
  .refine((c) => c.code !== 'disabled_veteran' || c.disabilityGrade !== null, {
    error: 'disability_grade_required',
    path: ['disabilityGrade'],
  });
export type CategoryEntry = z.infer<typeof categoryEntrySchema>;

export const emergencyContactSchema = z.object({
  name: personName,
  relation: shortText,
  phone,
});

export const recipientSchema = z
  .object({
    id: uuid,
    name: personName,
    gender: z.enum(GENDER.values),
    idNumber,
    birthDate: localDate,
    lunarBirthday: z.boolean(),
    phones: z.array(phone).max(5),
    address: shortText,
    stationCode,
    categories: z.array(categoryEntrySchema).min(1, { error: 'category_required' }),
    livingSituation: z.array(z.enum(LIVING_SITUATION.values)),
    healthNotes: longText,
    pensionKind: z.enum(PENSION_KIND.values).nullable(),
    emergencyContacts: z.array(emergencyContactSchema).max(5),
    dedicatedStaffId: uuid.nullable(),
    medicalCard: z.boolean(),
    status: z.enum(RECIPIENT_STATUS.values),
    statusDate: localDate.nullable(),
    tags: z.array(text.max(20, { error: 'text_too_long_20' })).max(20),
    ...syncMeta,
  })
  .refine((r) => r.status === 'active' || r.statusDate !== null, {
    error: 'status_date_required',
    path: ['statusDate'],
  })
  .superRefine((r, ctx) => {
    // Birth date and gender as the ID number states them; no birth in the future (Shenzhen's today).
    for (const issue of recipientIdentityIssues(r, todayInShanghai(new Date()))) {
      ctx.addIssue({ code: 'custom', message: issue.code, path: [issue.path] });
    }
  });
export type Recipient = z.infer<typeof recipientSchema>;

export const visitConditionSchema = z.object({
  health: z.enum(CONDITION_LEVEL.values).nullable(),
  living: z.enum(CONDITION_LEVEL.values).nullable(),
  mood: z.enum(CONDITION_LEVEL.values).nullable(),
});

export const visitSchema = z
  .object({
    id: uuid,
    recipientId: uuid,
    stationCode,
    visitedAt: timestamp,
    mode: z.enum(VISIT_MODE.values),
    /**
     * Whether a phone or video contact got through (a visit in person always does). Added after
     * the first release: rows without it are contacts that got through.
     */
    outcome: z.enum(CONTACT_OUTCOME.values).default('reached'),
    purpose: z.enum(VISIT_PURPOSE.values),
    festival: z.enum(FESTIVAL.values).nullable(),
    staffIds: z.array(uuid).min(1, { error: 'visit_staff_required' }),
    condition: visitConditionSchema,
    notes: longText,
    /** The (first) duty occurrence this visit or contact fulfils, if any; each one it fulfils names the visit in `visitId`. */
    dutyOccurrenceId: uuid.nullable(),
    photos: z.array(text.max(200)).max(20),
    ...syncMeta,
  })
  .refine((v) => v.purpose !== 'festival' || v.festival !== null, {
    error: 'visit_festival_required',
    path: ['festival'],
  });
export type Visit = z.infer<typeof visitSchema>;

export const aidSchema = z
  .object({
    id: uuid,
    recipientId: uuid,
    stationCode,
    date: localDate,
    kind: z.enum(AID_KIND.values),
    /** Integer fen; null for aid counted only as a quantity of goods or a service. */
    amountFen: fen.nullable(),
    quantity: z.number().int({ error: 'quantity_invalid' }).positive({ error: 'quantity_invalid' }).nullable(),
    item: shortText.nullable(),
    fundSource: z.enum(FUND_SOURCE.values),
    approvedBy: shortText,
    visitId: uuid.nullable(),
    acknowledged: z.boolean(),
    /** Aid is never deleted: a wrong entry is voided with a reason. */
    voided: z.boolean(),
    voidReason: shortText.nullable(),
    ...syncMeta,
  })
  .refine((a) => a.kind !== 'cash' || a.amountFen !== null, { error: 'aid_amount_required', path: ['amountFen'] })
  .refine((a) => a.amountFen !== null || (a.item !== null && a.item.length > 0), { error: 'aid_amount_or_item_required', path: ['item'] })
  .refine((a) => !a.voided || (a.voidReason !== null && a.voidReason.trim().length > 0), {
    error: 'aid_void_reason_required',
    path: ['voidReason'],
  });
export type Aid = z.infer<typeof aidSchema>;

export const recurrenceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('weekly') }),
  z.object({ type: z.literal('monthly') }),
  z.object({ type: z.literal('quarterly') }),
  z.object({ type: z.literal('half_yearly') }),
  z.object({ type: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  z.object({ type: z.literal('birthday') }),
  z.object({ type: z.literal('festival'), festival: z.enum(FESTIVAL.values) }),
  z.object({ type: z.literal('once'), date: localDate }),
]);
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const dutySchema = z.object({
  id: uuid,
  recipientId: uuid,
  stationCode,
  kind: z.enum(DUTY_KIND.values),
  recurrence: recurrenceSchema,
  /** The first due date; weekly, monthly, quarterly and half-yearly plans repeat from it. */
  anchorDate: localDate,
  assigneeId: uuid.nullable(),
  active: z.boolean(),
  /** 'default' plans come from the category cadence rules; 'custom' ones were added by staff. */
  source: z.enum(['default', 'custom']),
  note: shortText,
  ...syncMeta,
});
export type Duty = z.infer<typeof dutySchema>;

export const dutyOccurrenceSchema = z.object({
  id: uuid,
  dutyId: uuid,
  recipientId: uuid,
  stationCode,
  dueDate: localDate,
  /** Overdue is derived (pending and dueDate before today), never stored. */
  status: z.enum(OCCURRENCE_STATUS.values),
  doneAt: timestamp.nullable(),
  visitId: uuid.nullable(),
  ...syncMeta,
});
export type DutyOccurrence = z.infer<typeof dutyOccurrenceSchema>;

/** 回访: the call back to whoever raised a request, before it may be closed as resolved (issue 16). */
export const requestCallbackSchema = z.object({
  /** The day of the call, Asia/Shanghai; not before the request was opened. */
  at: localDate,
  result: text.trim().min(1, { error: 'request_callback_result_required' }).max(500, { error: 'text_too_long_500' }),
  satisfied: z.boolean({ error: 'request_callback_satisfied_required' }),
  by: uuid,
});
export type RequestCallback = z.infer<typeof requestCallbackSchema>;

export const requestSchema = z
  .object({
    id: uuid,
    /**
     * Whom it is about; null for a help-line caller or a walk-in not identified yet (linked
     * later from the request). The row lives at the station that took it until then.
     */
    recipientId: uuid.nullable(),
    stationCode,
    visitId: uuid.nullable(),
    source: z.enum(REQUEST_SOURCE.values),
    topic: z.enum(REQUEST_TOPIC.values, { error: 'request_topic_required' }),
    description: text.trim().min(1, { error: 'request_description_required' }).max(2000, { error: 'text_too_long_2000' }),
    urgency: z.enum(URGENCY.values),
    assigneeId: uuid.nullable(),
    status: z.enum(REQUEST_STATUS.values),
    resolution: longText,
    referredTo: stationCode.nullable(),
    openedAt: timestamp,
    closedAt: timestamp.nullable(),
    /** Who raised it (a caller on the help line, a walk-in; a family member): added with issue 16, '' before. */
    callerName: text.trim().max(40, { error: 'text_too_long_40' }).default(''),
    callerPhone: z.union([z.literal(''), phone]).default(''),
    callback: requestCallbackSchema.nullable().default(null),
    ...syncMeta,
  })
  .refine((r) => r.callback === null || r.callback.at >= shanghaiDate(r.openedAt), {
    error: 'request_callback_before_opened',
    path: ['callback', 'at'],
  });
export type Request = z.infer<typeof requestSchema>;

/** The figures a weekly sign-off was given on (see shared/review for their definitions). */
export const signoffFiguresSchema = z.object({
  recipients: z.number().int().nonnegative(),
  visitsDue: z.number().int().nonnegative(),
  visitsDone: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  heroesOverdue: z.number().int().nonnegative(),
  aidFen: z.number().int().nonnegative(),
});
export type SignoffFigures = z.infer<typeof signoffFiguresSchema>;

/** Not a date at all is `localDate`'s finding (`date_invalid`), not a second one here. */
const isMonday = (d: string): boolean => !isCalendarDate(d) || isoWeekday(d) === 1;

/** A district supervisor's (or the city's) weekly sign-off of the review, with a snapshot of its figures. */
export const signoffSchema = z.object({
  id: uuid,
  /** The district (or the city) signed for. */
  stationCode,
  /** Monday of the ISO week signed, Asia/Shanghai. */
  weekStart: localDate.refine(isMonday, { error: 'week_start_not_monday' }),
  comment: text.max(2000, { error: 'text_too_long_2000' }),
  signedBy: uuid,
  signedByName: personName,
  signedAt: timestamp,
  figures: signoffFiguresSchema,
  ...syncMeta,
});
export type Signoff = z.infer<typeof signoffSchema>;

const sha256Hex = z.string().regex(SHA256_HEX, { error: 'attachment_hash_invalid' });
const pixels = z.number().int().positive().max(20_000).nullable();

/**
 * A photo, a signature or a document on a record (issue 15). The row is synced like any other;
 * the bytes travel separately (a resumable upload to the server's blob store) and are addressed
 * by their sha256. A wrong one is never deleted: it is withdrawn with a reason.
 */
export const attachmentSchema = z
  .object({
    id: uuid,
    /** The person the record is about: the case file, its scope and its moves follow them. */
    recipientId: uuid,
    stationCode,
    ownerTable: z.enum(ATTACHMENT_OWNER_TABLES),
    ownerId: uuid,
    kind: z.enum(ATTACHMENT_KIND.values),
    mime: z.enum(ATTACHMENT_MIME, { error: 'attachment_type_refused' }),
    sha256: sha256Hex,
    size: z.number().int().positive(),
    width: pixels,
    height: pixels,
    /** The thumbnail's own bytes (images only), uploaded beside the original. */
    thumbSha256: sha256Hex.nullable(),
    thumbSize: z.number().int().positive().max(MAX_THUMB_BYTES).nullable(),
    fileName: shortText,
    caption: shortText,
    createdBy: uuid,
    createdAt: timestamp,
    withdrawn: z.boolean(),
    withdrawReason: shortText.nullable(),
    ...syncMeta,
  })
  .refine((a) => a.size <= maxBytesFor(a.mime), { error: 'attachment_too_large', path: ['size'] })
  .refine((a) => (a.thumbSha256 === null) === (a.thumbSize === null), { error: 'attachment_thumb_incomplete', path: ['thumbSize'] })
  .refine((a) => a.ownerTable !== 'recipients' || a.ownerId === a.recipientId, { error: 'attachment_owner_mismatch', path: ['ownerId'] })
  .refine((a) => !a.withdrawn || (a.withdrawReason !== null && a.withdrawReason.trim().length > 0), {
    error: 'attachment_withdraw_reason_required',
    path: ['withdrawReason'],
  });
export type Attachment = z.infer<typeof attachmentSchema>;

/** The synced entity tables and their schemas: one map for repositories, sync and the server. */
export const entitySchemas = {
  staff: staffSchema,
  recipients: recipientSchema,
  visits: visitSchema,
  aid: aidSchema,
  duties: dutySchema,
  dutyOccurrences: dutyOccurrenceSchema,
  requests: requestSchema,
  signoffs: signoffSchema,
  attachments: attachmentSchema,
} as const;
export type EntityTable = keyof typeof entitySchemas;
export const ENTITY_TABLES = Object.keys(entitySchemas) as EntityTable[];
export type EntityRow<T extends EntityTable> = z.infer<(typeof entitySchemas)[T]>;

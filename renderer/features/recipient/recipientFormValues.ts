import type { CategoryCode, LivingSituation } from '../../../shared/domain/enums';
import type { DISABILITY_CAUSE, FAMILY_RELATION, GENDER, PENSION_KIND } from '../../../shared/domain/enums';
import { type Recipient, recipientSchema } from '../../../shared/domain/schemas';
import type { EntityInput } from '../../db/repository';
import { type FieldIssue, fromZodIssues } from '../common/fieldErrors';
import { withoutIdFollowOnIssues } from '../../../shared/validation/recipientIdentity';

type Gender = (typeof GENDER.values)[number];
type Cause = (typeof DISABILITY_CAUSE.values)[number];
type Relation = (typeof FAMILY_RELATION.values)[number];
type PensionKind = (typeof PENSION_KIND.values)[number];

export const FAMILY_CATEGORIES: readonly CategoryCode[] = ['martyr_family', 'duty_death_family', 'illness_death_family'];

export interface CategoryFormValues {
  code: CategoryCode;
  disabilityGrade: number | null;
  disabilityCause: Cause | null;
  relation: Relation | null;
  fallenName: string;
  fallenDate: string;
}

export interface ContactFormValues {
  name: string;
  relation: string;
  phone: string;
}

/** The recipient form; field names mirror the schema so zod issue paths land on their fields. */
export interface RecipientFormValues {
  name: string;
  idNumber: string;
  gender: Gender | null;
  birthDate: string;
  lunarBirthday: boolean;
  phones: string[];
  address: string;
  categories: CategoryFormValues[];
  livingSituation: LivingSituation[];
  healthNotes: string;
  pensionKind: PensionKind | null;
  emergencyContacts: ContactFormValues[];
  dedicatedStaffId: string | null;
  medicalCard: boolean;
  tags: string[];
}

export function emptyCategory(code: CategoryCode = 'key_recipient'): CategoryFormValues {
  return { code, disabilityGrade: null, disabilityCause: null, relation: null, fallenName: '', fallenDate: '' };
}

export function emptyRecipientValues(): RecipientFormValues {
  return {
    name: '',
    idNumber: '',
    gender: null,
    birthDate: '',
    lunarBirthday: false,
    phones: [''],
    address: '',
    categories: [emptyCategory()],
    livingSituation: [],
    healthNotes: '',
    pensionKind: null,
    emergencyContacts: [],
    dedicatedStaffId: null,
    medicalCard: false,
    tags: [],
  };
}

export function recipientToValues(r: Recipient): RecipientFormValues {
  return {
    name: r.name,
    idNumber: r.idNumber,
    gender: r.gender,
    birthDate: r.birthDate,
    lunarBirthday: r.lunarBirthday,
    phones: r.phones.length > 0 ? [...r.phones] : [''],
    address: r.address,
    categories: r.categories.map((c) => ({
      code: c.code,
      disabilityGrade: c.disabilityGrade,
      disabilityCause: c.disabilityCause,
      relation: c.relation,
      fallenName: c.fallenName ?? '',
      fallenDate: c.fallenDate ?? '',
    })),
    livingSituation: [...r.livingSituation],
    healthNotes: r.healthNotes,
    pensionKind: r.pensionKind,
    emergencyContacts: r.emergencyContacts.map((c) => ({ ...c })),
    dedicatedStaffId: r.dedicatedStaffId,
    medicalCard: r.medicalCard,
    tags: [...r.tags],
  };
}

/** What the form does not edit: identity of the row, its station and its status. */
export type RecipientBase = Pick<Recipient, 'id' | 'stationCode' | 'status' | 'statusDate'>;

export type RecipientInputResult = { ok: true; value: EntityInput<'recipients'> } | { ok: false; issues: FieldIssue[] };

const blankToNull = (s: string | null | undefined): string | null => (s === null || s === undefined || s.trim() === '' ? null : s.trim());

/**
 * Form → row, validated with the shared recipient schema. Blank phone rows are dropped, and
 * issue paths are mapped back to the row the person typed them in.
 */
export function valuesToRecipientInput(values: RecipientFormValues, base: RecipientBase, nowIso: string): RecipientInputResult {
  const phoneRows = values.phones.map((p, i) => ({ p: (p ?? '').trim(), i })).filter((x) => x.p !== '');
  const isFamily = (code: CategoryCode) => FAMILY_CATEGORIES.includes(code);
  const input: EntityInput<'recipients'> = {
    id: base.id,
    name: values.name ?? '',
    gender: values.gender ?? 'male',
    idNumber: values.idNumber ?? '',
    birthDate: values.birthDate ?? '',
    lunarBirthday: values.lunarBirthday ?? false,
    phones: phoneRows.map((x) => x.p),
    address: values.address ?? '',
    stationCode: base.stationCode,
    categories: (values.categories ?? []).map((c) => ({
      code: c.code,
      disabilityGrade: c.code === 'disabled_veteran' ? (c.disabilityGrade ?? null) : null,
      disabilityCause: c.code === 'disabled_veteran' ? (c.disabilityCause ?? null) : null,
      relation: isFamily(c.code) ? (c.relation ?? null) : null,
      fallenName: isFamily(c.code) ? blankToNull(c.fallenName) : null,
      fallenDate: isFamily(c.code) ? blankToNull(c.fallenDate) : null,
    })),
    livingSituation: values.livingSituation ?? [],
    healthNotes: values.healthNotes ?? '',
    pensionKind: values.pensionKind ?? null,
    emergencyContacts: (values.emergencyContacts ?? []).map((c) => ({
      name: c.name ?? '',
      relation: c.relation ?? '',
      phone: c.phone ?? '',
    })),
    dedicatedStaffId: values.dedicatedStaffId ?? null,
    medicalCard: values.medicalCard ?? false,
    status: base.status,
    statusDate: base.statusDate,
    tags: values.tags ?? [],
  };
  // Gender is filled from the ID number; an unset one must not pass as the placeholder above.
  const missing: FieldIssue[] = values.gender ? [] : [{ path: ['gender'], code: 'gender_required' }];
  const parsed = recipientSchema.safeParse({ ...input, rev: 0, updatedAt: nowIso });
  if (parsed.success && missing.length === 0) return { ok: true, value: input };
  const zodIssues = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  // While the ID number is wrong, the blank birth date and gender it would fill are no news.
  const issues = withoutIdFollowOnIssues([...missing, ...zodIssues], values).map((issue) => ({
    ...issue,
    code: /^[a-z][a-z0-9_]*$/.test(issue.code) ? issue.code : 'validation_failed',
    path: remapPhonePath(
      issue.path,
      phoneRows.map((x) => x.i),
    ),
  }));
  return { ok: false, issues };
}

function remapPhonePath(path: FieldIssue['path'], phoneIndex: readonly number[]): (string | number)[] {
  if (path[0] === 'phones' && typeof path[1] === 'number') return ['phones', phoneIndex[path[1]] ?? path[1], ...path.slice(2)];
  return [...path];
}

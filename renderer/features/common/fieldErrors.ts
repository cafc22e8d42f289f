/**
 * Validation issues as they come back from zod (`path`, `message` as a stable code) or from a
 * repository (`{path, code}`), turned into antd Form field errors: one translated message
 * beside the field it belongs to.
 */
export type IssuePath = readonly (string | number)[];

export interface FieldIssue {
  path: IssuePath;
  code: string;
}

export interface ZodLikeIssue {
  path: readonly PropertyKey[];
  message: string;
}

export function fromZodIssues(issues: readonly ZodLikeIssue[], prefix: IssuePath = []): FieldIssue[] {
  return issues.map((i) => ({
    path: [...prefix, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')],
    code: i.message,
  }));
}

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * Maps issue paths of a domain object onto form field names (`['phones', 0]` → `['phones', 0]`,
 * `['amountFen']` → `['amountYuan']` …), translating each code; issues of one field are merged.
 */
export function toFormErrors(
  issues: readonly FieldIssue[],
  translate: (code: string) => string,
  mapPath: (path: IssuePath) => (string | number)[] = (p) => [...p],
): FormFieldError[] {
  const byField = new Map<string, FormFieldError>();
  for (const issue of issues) {
    const name = mapPath(issue.path);
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    const text = translate(issue.code);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/** The subset of antd's FormInstance that error display needs. */
interface ErrorTarget<F> {
  setFields: (fields: F) => void;
}

/**
 * Puts errors on (or, with `errors: []`, clears them from) form fields. The paths come from
 * data (zod issues), so antd's literal field-name types cannot check them; hence one cast.
 */
export function applyFieldErrors<F>(form: ErrorTarget<F>, fields: readonly FormFieldError[]): void {
  form.setFields(fields as unknown as F);
}

interface ErrorSource<F> extends ErrorTarget<F> {
  getFieldsError: () => { name: (string | number)[]; errors: string[] }[];
}

/** An error goes away once its field, or any row of its list, is edited again. */
export function clearTouchedErrors<F>(form: ErrorSource<F>, changed: object): void {
  const touched = new Set(Object.keys(changed));
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0 && touched.has(String(f.name[0])));
  if (stale.length > 0)
    applyFieldErrors(
      form,
      stale.map((f) => ({ name: f.name, errors: [] })),
    );
}

import type { Label, Locale } from '../../../shared/domain/labels';

interface EnumDef<V extends string> {
  values: readonly V[];
  labels: { readonly [K in V]: Label };
}

export interface EnumOption<V extends string> {
  value: V;
  label: string;
}

/** Select/Radio options of a domain enum, in its display order and the current language. */
export function enumOptions<V extends string>(def: EnumDef<V>, locale: Locale, only?: readonly V[]): EnumOption<V>[] {
  return def.values.filter((v) => !only || only.includes(v)).map((value) => ({ value, label: def.labels[value][locale] }));
}

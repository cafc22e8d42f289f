/** A bilingual label. zh-CN is the primary UI language, English the second. */
export interface Label {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';

/**
 * Declares an enum as data: its values (in display order) and a label for each value.
 * The value tuple feeds `z.enum`, the labels feed every select and table cell.
 */
export function defineEnum<const T extends Record<string, Label>>(labels: T) {
  const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return {
    values,
    labels: labels as { readonly [K in keyof T]: Label },
    label(value: keyof T & string, locale: Locale): string {
      return labels[value]?.[locale] ?? value;
    },
  };
}

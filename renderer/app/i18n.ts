import { useCallback } from 'react';
import type { Label, Locale } from '../../shared/domain/labels';
import { translate, translateError, type MessageKey } from '../../shared/i18n/messages';
import { useAppStore } from './store';

/**
 * UI strings live beside their feature as `{ zh: {...}, en: {...} }` dictionaries, so features
 * never fight over one big file; shared error messages come from shared/i18n.
 */
export type Strings<K extends string> = { zh: Record<K, string>; en: Record<K, string> };

export function defineStrings<const Z extends Record<string, string>>(zh: Z, en: { [K in keyof Z]: string }): Strings<keyof Z & string> {
  return { zh, en };
}

export function useLocale(): Locale {
  return useAppStore((s) => s.locale);
}

/** `const t = useStrings(strings); t('title')`, with `{name}` placeholders filled from `vars`. */
export function useStrings<K extends string>(dict: Strings<K>) {
  const locale = useLocale();
  return useCallback((key: K, vars?: Record<string, string | number>) => fill(dict[locale][key] ?? key, vars), [dict, locale]);
}

export function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Translates shared messages and error codes for the current locale. */
export function useMessages() {
  const locale = useLocale();
  return {
    locale,
    msg: (key: MessageKey) => translate(locale, key),
    error: (code: string) => translateError(locale, code),
    label: (l: Label) => l[locale],
  };
}

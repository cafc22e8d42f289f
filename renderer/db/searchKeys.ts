import { pinyin } from 'pinyin-pro';

/**
 * Search keys for the multi-entry `*searchKeys` index, all of them KEYED TOKENS (HMACs under
 * the database's blind-index key, see blindIndex.ts): no name, pinyin or tail is stored in
 * clear. The words a person might start typing are the name and each of its suffixes (三丰
 * finds 张三丰), full pinyin without tones and pinyin initials of each suffix (zhangsanfeng,
 * sanfeng, zsf, sf); since a token cannot be matched by prefix, every prefix of every such
 * word gets its own token (`token`), and a query, normalised the same way, is looked up as one
 * token, exactly. The last 4 characters of the ID number and the last 4 digits of each phone
 * get a tail token (`hashTail`), found by typing exactly those 4 (see `tailQuery`).
 */
export function normalizeSearchText(text: string): string {
  return text.replace(/[\s·•・.]/g, '').toLowerCase();
}

export interface SearchKeySource {
  name: string;
  idNumber: string;
  phones: readonly string[];
}

/** The words a query may be a prefix of, in clear: only ever turned into tokens. */
export function searchWords(name: string): string[] {
  const words = new Set<string>();
  const normal = normalizeSearchText(name);
  const chars = [...normal];
  // Surname mode reads 单 as shan and 曾 as zeng in the first position, as names are read.
  const syllables =
    chars.length === 0 ? [] : pinyin(normal, { toneType: 'none', type: 'array', surname: 'head', v: true }).map((s) => s.toLowerCase());
  const aligned = syllables.length === chars.length;
  for (let i = 0; i < chars.length; i++) {
    words.add(chars.slice(i).join(''));
    if (!aligned) continue;
    const rest = syllables.slice(i);
    words.add(rest.join(''));
    words.add(rest.map((s) => s.charAt(0)).join(''));
  }
  if (!aligned && syllables.length > 0) {
    words.add(syllables.join(''));
    words.add(syllables.map((s) => s.charAt(0)).join(''));
  }
  words.delete('');
  return [...words];
}

/** Every prefix of every word (what typing any of them may have reached so far). */
export function searchPrefixes(words: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const w of words) {
    const chars = [...w];
    for (let i = 1; i <= chars.length; i++) prefixes.add(chars.slice(0, i).join(''));
  }
  return [...prefixes];
}

export function recipientSearchKeys(r: SearchKeySource, token: (prefix: string) => string, hashTail: (tail: string) => string): string[] {
  const keys = new Set<string>(searchPrefixes(searchWords(r.name)).map(token));
  if (r.idNumber.length >= 4) keys.add(hashTail(r.idNumber.slice(-4).toLowerCase()));
  for (const p of r.phones) {
    const digits = p.replace(/\D/g, '');
    if (digits.length >= 4) keys.add(hashTail(digits.slice(-4)));
  }
  return [...keys];
}

/** A normalised search text that could be an ID-number or phone tail: exactly 4 digits (or 3 and an x). */
export function tailQuery(text: string): string | null {
  return /^(\d{4}|\d{3}x)$/.test(text) ? text : null;
}

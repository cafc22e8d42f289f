import { pinyin } from 'pinyin-pro';

/**
 * Search keys for the multi-entry `*searchKeys` index. A query is normalised the same way and
 * matched with `startsWith`, so every key is a string a person might start typing:
 * the name and each of its suffixes (三丰 finds 张三丰), full pinyin without tones and pinyin
 * initials of each suffix (zhangsanfeng, sanfeng, zsf, sf), and for the last 4 characters of
 * the ID number and the last 4 digits of each phone a HASHED key (`hashTail`, an HMAC under the
 * database's blind-index key): the tails themselves are never stored in clear. A search for
 * exactly 4 such characters looks up the hashed key (see `tailQuery`).
 */
export function normalizeSearchText(text: string): string {
  return text.replace(/[\s·•・.]/g, '').toLowerCase();
}

export interface SearchKeySource {
  name: string;
  idNumber: string;
  phones: readonly string[];
}

export function recipientSearchKeys(r: SearchKeySource, hashTail: (tail: string) => string): string[] {
  const keys = new Set<string>();
  const name = normalizeSearchText(r.name);
  const chars = [...name];
  // Surname mode reads 单 as shan and 曾 as zeng in the first position, as names are read.
  const syllables = chars.length === 0 ? [] : pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }).map((s) => s.toLowerCase());
  const aligned = syllables.length === chars.length;
  for (let i = 0; i < chars.length; i++) {
    keys.add(chars.slice(i).join(''));
    if (!aligned) continue;
    const rest = syllables.slice(i);
    keys.add(rest.join(''));
    keys.add(rest.map((s) => s.charAt(0)).join(''));
  }
  if (!aligned && syllables.length > 0) {
    keys.add(syllables.join(''));
    keys.add(syllables.map((s) => s.charAt(0)).join(''));
  }
  if (r.idNumber.length >= 4) keys.add(hashTail(r.idNumber.slice(-4).toLowerCase()));
  for (const p of r.phones) {
    const digits = p.replace(/\D/g, '');
    if (digits.length >= 4) keys.add(hashTail(digits.slice(-4)));
  }
  keys.delete('');
  return [...keys];
}

/** A normalised search text that could be an ID-number or phone tail: exactly 4 digits (or 3 and an x). */
export function tailQuery(text: string): string | null {
  return /^(\d{4}|\d{3}x)$/.test(text) ? text : null;
}

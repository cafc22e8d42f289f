import { type DutyTemplate, defaultDutyTemplates } from '../domain/cadence';
import type { CategoryEntry, DutyOccurrence, Recipient, Visit } from '../domain/schemas';
import { daysBetween, shanghaiDate } from '../calendar/shanghai';

/**
 * Data-quality checks of the supervisors' page, as pure functions over plain rows. Each item
 * names the recipient to open and fix.
 */

type Person = Pick<Recipient, 'id' | 'name' | 'stationCode' | 'status'>;

export interface DuplicateGroup {
  /** What the records share (a blind index locally: the ID number itself is sealed). */
  key: string;
  records: Person[];
}

/** The same ID number (compared by its blind index) at two or more stations. */
export function duplicateIdGroups(recipients: readonly (Person & { idBlind: string })[]): DuplicateGroup[] {
  const byKey = new Map<string, Person[]>();
  for (const r of recipients) {
    const list = byKey.get(r.idBlind) ?? [];
    list.push({ id: r.id, name: r.name, stationCode: r.stationCode, status: r.status });
    byKey.set(r.idBlind, list);
  }
  return [...byKey.entries()]
    .filter(([, list]) => new Set(list.map((r) => r.stationCode)).size > 1)
    .map(([key, records]) => ({ key, records: records.sort((a, b) => (a.stationCode < b.stationCode ? -1 : 1)) }));
}

const PERIOD_DAYS: Partial<Record<DutyTemplate['recurrence']['type'], number>> = {
  weekly: 7,
  monthly: 30,
  quarterly: 91,
  half_yearly: 182,
};

/**
 * A recipient's contact cadence in days: the most frequent periodic phone call or home visit of
 * their categories' default plans (shared/domain/cadence.ts); null when none is periodic.
 */
export function contactCadenceDays(categories: readonly CategoryEntry[]): number | null {
  const days = defaultDutyTemplates(categories)
    .filter((t) => t.kind === 'phone_call' || t.kind === 'home_visit')
    .map((t) => PERIOD_DAYS[t.recurrence.type])
    .filter((d): d is number => d !== undefined);
  return days.length === 0 ? null : Math.min(...days);
}

export interface NoContactItem extends Person {
  cadenceDays: number;
  lastContact: string | null;
  /** Days since the last visit or contact; null when there never was one. */
  daysSince: number | null;
}

/** Active recipients whose last visit or contact is more than twice their cadence ago (or never). */
export function noContactItems(
  recipients: readonly (Person & { categories: readonly CategoryEntry[] })[],
  visits: readonly Pick<Visit, 'recipientId' | 'visitedAt'>[],
  today: string,
): NoContactItem[] {
  const last = new Map<string, string>();
  for (const v of visits) {
    const day = shanghaiDate(v.visitedAt);
    const prev = last.get(v.recipientId);
    if (prev === undefined || day > prev) last.set(v.recipientId, day);
  }
  const out: NoContactItem[] = [];
  for (const r of recipients) {
    if (r.status !== 'active') continue;
    const cadenceDays = contactCadenceDays(r.categories);
    if (cadenceDays === null) continue;
    const lastContact = last.get(r.id) ?? null;
    const daysSince = lastContact === null ? null : daysBetween(lastContact, today);
    if (daysSince === null || daysSince > 2 * cadenceDays) {
      out.push({ id: r.id, name: r.name, stationCode: r.stationCode, status: r.status, cadenceDays, lastContact, daysSince });
    }
  }
  return out.sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity));
}

/** Deceased or moved recipients who still have pending duty occurrences. */
export function inactiveWithOpenDuties(
  recipients: readonly Person[],
  occurrences: readonly Pick<DutyOccurrence, 'recipientId' | 'status'>[],
): (Person & { openDuties: number })[] {
  const open = new Map<string, number>();
  for (const o of occurrences) if (o.status === 'pending') open.set(o.recipientId, (open.get(o.recipientId) ?? 0) + 1);
  return recipients
    .filter((r) => r.status !== 'active' && (open.get(r.id) ?? 0) > 0)
    .map((r) => ({ id: r.id, name: r.name, stationCode: r.stationCode, status: r.status, openDuties: open.get(r.id) ?? 0 }));
}

/** Active recipients without a phone number or without an address. */
export function missingContactInfo(
  recipients: readonly (Person & Pick<Recipient, 'phones' | 'address'>)[],
): (Person & { missing: ('phone' | 'address')[] })[] {
  const out: (Person & { missing: ('phone' | 'address')[] })[] = [];
  for (const r of recipients) {
    if (r.status !== 'active') continue;
    const missing: ('phone' | 'address')[] = [];
    if (r.phones.length === 0) missing.push('phone');
    if (r.address.trim() === '') missing.push('address');
    if (missing.length > 0) out.push({ id: r.id, name: r.name, stationCode: r.stationCode, status: r.status, missing });
  }
  return out;
}

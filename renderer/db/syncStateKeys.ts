import type { SyncStateEntry } from './records';

type Stored = SyncStateEntry['value'];
interface Entry<T extends Stored> {
  readonly key: string;
  readonly is: (v: Stored) => v is T;
}
const text = (v: Stored): v is string => typeof v === 'string';
const count = (v: Stored): v is number => typeof v === 'number';
const textOrNull = (v: Stored): v is string | null => typeof v === 'string' || v === null;
const countOrNull = (v: Stored): v is number | null => typeof v === 'number' || v === null;
const flag = (v: Stored): v is boolean => typeof v === 'boolean';

/**
 * Every key of the `syncState` table, in one place: its name in code, the string stored, and
 * the type of its value (a guard: a value of another type reads as absent). JSON values are
 * parsed by their owners; the registry only knows the stored primitive.
 */
export const SYNC_STATE = {
  /** The device's client id: the HLC node and the push `clientId` (repository.ts). */
  clientId: { key: 'clientId', is: text },
  /** The last hybrid logical clock handed out on this device (encoded). */
  hlc: { key: 'hlc', is: text },
  /** The pull cursor: the server change seq applied up to. */
  cursor: { key: 'sync.cursor', is: count },
  /** When the last sync round succeeded (ISO). */
  lastSuccessAt: { key: 'sync.lastSuccessAt', is: text },
  /** JSON of the last round's SyncError and its time; null once a round succeeds. */
  lastError: { key: 'sync.lastError', is: textOrNull },
  /** JSON of the mutations the server refused, newest first (engine.ts). */
  rejected: { key: 'sync.rejected', is: text },
  /** JSON of the account's SyncSchedule (supervisors may choose weekly). */
  schedule: { key: 'sync.schedule', is: text },
  /** JSON of the last sync times seen online per review row code: offline reviews show them. */
  reviewLastSync: { key: 'review.lastSync', is: text },
  /** Days an original the server confirmed stays on this device; null or absent: always kept (attachmentRetention.ts). */
  keepOriginalsDays: { key: 'attachments.keepOriginalsDays', is: countOrNull },
  /** The morning reminder's switch for this account on this device; absent: on (features/reminders). */
  remindersEnabled: { key: 'reminders.enabled', is: flag },
  /** The Shanghai day (YYYY-MM-DD) the morning reminder was last shown: once a day per account. */
  remindersLastShownDay: { key: 'reminders.lastShownDay', is: text },
  /** Fingerprint of the keys this database is sealed under (atRest/keys.ts keyCheckValue). */
  keyCheck: { key: 'atRest.keyCheck', is: text },
  /** The sealing version every row has reached (atRest/migrate.ts SEALED_VERSION). */
  sealedVersion: { key: 'atRest.sealedVersion', is: count },
} as const satisfies Record<string, Entry<Stored>>;

export type SyncStateName = keyof typeof SYNC_STATE;
export type SyncStateValue<N extends SyncStateName> = (typeof SYNC_STATE)[N] extends Entry<infer T> ? T : never;
export type SyncStatePatch = { [N in SyncStateName]?: SyncStateValue<N> };

/** Encryption-at-rest bookkeeping: local to this database, never exported in a backup. */
export function isAtRestKey(key: string): boolean {
  return key.startsWith('atRest.');
}

/** The stored value of `name`, or undefined when absent or of another type. */
export function syncStateValue<N extends SyncStateName>(name: N, entry: SyncStateEntry | undefined): SyncStateValue<N> | undefined {
  if (entry === undefined) return undefined;
  const is = SYNC_STATE[name].is as (v: Stored) => v is SyncStateValue<N>;
  return is(entry.value) ? entry.value : undefined;
}

export function syncStateEntry<N extends SyncStateName>(name: N, value: SyncStateValue<N>): SyncStateEntry {
  return { key: SYNC_STATE[name].key, value };
}

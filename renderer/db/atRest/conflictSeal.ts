import type { ConflictEntry } from '../records';
import { openJson, sealJson } from './cipher';
import type { DatabaseKeys } from './keys';
import { sensitiveFieldsOf } from './sensitive';

/**
 * A conflict this device's push lost, as stored: when the field is a sensitive one (an address,
 * a phone), both values are sealed together and the clear columns hold null.
 */
export interface StoredConflictEntry extends ConflictEntry {
  sealedValues?: Uint8Array;
}

export function conflictAad(mutationId: string, field: string): string {
  return `youfu-desk/v1/conflicts/${mutationId}/${field}`;
}

export async function sealConflictEntry<E extends Omit<ConflictEntry, 'id'>>(keys: DatabaseKeys, entry: E): Promise<E> {
  if (!sensitiveFieldsOf(entry.table).includes(entry.field)) return entry;
  const sealedValues = await sealJson(keys.dataKey, conflictAad(entry.mutationId, entry.field), {
    loserValue: entry.loserValue,
    winnerValue: entry.winnerValue,
  });
  return { ...entry, loserValue: null, winnerValue: null, sealedValues };
}

export async function openConflictEntry<E extends Omit<ConflictEntry, 'id'>>(keys: DatabaseKeys | null, entry: E): Promise<E> {
  const { sealedValues, ...rest } = entry as E & { sealedValues?: Uint8Array };
  if (!(sealedValues instanceof Uint8Array)) return entry;
  if (keys === null) throw new Error('The local database is locked: its keys are not loaded');
  const values = (await openJson(keys.dataKey, conflictAad(entry.mutationId, entry.field), sealedValues)) as {
    loserValue: unknown;
    winnerValue: unknown;
  };
  return { ...rest, loserValue: values.loserValue, winnerValue: values.winnerValue } as E;
}

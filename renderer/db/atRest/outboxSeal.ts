import type { OutboxEntry } from '../records';
import type { DatabaseKeys } from './keys';
import { openJson, sealJson } from './cipher';
import { sensitiveFieldsOf } from './sensitive';

/**
 * An outbox entry as stored: the mutation's sensitive field values (an address edit, a visit's
 * notes) are sealed like the row's own, bound to the mutation id; `sealedKeys` names them so
 * the pull merge can see which fields are pending without opening anything.
 */
export interface StoredOutboxEntry extends OutboxEntry {
  sealedFields?: Uint8Array;
  sealedKeys?: string[];
}

export function outboxAad(mutationId: string): string {
  return `youfu-desk/v1/outbox/${mutationId}`;
}

/** Every field a pending entry changes, sealed ones included (names only, nothing opened). */
export function outboxFieldNames(entry: OutboxEntry): string[] {
  const sealed = (entry as StoredOutboxEntry).sealedKeys ?? [];
  return [...Object.keys(entry.fields), ...sealed];
}

export async function sealOutboxEntry<E extends OutboxEntry | Omit<OutboxEntry, 'seq'>>(keys: DatabaseKeys, entry: E): Promise<E> {
  const sensitive = sensitiveFieldsOf(entry.table).filter((f) => Object.hasOwn(entry.fields, f));
  if (sensitive.length === 0) return entry;
  const clear: Record<string, unknown> = { ...entry.fields };
  const secret: Record<string, unknown> = {};
  for (const f of sensitive) {
    secret[f] = clear[f];
    delete clear[f];
  }
  return { ...entry, fields: clear, sealedFields: await sealJson(keys.dataKey, outboxAad(entry.id), secret), sealedKeys: sensitive };
}

/** The mutation as it goes to the server: sealed values opened and put back into `fields`. */
export async function openOutboxEntry(keys: DatabaseKeys | null, entry: OutboxEntry): Promise<OutboxEntry> {
  const { sealedFields, sealedKeys: _names, ...rest } = entry as StoredOutboxEntry;
  if (!(sealedFields instanceof Uint8Array)) return rest;
  if (keys === null) throw new Error('The local database is locked: its keys are not loaded');
  const secret = (await openJson(keys.dataKey, outboxAad(entry.id), sealedFields)) as Record<string, unknown>;
  return { ...rest, fields: { ...rest.fields, ...secret } };
}

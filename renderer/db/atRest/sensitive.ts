import type { EntityRow, EntityTable } from '../../../shared/domain/schemas';

/**
 * The fields stored only inside a row's sealed field (AES-GCM). Everything else stays clear so
 * the indexes keep working. A table not named here has nothing sensitive.
 */
export const SENSITIVE_FIELDS = {
  recipients: ['idNumber', 'phones', 'address', 'healthNotes', 'emergencyContacts'],
  visits: ['notes'],
  requests: ['description', 'resolution'],
} as const satisfies { readonly [T in EntityTable]?: readonly (keyof EntityRow<T>)[] };

export type SealedTable = keyof typeof SENSITIVE_FIELDS;
export type SensitiveField<T extends EntityTable> = T extends SealedTable ? (typeof SENSITIVE_FIELDS)[T][number] : never;

/** A row without its sensitive fields: what lists get, read without decrypting. */
export type EntitySummary<T extends EntityTable> = Omit<EntityRow<T>, SensitiveField<T>>;

/** The column that holds a row's sealed sensitive fields. */
export const SEALED_COLUMN = 'sealed';

export function sensitiveFieldsOf(table: string): readonly string[] {
  return (SENSITIVE_FIELDS as Record<string, readonly string[] | undefined>)[table] ?? [];
}

export function isSealedTable(table: string): table is SealedTable {
  return sensitiveFieldsOf(table).length > 0;
}

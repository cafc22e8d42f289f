import type { EntityRow, EntityTable } from '../../../shared/domain/schemas';

/**
 * The fields stored only inside a row's sealed field (AES-GCM): every field that no index, no
 * whole-scope figure and no list filter read without opening needs (the README's table names
 * each clear field and what needs it). A table not named here has nothing sensitive.
 *
 * Since version 2 of the sealing (SEALED_VERSION in migrate.ts) this covers a recipient's name,
 * birth date, gender, categories (disability cause, the fallen serviceman's name and date),
 * living situation and tags; visits' condition ratings; aid details; duty notes; staff phones
 * and sign-off comments. Names are searched through keyed tokens (searchKeys.ts).
 */
export const SENSITIVE_FIELDS = {
  staff: ['phone'],
  recipients: [
    'idNumber',
    'phones',
    'address',
    'healthNotes',
    'emergencyContacts',
    'name',
    'gender',
    'birthDate',
    'lunarBirthday',
    'categories',
    'livingSituation',
    'pensionKind',
    'medicalCard',
    'tags',
  ],
  visits: ['notes', 'condition', 'mode', 'outcome', 'purpose', 'festival', 'staffIds', 'photos'],
  aid: ['kind', 'quantity', 'item', 'approvedBy', 'acknowledged', 'voidReason'],
  duties: ['note'],
  requests: ['description', 'resolution', 'source', 'urgency', 'referredTo', 'callerName', 'callerPhone', 'callback'],
  signoffs: ['comment'],
  attachments: ['kind', 'fileName', 'caption', 'withdrawReason'],
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

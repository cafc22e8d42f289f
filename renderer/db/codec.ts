import { isHero } from '../../shared/domain/cadence';
import type { CategoryCode } from '../../shared/domain/enums';
import type { EntityRow, EntityTable, Recipient, Station } from '../../shared/domain/schemas';
import { DEV_BLIND_INDEX_KEY, idNumberBlindIndex } from './blindIndex';
import { recipientSearchKeys } from './searchKeys';

/**
 * The codec sits between the repositories and Dexie. Today it is the identity for the schema
 * fields and adds local-only derived columns; AES-GCM of sensitive fields can arrive here later
 * without touching any caller. Derived columns never leave the device: `decode` strips them, so
 * nothing derived can end up in an outbox mutation.
 */

export interface RecipientDerived {
  /** Multi-entry search keys (see searchKeys.ts). */
  searchKeys: string[];
  /** HMAC blind index of the ID number (see blindIndex.ts). */
  idBlind: string;
  /** The category codes, multi-entry indexed for the category filter. */
  categoryCodes: CategoryCode[];
  /** 1 for combat heroes and first-class merit holders; a number because IndexedDB cannot index booleans. */
  isHero: 0 | 1;
}

export type StoredRecipient = Recipient & RecipientDerived;
export type StoredRow<T extends EntityTable> = T extends 'recipients' ? StoredRecipient : EntityRow<T>;

export const DERIVED_COLUMNS: { readonly [T in EntityTable]: readonly string[] } = {
  staff: [],
  recipients: ['searchKeys', 'idBlind', 'categoryCodes', 'isHero'] satisfies (keyof RecipientDerived)[],
  visits: [],
  aid: [],
  duties: [],
  dutyOccurrences: [],
  requests: [],
  signoffs: [],
};

export interface RowCodec {
  encode<T extends EntityTable>(table: T, row: EntityRow<T>): StoredRow<T>;
  decode<T extends EntityTable>(table: T, stored: StoredRow<T>): EntityRow<T>;
  /** Stations carry nothing sensitive and nothing derived; kept here so every row passes one door. */
  encodeStation(row: Station): Station;
  /** The blind index for an ID number, for lookups; the same function encode uses. */
  idBlind(idNumber: string): string;
}

export interface RowCodecOptions {
  blindIndexKey?: Uint8Array;
}

export function createRowCodec(options: RowCodecOptions = {}): RowCodec {
  const key = options.blindIndexKey ?? DEV_BLIND_INDEX_KEY;
  const idBlind = (idNumber: string): string => idNumberBlindIndex(idNumber, key);

  function encodeRecipient(r: Recipient): StoredRecipient {
    const categoryCodes = [...new Set(r.categories.map((c) => c.code))];
    return {
      ...r,
      searchKeys: recipientSearchKeys(r),
      idBlind: idBlind(r.idNumber),
      categoryCodes,
      isHero: isHero(r.categories) ? 1 : 0,
    };
  }

  return {
    encode<T extends EntityTable>(table: T, row: EntityRow<T>): StoredRow<T> {
      // The conditional types cannot be narrowed by comparing `table`, hence the casts.
      if (table === 'recipients') return encodeRecipient(row as Recipient) as StoredRow<T>;
      return { ...row } as StoredRow<T>;
    },
    decode<T extends EntityTable>(table: T, stored: StoredRow<T>): EntityRow<T> {
      const copy: Record<string, unknown> = { ...stored };
      for (const column of DERIVED_COLUMNS[table]) delete copy[column];
      return copy as EntityRow<T>;
    },
    encodeStation: (row) => ({ ...row }),
    idBlind,
  };
}

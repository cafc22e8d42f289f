import { isHero } from '../../shared/domain/cadence';
import type { CategoryCode } from '../../shared/domain/enums';
import type { EntityRow, EntityTable, Recipient, Station } from '../../shared/domain/schemas';
import { idNumberBlindIndex, livingSituationToken, searchPrefixToken, tailSearchKey } from './blindIndex';
import { openBytes, openJson, rowAad, sealBytes, sealJson } from './atRest/cipher';
import { type DatabaseKeyMaterial, type DatabaseKeys, importDatabaseKeys } from './atRest/keys';
import { openConflictEntry, sealConflictEntry } from './atRest/conflictSeal';
import { openOutboxEntry, sealOutboxEntry } from './atRest/outboxSeal';
import type { ConflictEntry, OutboxEntry } from './records';
import {
  type EntitySummary,
  SEALED_COLUMN,
  type SealedTable,
  type SensitiveField,
  isSealedTable,
  sensitiveFieldsOf,
} from './atRest/sensitive';
import { recipientSearchKeys } from './searchKeys';

export type { EntitySummary } from './atRest/sensitive';

/**
 * The codec sits between the repositories and Dexie. It seals a row's sensitive fields
 * (atRest/sensitive.ts) into one AES-256-GCM `sealed` column, bound to the table and row id,
 * and adds local-only derived columns (search keys with hashed ID/phone tails, the HMAC blind
 * index, category codes, the hero flag). Derived columns never leave the device: decoding
 * strips them, so nothing derived can end up in an outbox mutation.
 *
 * - `encode` / `decode` are async (WebCrypto). Inside a Dexie transaction wrap them in
 *   `Dexie.waitFor`, or encode before the transaction opens (bulk paths do that).
 * - `decodeSummary` is synchronous and never decrypts: lists that show no sensitive field use it.
 * - A row written by an earlier version (plaintext, or sealing fewer fields) still decodes; the
 *   first unlock seals it in place (atRest/migrate.ts).
 */

export interface RecipientDerived {
  /** Multi-entry search keys (see searchKeys.ts): keyed tokens only, no name or tail in clear. */
  searchKeys: string[];
  /** A keyed token per living situation (not indexed): the caseload's filter reads it, the values are sealed. */
  livingKeys: string[];
  /** HMAC blind index of the ID number (see blindIndex.ts). */
  idBlind: string;
  /** The category codes, multi-entry indexed for the category filter. */
  categoryCodes: CategoryCode[];
  /** 1 for combat heroes and first-class merit holders; a number because IndexedDB cannot index booleans. */
  isHero: 0 | 1;
}

/**
 * A stored row: the clear fields, the sealed column, and for recipients the derived columns.
 * The sensitive fields are optional in the type only because rows of the previous version
 * still carry them in clear until the migration has sealed them.
 */
type Sealed<T extends EntityTable> = [SensitiveField<T>] extends [never]
  ? EntityRow<T>
  : EntitySummary<T> & Partial<Pick<EntityRow<T>, SensitiveField<T> & keyof EntityRow<T>>> & { sealed?: Uint8Array };
export type StoredRecipient = Sealed<'recipients'> & RecipientDerived;
export type StoredRow<T extends EntityTable> = T extends 'recipients' ? StoredRecipient : Sealed<T>;

/**
 * What a list gets: the clear fields, plus the sealed bytes so the line can open just its own
 * row when it is on screen (`openListItem`). Building it decrypts nothing. No sensitive field
 * in its type: a list that shows one must open the row (a legacy row's clear values would
 * otherwise pass through unnoticed).
 */
export type ListItem<T extends EntityTable> = EntitySummary<T> & { sealed?: Uint8Array };
export type RecipientListItem = ListItem<'recipients'>;

/** A table whose stored row is the row itself: nothing sealed, nothing derived. */
export type ClearTable = Exclude<EntityTable, SealedTable>;

export function isClearTable(table: EntityTable): table is ClearTable {
  return !isSealedTable(table) && DERIVED_COLUMNS[table].length === 0;
}

export const DERIVED_COLUMNS: { readonly [T in EntityTable]: readonly string[] } = {
  staff: [],
  recipients: ['searchKeys', 'livingKeys', 'idBlind', 'categoryCodes', 'isHero'] satisfies (keyof RecipientDerived)[],
  visits: [],
  aid: [],
  duties: [],
  dutyOccurrences: [],
  requests: [],
  signoffs: [],
  attachments: [],
};

/** The codec was asked to seal or open while the database's keys are not loaded (locked). */
export class KeysUnavailableError extends Error {
  constructor() {
    super('The local database is locked: its keys are not loaded');
    this.name = 'KeysUnavailableError';
  }
}

export interface RowCodec {
  encode<T extends EntityTable>(table: T, row: EntityRow<T>): Promise<StoredRow<T>>;
  /**
   * `encode` of a table with nothing sealed and nothing derived (`isClearTable`: today only duty
   * occurrences), synchronously: no crypto to wait for, the stored row is a copy of the row.
   */
  encodeClear<T extends ClearTable>(table: T, row: EntityRow<T>): StoredRow<T>;
  /** Encodes a batch in parallel (WebCrypto spreads the work); order kept. */
  encodeMany<T extends EntityTable>(table: T, rows: readonly EntityRow<T>[]): Promise<StoredRow<T>[]>;
  decode<T extends EntityTable>(table: T, stored: StoredRow<T>): Promise<EntityRow<T>>;
  /** The row without its sensitive fields and derived columns; never decrypts. */
  decodeSummary<T extends EntityTable>(table: T, stored: StoredRow<T>): EntitySummary<T>;
  /** A list item (summary plus sealed bytes); never decrypts. */
  decodeListItem<T extends EntityTable>(table: T, stored: StoredRow<T>): ListItem<T>;
  /** Opens a list item into the full row (decrypts this one row). */
  openListItem<T extends EntityTable>(table: T, item: ListItem<T>): Promise<EntityRow<T>>;
  /** Stations carry nothing sensitive and nothing derived; kept here so every row passes one door. */
  encodeStation(row: Station): Station;
  /** The blind index for an ID number, for lookups; the same function encode uses. */
  idBlind(idNumber: string): string;
  /** The hashed search key of a 4-character ID/phone tail. */
  tailKey(tail: string): string;
  /** The search token of a normalised prefix of a name, its pinyin or initials. */
  searchToken(prefix: string): string;
  /** The token of a living-situation value (`livingKeys`). */
  livingKey(value: string): string;
  /** Seals the sensitive values of an outbox mutation before it is stored. */
  sealOutbox<E extends Omit<OutboxEntry, 'seq'>>(entry: E): Promise<E>;
  /** The stored outbox entry as the mutation to push (sealed values opened). */
  openOutbox(entry: OutboxEntry): Promise<OutboxEntry>;
  /** Seals both values of a lost conflict on a sensitive field before it is stored. */
  sealConflict<E extends Omit<ConflictEntry, 'id'>>(entry: E): Promise<E>;
  /** A stored conflict with its values opened (for the Sync page). */
  openConflict<E extends Omit<ConflictEntry, 'id'>>(entry: E): Promise<E>;
  /** Seals a form draft's values (the whole draft), bound to the drafts table and the draft's id. */
  sealDraft(id: string, values: unknown): Promise<Uint8Array>;
  /** Opens a sealed draft; fails while locked, or for bytes sealed under another id or key. */
  openDraft(id: string, sealed: Uint8Array): Promise<unknown>;
  /** Seals an attachment's bytes (original or thumbnail), bound to their hash. */
  sealBlob(sha256: string, bytes: Uint8Array): Promise<Uint8Array>;
  /** Opens sealed attachment bytes; fails while locked, or for bytes sealed under another hash or key. */
  openBlob(sha256: string, sealed: Uint8Array): Promise<Uint8Array>;
  /**
   * True when the row still has a sensitive field in clear: written by the plaintext version, or
   * sealed by a version that sealed fewer fields (a v1 recipient's clear name).
   */
  isLegacy(table: EntityTable, stored: object): boolean;
  /** Drops the keys from this codec (lock, sign-out); every later seal or open fails. */
  forget(): void;
}

export interface RowCodecOptions {
  /**
   * The database's keys, unwrapped at unlock (raw material is imported on first use; tests).
   * Without them rows can be counted and listed, not sealed or opened.
   */
  keys?: DatabaseKeys | DatabaseKeyMaterial;
}

function isImported(keys: DatabaseKeys | DatabaseKeyMaterial): keys is DatabaseKeys {
  return !(keys.dataKey instanceof Uint8Array);
}

export function createRowCodec(options: RowCodecOptions = {}): RowCodec {
  let material: DatabaseKeys | DatabaseKeyMaterial | null = options.keys ?? null;
  let keys: Promise<DatabaseKeys> | null = null;
  const blindKey = (): Uint8Array => {
    if (material === null) throw new KeysUnavailableError();
    return material.blindIndexKey;
  };
  const need = (): Promise<DatabaseKeys> => {
    if (material === null) return Promise.reject(new KeysUnavailableError());
    keys ??= isImported(material) ? Promise.resolve(material) : importDatabaseKeys(material);
    return keys;
  };
  const idBlind = (idNumber: string): string => idNumberBlindIndex(idNumber, blindKey());
  const tailKey = (tail: string): string => tailSearchKey(tail, blindKey());
  const searchToken = (prefix: string): string => searchPrefixToken(prefix, blindKey());
  const livingKey = (value: string): string => livingSituationToken(value, blindKey());

  function derive(r: Recipient): RecipientDerived {
    return {
      searchKeys: recipientSearchKeys(r, searchToken, tailKey),
      livingKeys: r.livingSituation.map(livingKey),
      idBlind: idBlind(r.idNumber),
      categoryCodes: [...new Set(r.categories.map((c) => c.code))],
      isHero: isHero(r.categories) ? 1 : 0,
    };
  }

  function strip(table: EntityTable, stored: object): Record<string, unknown> {
    const copy: Record<string, unknown> = { ...stored };
    for (const column of DERIVED_COLUMNS[table]) delete copy[column];
    delete copy[SEALED_COLUMN];
    return copy;
  }

  async function decode<T extends EntityTable>(table: T, stored: StoredRow<T> | ListItem<T>): Promise<EntityRow<T>> {
    const plain = strip(table, stored);
    const sealed = (stored as Record<string, unknown>)[SEALED_COLUMN];
    if (sealed instanceof Uint8Array) {
      const secret = await openJson((await need()).dataKey, rowAad(table, String(plain.id)), sealed);
      Object.assign(plain, secret);
    }
    return plain as EntityRow<T>;
  }

  async function encode<T extends EntityTable>(table: T, row: EntityRow<T>): Promise<StoredRow<T>> {
    const fields = sensitiveFieldsOf(table);
    const record = row as Record<string, unknown>;
    const out: Record<string, unknown> = { ...record };
    if (fields.length > 0) {
      const secret: Record<string, unknown> = {};
      for (const f of fields) {
        secret[f] = record[f];
        delete out[f];
      }
      out[SEALED_COLUMN] = await sealJson((await need()).dataKey, rowAad(table, String(record.id)), secret);
    }
    if (table === 'recipients') Object.assign(out, derive(row as Recipient));
    return out as StoredRow<T>;
  }

  return {
    encode,
    encodeClear<T extends ClearTable>(table: T, row: EntityRow<T>): StoredRow<T> {
      if (!isClearTable(table)) throw new Error(`encodeClear: ${String(table)} has sealed or derived columns`);
      return { ...row } as StoredRow<T>;
    },
    encodeMany: (table, rows) => Promise.all(rows.map((r) => encode(table, r))),
    decode,
    decodeListItem<T extends EntityTable>(table: T, stored: StoredRow<T>): ListItem<T> {
      const item: Record<string, unknown> = { ...stored };
      for (const column of DERIVED_COLUMNS[table]) delete item[column];
      return item as ListItem<T>;
    },
    openListItem: decode,
    decodeSummary<T extends EntityTable>(table: T, stored: StoredRow<T>): EntitySummary<T> {
      const summary = strip(table, stored);
      for (const f of sensitiveFieldsOf(table)) delete summary[f];
      return summary as EntitySummary<T>;
    },
    encodeStation: (row) => ({ ...row }),
    idBlind,
    tailKey,
    searchToken,
    livingKey,
    sealOutbox: async (entry) => sealOutboxEntry(await need(), entry),
    openOutbox: async (entry) => openOutboxEntry(material === null ? null : await need(), entry),
    sealConflict: async (entry) => sealConflictEntry(await need(), entry),
    openConflict: async (entry) => openConflictEntry(material === null ? null : await need(), entry),
    sealDraft: async (id, values) => sealJson((await need()).dataKey, rowAad('drafts', id), values),
    openDraft: async (id, sealed) => openJson((await need()).dataKey, rowAad('drafts', id), sealed),
    sealBlob: async (sha256, bytes) => sealBytes((await need()).dataKey, rowAad('attachmentBlobs', sha256), bytes),
    openBlob: async (sha256, sealed) => openBytes((await need()).dataKey, rowAad('attachmentBlobs', sha256), sealed),
    isLegacy: (table, stored) => isLegacyRow(table, stored),
    forget() {
      material = null;
      keys = null;
    },
  };
}

function isLegacyRow(table: EntityTable, stored: object): boolean {
  const fields = sensitiveFieldsOf(table);
  if (fields.length === 0) return false;
  const record = stored as Record<string, unknown>;
  return !(record[SEALED_COLUMN] instanceof Uint8Array) || fields.some((f) => Object.hasOwn(record, f));
}

import { Dexie, type EntityTable as DexieTable, type InsertType, type Table, type Transaction } from 'dexie';
import type { EntityTable, Station } from '../../shared/domain/schemas';
import { type RowCodec, type RowCodecOptions, type StoredRow, createRowCodec } from './codec';
import type { AttachmentBlobEntry, AuditEntry, ConflictEntry, DraftEntry, OutboxEntry, SyncStateEntry } from './records';

/**
 * Version 1. Never edit a released version's stores: add `version(n + 1)` with its
 * `.upgrade()` and keep every old one (see MIGRATIONS.md).
 * Booleans are not indexable in IndexedDB, hence `isHero` as 0/1 and no index on `active`.
 * `idBlind` is deliberately not unique: two stations may register the same person before they
 * sync, and a pull must never fail on that; createRecipient checks duplicates itself.
 */
export const SCHEMA_V1 = {
  stations: 'code, parentCode, level',
  staff: 'id, stationCode, username, role',
  recipients: 'id, stationCode, idBlind, *searchKeys, *categoryCodes, *livingSituation, dedicatedStaffId, status, isHero, name',
  visits: 'id, recipientId, stationCode, visitedAt, dutyOccurrenceId, [recipientId+visitedAt]',
  aid: 'id, recipientId, stationCode, date, visitId, [recipientId+date]',
  duties: 'id, recipientId, stationCode, assigneeId',
  dutyOccurrences: 'id, dutyId, recipientId, stationCode, [status+dueDate], [dutyId+status], [recipientId+status]',
  requests: 'id, recipientId, stationCode, visitId, status, assigneeId, [status+openedAt]',
  outbox: '++seq, &id, [table+rowId], createdAt',
  syncState: 'key',
  conflicts: '++id, [table+rowId], at',
  auditLocal: '++id, at, [table+rowId], staffId',
} as const;

/** Version 2 adds the supervisors' weekly sign-offs (a new synced table; nothing to upgrade). */
export const SCHEMA_V2 = {
  signoffs: 'id, stationCode, weekStart, [stationCode+weekStart]',
} as const;

/**
 * Version 3 seals the name and the rest of a recipient's personal fields (see MIGRATIONS.md):
 * the clear `name` and `livingSituation` indexes go; searching goes through keyed tokens in
 * `searchKeys`, the living-situation filter through keyed tokens in `livingKeys` (not indexed).
 * The rows themselves are sealed after open, on the first unlock (atRest/migrate.ts).
 */
export const SCHEMA_V3 = {
  recipients: 'id, stationCode, idBlind, *searchKeys, *categoryCodes, dedicatedStaffId, status, isHero',
} as const;

/**
 * Version 4 adds `drafts`: a form's unsaved values (a visit being typed), one row per form, the
 * values sealed like a row's sensitive fields. Local only, never synced (draftRepository.ts).
 */
export const SCHEMA_V4 = {
  drafts: 'id',
} as const;

/**
 * Version 5 adds attachments (issue 15): the synced rows (photos, signatures, documents on a
 * visit, an aid line, a request or a profile) and, local only, their bytes: `attachmentBlobs`
 * holds each original and thumbnail once, sealed, keyed by the sha256 of the clear bytes.
 */
export const SCHEMA_V5 = {
  attachments: 'id, recipientId, stationCode, [ownerTable+ownerId]',
  attachmentBlobs: 'sha256',
} as const;

export interface YoufuDbOptions extends RowCodecOptions {
  /** For tests: fake-indexeddb's `indexedDB` and `IDBKeyRange`. */
  indexedDB?: { open: (name: string, version?: number) => IDBOpenDBRequest };
  IDBKeyRange?: typeof IDBKeyRange;
}

export class YoufuDb extends Dexie {
  stations!: DexieTable<Station, 'code'>;
  staff!: DexieTable<StoredRow<'staff'>, 'id'>;
  recipients!: DexieTable<StoredRow<'recipients'>, 'id'>;
  visits!: DexieTable<StoredRow<'visits'>, 'id'>;
  aid!: DexieTable<StoredRow<'aid'>, 'id'>;
  duties!: DexieTable<StoredRow<'duties'>, 'id'>;
  dutyOccurrences!: DexieTable<StoredRow<'dutyOccurrences'>, 'id'>;
  requests!: DexieTable<StoredRow<'requests'>, 'id'>;
  signoffs!: DexieTable<StoredRow<'signoffs'>, 'id'>;
  attachments!: DexieTable<StoredRow<'attachments'>, 'id'>;
  attachmentBlobs!: DexieTable<AttachmentBlobEntry, 'sha256'>;
  outbox!: DexieTable<OutboxEntry, 'seq'>;
  syncState!: DexieTable<SyncStateEntry, 'key'>;
  conflicts!: DexieTable<ConflictEntry, 'id'>;
  auditLocal!: DexieTable<AuditEntry, 'id'>;
  drafts!: DexieTable<DraftEntry, 'id'>;
  readonly codec: RowCodec;

  constructor(name: string, options: YoufuDbOptions = {}) {
    super(name, {
      // Only pass what was given: Dexie treats an explicit `undefined` as "no IndexedDB".
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
      // A visit the caseworker saw saved must survive a power cut right after.
      chromeTransactionDurability: 'strict',
    });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
    this.codec = createRowCodec(options);
  }
}

/**
 * Tables bound explicitly to one transaction. Dexie finds the ambient transaction through a
 * zone that follows native `await` only heuristically (a budget of echoed microtasks); a long
 * write (pinyin, zod, several rows) can outrun it, and the next call then silently runs in
 * its own transaction — atomicity lost. Bound tables never depend on the zone.
 */
export const bound = {
  entity: <T extends EntityTable>(tx: Transaction, table: T): Table<StoredRow<T>, string> => tx.table<StoredRow<T>, string>(table),
  outbox: (tx: Transaction): Table<OutboxEntry, number, InsertType<OutboxEntry, 'seq'>> =>
    tx.table<OutboxEntry, number, InsertType<OutboxEntry, 'seq'>>('outbox'),
  syncState: (tx: Transaction): Table<SyncStateEntry, string> => tx.table<SyncStateEntry, string>('syncState'),
  auditLocal: (tx: Transaction): Table<AuditEntry, number, InsertType<AuditEntry, 'id'>> =>
    tx.table<AuditEntry, number, InsertType<AuditEntry, 'id'>>('auditLocal'),
  attachmentBlobs: (tx: Transaction): Table<AttachmentBlobEntry, string> => tx.table<AttachmentBlobEntry, string>('attachmentBlobs'),
};

export async function openYoufuDb(name: string, options: YoufuDbOptions = {}): Promise<YoufuDb> {
  const db = new YoufuDb(name, options);
  await db.open();
  return db;
}

import { SealedValueError } from './atRest/cipher';
import type { YoufuDb } from './database';

/**
 * Drafts of forms being typed (a visit), kept in the account's own database: one row per form,
 * the values sealed with the database's data key (the drafts table and the draft's id as
 * additional data), so a draft is unreadable while the app is locked and no other account on
 * this computer ever sees it. Local only: never synced, never in the outbox.
 */
export interface StoredDraftValues {
  savedAt: string;
  values: unknown;
}

export function visitDraftId(recipientId: string): string {
  return `visit/${recipientId}`;
}

export async function saveDraft(db: YoufuDb, id: string, values: unknown, now: Date = new Date()): Promise<void> {
  // Sealed before the write: no transaction is held open across WebCrypto.
  const sealed = await db.codec.sealDraft(id, values);
  await db.drafts.put({ id, savedAt: now.toISOString(), sealed });
}

/** The draft's values, or null when there is none or its bytes do not open (moved, tampered). */
export async function loadDraft(db: YoufuDb, id: string): Promise<StoredDraftValues | null> {
  const row = await db.drafts.get(id);
  if (!row) return null;
  try {
    return { savedAt: row.savedAt, values: await db.codec.openDraft(id, row.sealed) };
  } catch (e) {
    if (e instanceof SealedValueError) return null;
    throw e;
  }
}

export async function clearDraft(db: YoufuDb, id: string): Promise<void> {
  await db.drafts.delete(id);
}

/**
 * Writes a form's values as they change, at most one write per `delayMs`: the first change
 * after a write starts the timer and later ones only replace the values it will write, so
 * steady typing still reaches the disk every `delayMs` (a crash loses at most that much).
 * Writes and the final clear run one after another, so a clear is never overtaken by a write
 * that started before it.
 */
export interface DraftWriter<T> {
  update(values: T): void;
  /** Writes the pending values now (leaving the form, the window closing). */
  flush(): Promise<void>;
  /** Drops the pending values and deletes the stored draft (discard, save). */
  discard(): Promise<void>;
}

export interface DraftWriterOptions {
  delayMs?: number;
  now?: () => Date;
  /** A write that fails (the database closed by the lock) must never break the form. */
  onError?: (e: unknown) => void;
}

export const DRAFT_WRITE_DELAY_MS = 300;

export function createDraftWriter<T>(db: YoufuDb, id: string, opts: DraftWriterOptions = {}): DraftWriter<T> {
  const delayMs = opts.delayMs ?? DRAFT_WRITE_DELAY_MS;
  const onError = opts.onError ?? (() => undefined);
  let pending: { values: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();

  const enqueue = (op: () => Promise<void>): Promise<void> => {
    chain = chain.then(op).catch(onError);
    return chain;
  };
  const stopTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const writePending = (): Promise<void> => {
    stopTimer();
    const next = pending;
    pending = null;
    if (next === null) return chain;
    return enqueue(() => saveDraft(db, id, next.values, opts.now?.() ?? new Date()));
  };

  return {
    update(values) {
      pending = { values };
      timer ??= setTimeout(() => void writePending(), delayMs);
    },
    flush: writePending,
    discard() {
      stopTimer();
      pending = null;
      return enqueue(() => clearDraft(db, id));
    },
  };
}

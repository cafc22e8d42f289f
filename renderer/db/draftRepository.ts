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

/** The picked photos and signatures of that visit draft: a row of their own (large, rarely written). */
export function visitEvidenceDraftId(recipientId: string): string {
  return `visit/${recipientId}/evidence`;
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
 * Writes a form's values as they change. A change after a quiet moment is written at once; while
 * writes follow each other, at most one runs and one waits, and the waiting one always takes the
 * latest values, never starting sooner than `minIntervalMs` after the previous write began. A
 * crash (or a reload) so loses at most the write under way and that interval. Writes and the
 * final clear run one after another, so a clear is never overtaken by a write begun before it.
 */
export interface DraftWriter<T> {
  update(values: T): void;
  /** Writes the pending values now (leaving the form, the window closing). */
  flush(): Promise<void>;
  /** Drops the pending values and deletes the stored draft (discard, save). */
  discard(): Promise<void>;
}

export interface DraftWriterOptions {
  /** 0 by default: each write as soon as the one before it is done. */
  minIntervalMs?: number;
  now?: () => Date;
  /** A write that fails (the database closed by the lock) must never break the form. */
  onError?: (e: unknown) => void;
}

export function createDraftWriter<T>(db: YoufuDb, id: string, opts: DraftWriterOptions = {}): DraftWriter<T> {
  const interval = opts.minIntervalMs ?? 0;
  const onError = opts.onError ?? (() => undefined);
  let pending: { values: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A write is queued on the chain and will take whatever `pending` holds when it runs.
  let queued = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  let chain: Promise<void> = Promise.resolve();

  const enqueue = (op: () => Promise<void>): Promise<void> => {
    chain = chain.then(op).catch(onError);
    return chain;
  };
  const stopTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const writeNow = (): Promise<void> => {
    stopTimer();
    if (queued) return chain;
    queued = true;
    return enqueue(async () => {
      queued = false;
      const next = pending;
      pending = null;
      if (next === null) return;
      lastStart = Date.now();
      await saveDraft(db, id, next.values, opts.now?.() ?? new Date());
    });
  };

  return {
    update(values) {
      pending = { values };
      if (queued || timer !== null) return;
      const wait = lastStart + interval - Date.now();
      if (wait > 0) timer = setTimeout(() => void writeNow(), wait);
      else void writeNow();
    },
    flush: writeNow,
    discard() {
      stopTimer();
      pending = null;
      return enqueue(() => clearDraft(db, id));
    },
  };
}

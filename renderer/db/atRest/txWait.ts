import type { Transaction } from 'dexie';

interface WaitableTransaction {
  waitFor<T>(promise: PromiseLike<T>): PromiseLike<T>;
}

/**
 * Awaits non-Dexie work (WebCrypto) inside a Dexie transaction without letting IndexedDB
 * auto-commit it meanwhile: Dexie keeps the transaction busy until the work settles and resumes
 * us inside a request callback, where the transaction is active again.
 *
 * `Dexie.waitFor` does the same but finds the transaction through Dexie's zone, which native
 * `await` can lose in a long write (see `bound` in database.ts); this takes it explicitly.
 * `Transaction#waitFor` is Dexie's own, public in its docs though missing from its typings.
 */
export function waitInTransaction<T>(tx: Transaction, work: Promise<T>): Promise<T> {
  return Promise.resolve((tx as unknown as WaitableTransaction).waitFor(work));
}

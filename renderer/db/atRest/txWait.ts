import type { Transaction } from 'dexie';

interface WaitableTransaction {
  waitFor<T>(promise: PromiseLike<T>): PromiseLike<T>;
}

/** Per transaction, the last wait registered with Dexie (settled or not). */
const lastWait = new WeakMap<Transaction, Promise<unknown>>();

/**
 * Awaits non-Dexie work (WebCrypto) inside a Dexie transaction without letting IndexedDB
 * auto-commit it meanwhile: Dexie keeps the transaction busy until the work settles and resumes
 * us inside a request callback, where the transaction is active again.
 *
 * `Dexie.waitFor` does the same but finds the transaction through Dexie's zone, which native
 * `await` can lose in a long write (see `bound` in database.ts); this takes it explicitly.
 * `Transaction#waitFor` is Dexie's own, public in its docs though missing from its typings.
 *
 * Two waits of one transaction are handed to Dexie one after the other: Dexie 4's `waitFor`
 * stops keeping the transaction busy as soon as the LATER of two overlapping waits settles, so
 * an earlier one still running then never resumes and the transaction hangs. The work itself
 * is already running (it is a promise); only its registration waits for the previous one.
 */
export function waitInTransaction<T>(tx: Transaction, work: Promise<T>): Promise<T> {
  const previous = lastWait.get(tx);
  const register = (): Promise<T> => Promise.resolve((tx as unknown as WaitableTransaction).waitFor(work));
  const wait = previous === undefined ? register() : previous.then(register, register);
  // The chain must not stop at a failed wait, nor report it as unhandled: the caller gets it.
  lastWait.set(
    tx,
    wait.catch(() => undefined),
  );
  return wait;
}

import { liveQuery } from 'dexie';

/**
 * Live reads: a query function of renderer/db re-run whenever a table it read changes. Dexie's
 * observation is the mechanism; screens and the sync runtime get it from here, never from Dexie.
 * `useLiveQuery` is Dexie's own React hook (dexie-react-hooks), passed through unchanged.
 */
export { useLiveQuery } from 'dexie-react-hooks';

/** Calls `next` with the query's result now and after every change to what it read; returns the unsubscribe. */
export function watchQuery<T>(query: () => Promise<T>, next: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({ next });
  return () => subscription.unsubscribe();
}

export type PersistentStorageResult = 'granted' | 'denied' | 'unsupported';

/**
 * Asks the browser not to evict this origin's data under storage pressure; without it a full
 * disk could silently drop a station's unsynced visits.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<PersistentStorageResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  if (await storage.persisted()) return 'granted';
  return (await storage.persist()) ? 'granted' : 'denied';
}

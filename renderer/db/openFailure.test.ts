import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openFailureCode } from './openFailure';

/** The error IndexedDB itself raises when asked for an older version than the one on disk. */
async function realVersionError(): Promise<Error> {
  const factory = new IDBFactory();
  const open = (version: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('written-by-a-newer-app', version);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('no error'));
    });
  (await open(50)).close();
  const e = await open(40).then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof Error)) throw new Error(`expected IndexedDB's VersionError, got ${String(e)}`);
  return e;
}

describe('why the database did not open, by error name', () => {
  it('knows a newer database from the error IndexedDB raises, and from Dexie wrapping it', async () => {
    const native = await realVersionError();
    expect(native.name).toBe('VersionError');
    expect(openFailureCode(native)).toBe('newer_version');
    expect(openFailureCode(new Dexie.VersionError('whatever the wording'))).toBe('newer_version');
    expect(openFailureCode(new Dexie.OpenFailedError('could not open', native))).toBe('newer_version');
  });

  it('does not guess from the wording: a message that says "version" is not a version error', () => {
    expect(openFailureCode(new Error('VersionError: the requested version is lower'))).toBe('open_failed');
    expect(openFailureCode(new Dexie.UpgradeError('upgrade to version 5 failed'))).toBe('open_failed');
    expect(openFailureCode(new Dexie.OpenFailedError('version mismatch', new Error('disk full')))).toBe('open_failed');
    expect(openFailureCode('VersionError')).toBe('open_failed');
    expect(openFailureCode(undefined)).toBe('open_failed');
  });
});

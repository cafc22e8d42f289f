import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../db/atRest/keys';
import { forgetBrowserKeys, loadDatabaseKeys, unlockBrowserKeys } from './dbKeys';
import { unwrapKeys, wrapKeys } from './keyEnvelope';

/** A Web Storage stand-in: the browser shell keeps the envelope in localStorage, the tab's keys in sessionStorage. */
class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  dump(): string {
    return JSON.stringify([...this.map]);
  }
}

let local: MemoryStorage;
let session: MemoryStorage;
beforeEach(() => {
  local = new MemoryStorage();
  session = new MemoryStorage();
  Object.assign(globalThis, { localStorage: local, sessionStorage: session, window: {} });
});
afterEach(() => {
  for (const k of ['localStorage', 'sessionStorage', 'window']) Reflect.deleteProperty(globalThis, k);
});

const DB = 'station-srv-u1';
const FAST = 100_000;

describe('key envelope (browser shell)', () => {
  it('opens with the password it was wrapped under, and not with another password or for another database', async () => {
    const material = { dataKey: crypto.getRandomValues(new Uint8Array(32)), blindIndexKey: crypto.getRandomValues(new Uint8Array(32)) };
    const envelope = await wrapKeys(material, 'demo-pass', DB, FAST);
    expect(JSON.stringify(envelope)).not.toContain(toBase64(material.dataKey));
    expect(await unwrapKeys(envelope, 'demo-pass', DB)).toEqual(material);
    expect(await unwrapKeys(envelope, 'wrong-pass', DB)).toBeNull();
    expect(await unwrapKeys(envelope, 'demo-pass', 'station-srv-u2')).toBeNull();
  });
});

describe('browser database keys', () => {
  it('creates the keys at the first sign-in, gives the same ones at the next, and none without a sign-in', async () => {
    expect(await loadDatabaseKeys(DB, { demo: false })).toEqual({ ok: false, error: 'sign_in_again' });
    expect(await unlockBrowserKeys(DB, 'demo-pass')).toBe(true);
    const first = await loadDatabaseKeys(DB, { demo: false });
    expect(first.ok).toBe(true);
    const tabKeys = session.dump();
    // What stays in localStorage is only the envelope: the keys are not in it.
    const { dataKey } = JSON.parse(session.getItem(`youfu-desk.dbKeys.${DB}`)!) as { dataKey: string };
    expect(local.dump()).not.toContain(dataKey);

    forgetBrowserKeys();
    expect(await loadDatabaseKeys(DB, { demo: false })).toEqual({ ok: false, error: 'sign_in_again' });
    expect(await unlockBrowserKeys(DB, 'demo-pass')).toBe(true);
    expect(session.dump()).toBe(tabKeys);
  });

  it('refuses a password that does not open the envelope, and keeps the envelope', async () => {
    await unlockBrowserKeys(DB, 'demo-pass');
    forgetBrowserKeys();
    const envelope = local.dump();
    expect(await unlockBrowserKeys(DB, 'changed-pass')).toBe(false);
    expect(await loadDatabaseKeys(DB, { demo: false })).toEqual({ ok: false, error: 'sign_in_again' });
    expect(local.dump()).toBe(envelope);
  });

  it('gives the offline demo its stored demo key', async () => {
    const a = await loadDatabaseKeys('station-local-demo-u9', { demo: true });
    const b = await loadDatabaseKeys('station-local-demo-u9', { demo: true });
    expect(a.ok && b.ok && a.keys.blindIndexKey).toEqual(b.ok && b.keys.blindIndexKey);
  });
});

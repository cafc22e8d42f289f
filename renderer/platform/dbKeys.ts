import { z } from 'zod';
import {
  type DatabaseKeyMaterial,
  type DatabaseKeys,
  generateKeyMaterial,
  importDatabaseKeys,
  materialFromBase64,
  materialToBase64,
} from '../db/atRest/keys';
import { desktopApi } from './desktop';
import { keyEnvelopeSchema, unwrapKeys, wrapKeys } from './keyEnvelope';

/**
 * Where a local database's keys come from (see README, "Encryption at rest"):
 * - Electron: main keeps them wrapped with safeStorage and hands them over through the one
 *   `db:keys` channel, only while the session is unlocked (after an online sign-in or an
 *   offline unlock). The renderer keeps them in the open database's codec only, and the lock
 *   screen closes that database.
 * - Browser shell, signed in: wrapped under the password (PBKDF2) in localStorage; unwrapped at
 *   the online sign-in into sessionStorage for this tab, like the server token there.
 * - Browser offline demo: a stored demo key in localStorage (demo data is fictional).
 */
export type KeyLoadError = 'locked' | 'sign_in_again' | 'keys_unavailable';
export type KeyLoadResult = { ok: true; keys: DatabaseKeys } | { ok: false; error: KeyLoadError; detail?: string };

const SESSION_PREFIX = 'youfu-desk.dbKeys.';
const ENVELOPE_PREFIX = 'youfu-desk.keyEnvelope.';
const DEMO_PREFIX = 'youfu-desk.demoKeys.';
const materialSchema = z.object({ dataKey: z.string(), blindIndexKey: z.string() });

function readMaterial(storage: Storage, key: string): DatabaseKeyMaterial | null {
  const raw = storage.getItem(key);
  if (raw === null) return null;
  try {
    return materialFromBase64(materialSchema.parse(JSON.parse(raw)));
  } catch {
    return null;
  }
}

function writeMaterial(storage: Storage, key: string, material: DatabaseKeyMaterial): void {
  storage.setItem(key, JSON.stringify(materialToBase64(material)));
}

/** The keys of a database for this session, or why there are none. */
export async function loadDatabaseKeys(databaseName: string, options: { demo: boolean }): Promise<KeyLoadResult> {
  if (options.demo) return { ok: true, keys: await importDatabaseKeys(demoKeyMaterial(databaseName)) };
  const api = desktopApi();
  if (api) {
    const res = await api.db.keys();
    if (!res.ok) return { ok: false, error: res.error.code === 'locked' ? 'locked' : 'keys_unavailable', detail: res.error.message };
    return { ok: true, keys: await importDatabaseKeys(materialFromBase64(res.value)) };
  }
  const material = readMaterial(sessionStorage, SESSION_PREFIX + databaseName);
  if (!material) return { ok: false, error: 'sign_in_again' };
  return { ok: true, keys: await importDatabaseKeys(material) };
}

/** The offline demo's stored key (created on first use). Demo data only: never a real account. */
export function demoKeyMaterial(databaseName: string): DatabaseKeyMaterial {
  const existing = readMaterial(localStorage, DEMO_PREFIX + databaseName);
  if (existing) return existing;
  const material = generateKeyMaterial();
  writeMaterial(localStorage, DEMO_PREFIX + databaseName, material);
  return material;
}

export async function demoDatabaseKeys(databaseName: string): Promise<DatabaseKeys> {
  return importDatabaseKeys(demoKeyMaterial(databaseName));
}

/** A fresh demo database gets fresh demo keys. */
export function resetDemoKeys(databaseName: string): void {
  localStorage.removeItem(DEMO_PREFIX + databaseName);
}

/**
 * Browser shell, at an online sign-in (the only moment the password is known): opens the
 * database's key envelope with the password, or creates keys and their envelope on the first
 * sign-in, and keeps the keys for this tab. false when an envelope exists that the password
 * does not open (the password was changed since): the database then stays closed.
 */
export async function unlockBrowserKeys(databaseName: string, password: string): Promise<boolean> {
  const envelopeKey = ENVELOPE_PREFIX + databaseName;
  const raw = localStorage.getItem(envelopeKey);
  let material: DatabaseKeyMaterial | null = null;
  if (raw !== null) {
    const parsed = keyEnvelopeSchema.safeParse(safeJson(raw));
    if (parsed.success) {
      material = await unwrapKeys(parsed.data, password, databaseName);
      if (!material) return false;
    }
  }
  if (!material) {
    material = generateKeyMaterial();
    localStorage.setItem(envelopeKey, JSON.stringify(await wrapKeys(material, password, databaseName)));
  }
  writeMaterial(sessionStorage, SESSION_PREFIX + databaseName, material);
  return true;
}

/** Signing out of the browser shell forgets this tab's unwrapped keys (the envelope stays). */
export function forgetBrowserKeys(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(SESSION_PREFIX)) sessionStorage.removeItem(key);
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

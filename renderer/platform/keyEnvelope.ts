import { z } from 'zod';
import { type DatabaseKeyMaterial, fromBase64, materialFromBase64, materialToBase64, toBase64 } from '../db/atRest/keys';

/**
 * The browser shell's wrapped copy of a database's keys: AES-256-GCM under a key derived from
 * the account password with PBKDF2-SHA256 (random salt). Only a correct password at an online
 * sign-in opens it; what is stored (localStorage) is useless without that password.
 */
export const ENVELOPE_ITERATIONS = 250_000;

export const keyEnvelopeSchema = z.object({
  v: z.literal(1),
  salt: z.string(),
  iterations: z.number().int().min(100_000),
  iv: z.string(),
  wrapped: z.string(),
});
export type KeyEnvelope = z.infer<typeof keyEnvelopeSchema>;

const encoder = new TextEncoder();

async function passwordKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const aad = (databaseName: string): Uint8Array<ArrayBuffer> => encoder.encode(`youfu-desk/key-envelope/v1/${databaseName}`);

export async function wrapKeys(material: DatabaseKeyMaterial, password: string, databaseName: string, iterations = ENVELOPE_ITERATIONS): Promise<KeyEnvelope> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passwordKey(password, salt, iterations);
  const plain = encoder.encode(JSON.stringify(materialToBase64(material)));
  const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(databaseName) }, key, plain);
  return { v: 1, salt: toBase64(salt), iterations, iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)) };
}

/** null when the password (or the database name) is not the one the keys were wrapped under. */
export async function unwrapKeys(envelope: KeyEnvelope, password: string, databaseName: string): Promise<DatabaseKeyMaterial | null> {
  const key = await passwordKey(password, fromBase64(envelope.salt), envelope.iterations);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(envelope.iv), additionalData: aad(databaseName) }, key, fromBase64(envelope.wrapped));
    const parsed = z.object({ dataKey: z.string(), blindIndexKey: z.string() }).parse(JSON.parse(new TextDecoder().decode(plain)));
    return materialFromBase64(parsed);
  } catch {
    return null;
  }
}

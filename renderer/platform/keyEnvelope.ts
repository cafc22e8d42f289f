import { z } from 'zod';
import {
  AES_GCM_IV_BYTES,
  PBKDF2_DEFAULT_ITERATIONS,
  PBKDF2_SALT_BYTES,
  aesGcmDecrypt,
  aesGcmEncrypt,
  derivePasswordKey,
  fromBase64,
  randomBytes,
  toBase64,
  utf8Decode,
  utf8Encode,
} from '../../shared/cipher/aesGcm';
import { type DatabaseKeyMaterial, materialFromBase64, materialToBase64 } from '../db/atRest/keys';

/**
 * The browser shell's wrapped copy of a database's keys: AES-256-GCM under a key derived from
 * the account password with PBKDF2-SHA256 (random salt). Only a correct password at an online
 * sign-in opens it; what is stored (localStorage) is useless without that password.
 */
export const ENVELOPE_ITERATIONS = PBKDF2_DEFAULT_ITERATIONS;

export const keyEnvelopeSchema = z.object({
  v: z.literal(1),
  salt: z.string(),
  iterations: z.number().int().min(100_000),
  iv: z.string(),
  wrapped: z.string(),
});
export type KeyEnvelope = z.infer<typeof keyEnvelopeSchema>;

const aad = (databaseName: string): Uint8Array<ArrayBuffer> => utf8Encode(`youfu-desk/key-envelope/v1/${databaseName}`);

export async function wrapKeys(
  material: DatabaseKeyMaterial,
  password: string,
  databaseName: string,
  iterations = ENVELOPE_ITERATIONS,
): Promise<KeyEnvelope> {
  const salt = randomBytes(PBKDF2_SALT_BYTES);
  const iv = randomBytes(AES_GCM_IV_BYTES);
  const key = await derivePasswordKey(password, salt, iterations);
  const plain = utf8Encode(JSON.stringify(materialToBase64(material)));
  const wrapped = await aesGcmEncrypt(key, iv, plain, aad(databaseName));
  return { v: 1, salt: toBase64(salt), iterations, iv: toBase64(iv), wrapped: toBase64(wrapped) };
}

/** null when the password (or the database name) is not the one the keys were wrapped under. */
export async function unwrapKeys(envelope: KeyEnvelope, password: string, databaseName: string): Promise<DatabaseKeyMaterial | null> {
  const key = await derivePasswordKey(password, fromBase64(envelope.salt), envelope.iterations);
  try {
    const opened = await aesGcmDecrypt(key, fromBase64(envelope.iv), fromBase64(envelope.wrapped), aad(databaseName));
    if (!opened.ok) return null;
    const parsed = z.object({ dataKey: z.string(), blindIndexKey: z.string() }).parse(JSON.parse(utf8Decode(opened.value)));
    return materialFromBase64(parsed);
  } catch {
    return null;
  }
}

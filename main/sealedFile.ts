import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Result, err, ok } from '../shared/result';

/** The part of Electron's `safeStorage` used here (OS keychain / DPAPI / libsecret). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; 'basic_text' means a fixed, publicly known key. */
  getSelectedStorageBackend?(): string;
}

/** Linux backends that are not real encryption: refused like a missing keychain. */
const WEAK_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

export function canEncrypt(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  const backend = safeStorage.getSelectedStorageBackend?.();
  return backend === undefined || !WEAK_BACKENDS.has(backend);
}

export type SealError = 'encryption_unavailable';

export interface SealedFile {
  /** null when there is no file, or it cannot be decrypted here (another OS user, a reset keychain). */
  read(): Promise<string | null>;
  write(plainText: string): Promise<Result<null, SealError>>;
  remove(): Promise<void>;
}

/**
 * A small text file encrypted with safeStorage. Written to a temporary name and renamed so a
 * crash mid-write leaves the old file intact, and readable by the current OS user only.
 * There is deliberately no plaintext fallback.
 */
export function createSealedFile(filePath: string, safeStorage: SafeStorageLike): SealedFile {
  return {
    async read() {
      let data: Buffer;
      try {
        data = await readFile(filePath);
      } catch {
        return null;
      }
      if (!safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(data);
      } catch {
        return null;
      }
    },
    async write(plainText) {
      if (!canEncrypt(safeStorage)) return err('encryption_unavailable');
      const sealed = safeStorage.encryptString(plainText);
      await writeAtomically(filePath, sealed);
      return ok(null);
    },
    async remove() {
      await rm(filePath, { force: true });
    },
  };
}

export async function writeAtomically(filePath: string, data: Buffer | string): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const tmp = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, filePath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

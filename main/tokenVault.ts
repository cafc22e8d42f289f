import { z } from 'zod';
import { type Result, ok } from '../shared/result';
import { type SealError, type SealedFile } from './sealedFile';

/** What main keeps about the signed-in account: the only place the server token lives. */
export const storedCredentialSchema = z.object({
  token: z.string().min(1),
  userId: z.string(),
  username: z.string(),
  serverUrl: z.string(),
  expiresAt: z.string(),
});
export type StoredCredential = z.infer<typeof storedCredentialSchema>;

export interface TokenVault {
  save(credential: StoredCredential): Promise<Result<null, SealError>>;
  load(): Promise<StoredCredential | null>;
  clear(): Promise<void>;
}

/**
 * The server token, encrypted with safeStorage in a file under userData. It is read by the
 * sync client in main and never crosses IPC (the contract has no field for it and strips it).
 */
export function createTokenVault(file: SealedFile): TokenVault {
  let cached: StoredCredential | null | undefined;
  return {
    async save(credential) {
      const written = await file.write(JSON.stringify(storedCredentialSchema.parse(credential)));
      if (!written.ok) return written;
      cached = credential;
      return ok(null);
    },
    async load() {
      if (cached !== undefined) return cached;
      const text = await file.read();
      cached = parseCredential(text);
      return cached;
    },
    async clear() {
      cached = null;
      await file.remove();
    },
  };
}

function parseCredential(text: string | null): StoredCredential | null {
  if (text === null) return null;
  try {
    const parsed = storedCredentialSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

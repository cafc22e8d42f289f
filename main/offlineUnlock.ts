import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { sessionUserSchema } from '../shared/sync/protocol';
import { type Err, type Ok, type Result, err, ok } from '../shared/result';
import type { SealError, SealedFile } from './sealedFile';

/**
 * Offline unlock: the first sign-in is online; it leaves a scrypt verifier of the password
 * here so later unlocks work with no network. The verifier file is sealed with safeStorage
 * too, so a copied profile folder does not even offer a hash to brute-force.
 */

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLen: number;
}
/** About 32 MiB and ~100 ms per try: cheap for one unlock, slow for guessing. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLen: 32 };

export interface LockoutPolicy {
  /** Consecutive wrong passwords before a lockout. */
  maxFailures: number;
  /** The first lockout; each further one doubles, up to maxLockoutMs. */
  lockoutMs: number;
  maxLockoutMs: number;
}
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockoutMs: 30_000, maxLockoutMs: 60 * 60_000 };

export const offlineProfileSchema = z.object({
  user: sessionUserSchema,
  scopes: z.array(z.string()),
  serverId: z.string(),
});
export type OfflineProfile = z.infer<typeof offlineProfileSchema>;

const verifierSchema = z.object({
  salt: z.string(),
  hash: z.string(),
  params: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int(), keyLen: z.number().int() }),
  profile: offlineProfileSchema,
  failures: z.number().int().nonnegative(),
  lockouts: z.number().int().nonnegative(),
  lockedUntil: z.number().nullable(),
});
type Verifier = z.infer<typeof verifierSchema>;

const storeSchema = z.object({
  version: z.literal(1),
  lastUsername: z.string().nullable(),
  users: z.record(z.string(), verifierSchema),
});
type Store = z.infer<typeof storeSchema>;

export type UnlockError = 'unauthorized' | 'locked_out' | 'offline_unlock_unavailable';
export type UnlockResult = Ok<OfflineProfile> | (Err<UnlockError> & { retryAt?: number });

export interface OfflineUnlock {
  remember(username: string, password: string, profile: OfflineProfile): Promise<Result<null, SealError>>;
  verifyOffline(username: string, password: string): Promise<UnlockResult>;
  lastUsername(): Promise<string | null>;
}

export interface OfflineUnlockOptions {
  file: SealedFile;
  now: () => number;
  params?: ScryptParams;
  lockout?: LockoutPolicy;
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function createOfflineUnlock(opts: OfflineUnlockOptions): OfflineUnlock {
  const params = opts.params ?? DEFAULT_SCRYPT;
  const policy = opts.lockout ?? DEFAULT_LOCKOUT;
  // One check at a time: two parallel wrong guesses must both count.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function load(): Promise<Store> {
    const text = await opts.file.read();
    if (text === null) return { version: 1, lastUsername: null, users: {} };
    try {
      const parsed = storeSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: an unreadable store is an empty one (the next online sign-in rebuilds it)
    }
    return { version: 1, lastUsername: null, users: {} };
  }

  return {
    remember: (username, password, profile) =>
      serial(async () => {
        const store = await load();
        const key = normalizeUsername(username);
        const salt = randomBytes(16);
        const hash = await derive(password, salt, params);
        store.users[key] = {
          salt: salt.toString('base64'),
          hash: hash.toString('base64'),
          params,
          profile,
          failures: 0,
          lockouts: 0,
          lockedUntil: null,
        };
        store.lastUsername = key;
        return opts.file.write(JSON.stringify(store));
      }),

    verifyOffline: (username, password) =>
      serial(async () => {
        const store = await load();
        const key = normalizeUsername(username);
        const verifier = store.users[key];
        // Which accounts signed in here is visible on this machine anyway (the database names),
        // so saying "sign in online first" reveals nothing new.
        if (!verifier) return { ok: false, error: 'offline_unlock_unavailable' };
        const now = opts.now();
        if (verifier.lockedUntil !== null && now < verifier.lockedUntil) {
          // No scrypt while locked out: a guess during the lockout tells nothing.
          return { ok: false, error: 'locked_out', retryAt: verifier.lockedUntil };
        }
        const matches = await check(password, verifier);
        if (matches) {
          store.users[key] = { ...verifier, failures: 0, lockouts: 0, lockedUntil: null };
          store.lastUsername = key;
          await opts.file.write(JSON.stringify(store));
          return ok(verifier.profile);
        }
        const failed = afterFailure(verifier, now, policy);
        store.users[key] = failed;
        await opts.file.write(JSON.stringify(store));
        return failed.lockedUntil !== null ? { ok: false, error: 'locked_out', retryAt: failed.lockedUntil } : err('unauthorized');
      }),

    lastUsername: async () => (await load()).lastUsername,
  };
}

function afterFailure(v: Verifier, now: number, policy: LockoutPolicy): Verifier {
  const failures = v.failures + 1;
  if (failures < policy.maxFailures) return { ...v, failures, lockedUntil: null };
  const delay = Math.min(policy.lockoutMs * 2 ** v.lockouts, policy.maxLockoutMs);
  return { ...v, failures: 0, lockouts: v.lockouts + 1, lockedUntil: now + delay };
}

async function check(password: string, v: Verifier): Promise<boolean> {
  const expected = Buffer.from(v.hash, 'base64');
  const actual = await derive(password, Buffer.from(v.salt, 'base64'), v.params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(password: string, salt: Buffer, p: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above 128·N·r so the default 32 MiB cap does not reject our own parameters.
    scrypt(password.normalize('NFKC'), salt, p.keyLen, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r }, (e, key) => {
      if (e) reject(e);
      else resolve(key);
    });
  });
}

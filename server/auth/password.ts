import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N=2^14, r=8 takes ~50 ms and 16 MB, OWASP's floor for scrypt. */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

export interface PasswordHash {
  /** `scrypt$N$r$p$<hex key>`: the parameters travel with the hash so they can be raised later. */
  hash: string;
  salt: string;
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P);
  return { hash: `scrypt$${N}$${R}$${P}$${key.toString('hex')}`, salt: salt.toString('hex') };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([0-9a-f]+)$/.exec(stored.hash);
  if (!m) return false;
  const key = await scryptAsync(password, Buffer.from(stored.salt, 'hex'), Number(m[1]), Number(m[2]), Number(m[3]));
  const expected = Buffer.from(m[4]!, 'hex');
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** Verified against for unknown usernames, so that timing does not reveal which names exist. */
let dummy: Promise<PasswordHash> | null = null;
export function dummyHash(): Promise<PasswordHash> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

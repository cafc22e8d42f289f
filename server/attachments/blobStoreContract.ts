import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from './blobStore';

export interface BlobStoreUnderTest {
  store: BlobStore;
  close: () => Promise<void>;
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The one suite every BlobStore passes (fsBlobStore.test.ts, s3BlobStore.test.ts): bytes in
 * and out unchanged, stored once per content, nothing for an unknown hash, a bad hash refused.
 */
export function describeBlobStore(name: string, open: () => Promise<BlobStoreUnderTest>): void {
  describe(`blob store: ${name}`, () => {
    let under: BlobStoreUnderTest;
    let dir: string;
    beforeAll(async () => {
      under = await open();
      dir = await mkdtemp(join(tmpdir(), 'youfu-blobs-in-'));
    });
    afterAll(async () => {
      await under.close();
      await rm(dir, { recursive: true, force: true });
    });

    const fileOf = async (bytes: Buffer): Promise<string> => {
      const path = join(dir, `${sha(bytes)}-${randomBytes(4).toString('hex')}`);
      await writeFile(path, bytes);
      return path;
    };

    it('gives back the exact bytes it was given, and their size', async () => {
      const bytes = randomBytes(300_000);
      const path = await fileOf(bytes);
      expect(await under.store.putFile(sha(bytes), path, bytes.length)).toEqual({ stored: true });
      expect(await under.store.stat(sha(bytes))).toEqual({ size: bytes.length });
      const back = await under.store.read(sha(bytes));
      expect(back).not.toBeNull();
      expect(sha(await buffer(back!))).toBe(sha(bytes));
      // The file handed over is consumed.
      await expect(stat(path)).rejects.toThrow();
    });

    it('stores the same bytes once: a second put says it had them and consumes the file', async () => {
      const bytes = randomBytes(10_000);
      expect(await under.store.putFile(sha(bytes), await fileOf(bytes), bytes.length)).toEqual({ stored: true });
      const again = await fileOf(bytes);
      expect(await under.store.putFile(sha(bytes), again, bytes.length)).toEqual({ stored: false });
      await expect(stat(again)).rejects.toThrow();
      expect(sha(await buffer((await under.store.read(sha(bytes)))!))).toBe(sha(bytes));
    });

    it('has nothing for a hash it was never given', async () => {
      const unknown = sha(randomBytes(16));
      expect(await under.store.stat(unknown)).toBeNull();
      expect(await under.store.read(unknown)).toBeNull();
    });

    it('refuses a key that is not a sha256 (no path or key tricks)', async () => {
      await expect(under.store.stat('../../etc/passwd')).rejects.toThrow(/sha256/);
      await expect(under.store.read('AB'.repeat(32))).rejects.toThrow(/sha256/);
    });

    it('keeps an empty-looking but real small file (one byte)', async () => {
      const bytes = Buffer.from([0xff]);
      await under.store.putFile(sha(bytes), await fileOf(bytes), 1);
      expect(await under.store.stat(sha(bytes))).toEqual({ size: 1 });
    });
  });
}

import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { SHA256_HEX } from '../../shared/attachments/limits';
import type { BlobStore } from './blobStore';

function checkHash(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Renames `from` to `to`, making `to`'s folder first if it has none yet. */
async function renameInto(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
  }
}

/**
 * The embedded default: `<root>/<ab>/<cd>/<sha256>`. A file on the same disk (the upload's own)
 * is fsynced and renamed to its final name, and the folder fsynced: a crash leaves either no
 * file or the whole one, never a part under the final name. From another disk it is first
 * copied beside its final place under a temporary name, and that copy fsynced.
 */
export function createFsBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    kind: 'filesystem',
    async putFile(sha256, path, size) {
      checkHash(sha256);
      const final = pathOf(sha256);
      const existing = await stat(final).catch(() => null);
      if (existing?.isFile() && existing.size === size) {
        await rm(path, { force: true });
        return { stored: false };
      }
      await fsyncPath(path);
      try {
        await renameInto(path, final);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
        const temp = `${final}.${randomUUID()}.part`;
        try {
          await copyFile(path, temp);
          await fsyncPath(temp);
          await rename(temp, final);
        } catch (copyError) {
          await rm(temp, { force: true });
          throw copyError;
        }
        await rm(path, { force: true });
      }
      await fsyncPath(dirname(final));
      return { stored: true };
    },
    async stat(sha256) {
      checkHash(sha256);
      const s = await stat(pathOf(sha256)).catch(() => null);
      return s?.isFile() ? { size: s.size } : null;
    },
    async read(sha256): Promise<Readable | null> {
      checkHash(sha256);
      const s = await stat(pathOf(sha256)).catch(() => null);
      return s?.isFile() ? createReadStream(pathOf(sha256)) : null;
    },
  };
}

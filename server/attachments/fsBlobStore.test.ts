import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeBlobStore } from './blobStoreContract';
import { createFsBlobStore } from './fsBlobStore';

describeBlobStore('filesystem', async () => {
  const root = await mkdtemp(join(tmpdir(), 'youfu-blobs-'));
  return { store: createFsBlobStore(root), close: () => rm(root, { recursive: true, force: true }) };
});

it('files each content under its hash and leaves no temporary file beside it', async () => {
  const root = await mkdtemp(join(tmpdir(), 'youfu-blobs-'));
  const src = await mkdtemp(join(tmpdir(), 'youfu-blobs-src-'));
  try {
    const bytes = Buffer.from('a photo, say');
    const hash = createHash('sha256').update(bytes).digest('hex');
    await writeFile(join(src, 'x'), bytes);
    await createFsBlobStore(root).putFile(hash, join(src, 'x'), bytes.length);
    const files = (await readdir(root, { recursive: true })).map(String);
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(files).toContain(join(hash.slice(0, 2), hash.slice(2, 4), hash));
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(src, { recursive: true, force: true });
  }
});

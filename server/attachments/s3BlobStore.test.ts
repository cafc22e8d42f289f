import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBlobStore } from './blobStoreContract';
import { S3_PART_BYTES, createS3BlobStore } from './s3BlobStore';
import type { S3StoreConfig } from './s3Config';

// s3rver stands in for S3 here: a local S3-compatible server on 127.0.0.1, in this process.
const BUCKET = 'youfu-test';

interface RunningS3rver {
  config: S3StoreConfig;
  close: () => Promise<void>;
}

async function startS3rver(): Promise<RunningS3rver> {
  const directory = await mkdtemp(join(tmpdir(), 'youfu-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  return {
    config: {
      bucket: BUCKET,
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
      prefix: 'attachments/',
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describeBlobStore('s3-compatible (s3rver, standing in for real S3)', async () => {
  const s3 = await startS3rver();
  const store = createS3BlobStore(s3.config);
  return {
    store,
    close: async () => {
      store.destroy();
      await s3.close();
    },
  };
});

describe('blob store: s3 beyond the contract', () => {
  let s3: RunningS3rver;
  let dir: string;
  beforeAll(async () => {
    s3 = await startS3rver();
    dir = await mkdtemp(join(tmpdir(), 'youfu-s3-in-'));
  });
  afterAll(async () => {
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a file bigger than one part (a multipart upload) with the same sha256', async () => {
    const bytes = randomBytes(6 * 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(S3_PART_BYTES);
    const path = join(dir, 'big');
    await writeFile(path, bytes);
    const store = createS3BlobStore(s3.config);
    try {
      expect(await store.putFile(sha(bytes), path, bytes.length)).toEqual({ stored: true });
      expect(await store.stat(sha(bytes))).toEqual({ size: bytes.length });
      expect(sha(await buffer((await store.read(sha(bytes)))!))).toBe(sha(bytes));
      await expect(stat(path)).rejects.toThrow();
    } finally {
      store.destroy();
    }
  });

  it('files each content under <prefix><ab>/<cd>/<sha256>, the filesystem layout', async () => {
    const bytes = Buffer.from('a signature, say');
    const hash = sha(bytes);
    const path = join(dir, 'small');
    await writeFile(path, bytes);
    const store = createS3BlobStore({ ...s3.config, prefix: 'station-7/blobs/' });
    const raw = new S3Client({ ...s3.config, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
    try {
      await store.putFile(hash, path, bytes.length);
      const listed = await raw.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'station-7/' }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual([`station-7/blobs/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`]);
    } finally {
      store.destroy();
      raw.destroy();
    }
  });

  it('throws when the upload fails and leaves the file with the caller', async () => {
    const bytes = randomBytes(1000);
    const path = join(dir, 'kept');
    await writeFile(path, bytes);
    const store = createS3BlobStore({ ...s3.config, bucket: 'no-such-bucket' });
    try {
      await expect(store.putFile(sha(bytes), path, bytes.length)).rejects.toThrow();
      expect((await stat(path)).size).toBe(bytes.length);
      // A bucket that is not there is an error, not "no bytes".
      await expect(store.read(sha(bytes))).rejects.toThrow(/bucket/i);
    } finally {
      store.destroy();
    }
  });
});

import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { SHA256_HEX } from '../../shared/attachments/limits';
import type { BlobStore } from './blobStore';
import type { S3StoreConfig } from './s3Config';

/** lib-storage's smallest part (S3's minimum): a file up to this size goes in one PutObject. */
export const S3_PART_BYTES = 5 * 1024 * 1024;

function checkHash(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
}

/**
 * The object is not there. A HEAD has no body, so a missing bucket reads as a missing object
 * there; a GET names it (NoSuchBucket) and that is rethrown, not taken for "no bytes".
 */
function isMissing(e: unknown): boolean {
  if (!(e instanceof S3ServiceException) || e.name === 'NoSuchBucket') return false;
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404;
}

/**
 * S3-compatible object storage: `<prefix><ab>/<cd>/<sha256>` in one bucket, the filesystem
 * store's layout under a key prefix. An object appears whole or not at all (S3 publishes a
 * PutObject or a completed multipart upload atomically), so there is no temporary name.
 */
export function createS3BlobStore(config: S3StoreConfig): BlobStore & { destroy(): void } {
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
    // Since 3.729 the SDK adds a CRC32 to every upload it can; a streamed body then goes
    // aws-chunked with the checksum in a trailer, and an S3-compatible server that does not
    // decode that keeps the chunk framing as the object's bytes (s3rver does, for a PutObject
    // of a file stream: 1000 bytes in, 1043 back). lib-storage happens to send buffers, but the
    // bytes must not hang on that: checksums only where an operation requires one, and
    // putFile sends its own SHA-256.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: 10_000, socketTimeout: 60_000 },
  });
  const keyOf = (sha256: string): string => `${config.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

  const head = async (sha256: string): Promise<{ size: number } | null> => {
    try {
      const out = await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: keyOf(sha256) }));
      if (out.ContentLength === undefined) throw new Error(`S3 gave no size for ${keyOf(sha256)}`);
      return { size: out.ContentLength };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  };

  return {
    kind: 's3',
    async putFile(sha256, path, size) {
      checkHash(sha256);
      const existing = await head(sha256);
      if (existing?.size === size) {
        await rm(path, { force: true });
        return { stored: false };
      }
      const body = createReadStream(path);
      try {
        await new Upload({
          client,
          partSize: S3_PART_BYTES,
          params: {
            Bucket: config.bucket,
            Key: keyOf(sha256),
            Body: body,
            ContentLength: size,
            ContentType: 'application/octet-stream',
            // In one PutObject the store checks the bytes against the hash we already have (S3
            // answers BadDigest on a mismatch). Not for a multipart upload: lib-storage copies
            // these params into every UploadPart, and a whole-object SHA-256 is no part's.
            ...(size <= S3_PART_BYTES ? { ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64') } : {}),
          },
        }).done();
      } finally {
        body.destroy();
      }
      // Only once the object is there: on a failure the caller still has its file.
      await rm(path, { force: true });
      return { stored: true };
    },
    async stat(sha256) {
      checkHash(sha256);
      return head(sha256);
    },
    async read(sha256): Promise<Readable | null> {
      checkHash(sha256);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: keyOf(sha256) }));
        if (!(out.Body instanceof Readable)) throw new Error(`S3 gave no readable body for ${keyOf(sha256)}`);
        return out.Body;
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    destroy() {
      client.destroy();
    },
  };
}

import type { Readable } from 'node:stream';

/**
 * Where the server keeps attachment bytes (issue 15), addressed by the sha256 of their content:
 * the same bytes are stored once, whoever sent them and however often. The database holds
 * only the attachment rows (metadata). Two implementations pass the same suite
 * (blobStoreContract.ts): the filesystem under DATA_DIR (the embedded default, fsBlobStore.ts)
 * and S3-compatible object storage (production, s3BlobStore.ts).
 *
 * The store trusts its caller for the hash: the upload path (uploads.ts) hashes the bytes as
 * they arrive and hands over only a file whose hash it has checked.
 */
export interface BlobStore {
  /** Short name for logs and the README (`filesystem`, `s3`). */
  readonly kind: string;
  /**
   * Moves the checked file at `path` (on the server's own disk) into the store under `sha256`.
   * The file is consumed either way. False when the store already had those bytes.
   */
  putFile(sha256: string, path: string, size: number): Promise<{ stored: boolean }>;
  /** The stored size, or null when the store does not have the bytes. */
  stat(sha256: string): Promise<{ size: number } | null>;
  /** The bytes, or null when the store does not have them. */
  read(sha256: string): Promise<Readable | null>;
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from './blobStore';
import { createFsBlobStore } from './fsBlobStore';
import { createS3BlobStore } from './s3BlobStore';
import type { S3StoreConfig } from './s3Config';

export interface AttachmentStorage {
  blobs: BlobStore;
  /** Unfinished uploads (their bytes so far), always on the server's own disk. */
  uploadDir: string;
  close: () => void;
}

/**
 * The server's attachment storage: S3-compatible object storage when S3_BUCKET is set
 * (s3Config.ts), otherwise the filesystem under `<DATA_DIR>/attachments`. Uploads in progress
 * wait under `<DATA_DIR>/uploads` either way.
 */
export async function openAttachmentStorage(dataDir: string, s3: S3StoreConfig | null): Promise<AttachmentStorage> {
  const uploadDir = join(dataDir, 'uploads');
  await mkdir(uploadDir, { recursive: true });
  if (s3) {
    const store = createS3BlobStore(s3);
    return { blobs: store, uploadDir, close: () => store.destroy() };
  }
  const root = join(dataDir, 'attachments');
  await mkdir(root, { recursive: true });
  return { blobs: createFsBlobStore(root), uploadDir, close: () => undefined };
}

import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type Readable, Transform, pipeline } from 'node:stream';
import { FileStore } from '@tus/file-store';

/**
 * @tus/file-store that takes the sha256 of an upload's bytes as it writes them, when they arrive
 * in one request from the first byte (a photo sent with its creation, or a whole file in one
 * PATCH): its finish then need not read the file again. The hash of bytes sent over several
 * requests cannot be carried from one request to the next (a hash's state is not kept); such an
 * upload's finish reads its file, once. A hash lives only for the request that wrote the bytes:
 * taken by its finish, or forgotten when the request ends.
 */
export class HashingFileStore extends FileStore {
  private readonly hashes = new Map<string, { sha256: string; bytes: number }>();

  override async write(readable: IncomingMessage | Readable, id: string, offset: number): Promise<number> {
    this.hashes.delete(id);
    if (offset !== 0) return super.write(readable, id, offset);
    const hash = createHash('sha256');
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // The pipeline passes an error of the request's stream on to the tap, and so to the write.
    const end = await super.write(
      pipeline(readable, tap, () => undefined),
      id,
      offset,
    );
    this.hashes.set(id, { sha256: hash.digest('hex'), bytes: end });
    return end;
  }

  /** The sha256 of the upload's bytes if all `size` of them came in the write of this request. */
  takeHash(id: string, size: number): string | null {
    const h = this.hashes.get(id);
    this.hashes.delete(id);
    return h?.bytes === size ? h.sha256 : null;
  }

  /** Drops what a request that wrote bytes but did not finish the upload left here. */
  forget(id: string): void {
    this.hashes.delete(id);
  }
}

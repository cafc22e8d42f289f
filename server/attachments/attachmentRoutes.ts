import type { FastifyInstance } from 'fastify';
import type { AttachmentStatusResponse } from '../../shared/attachments/api';
import { apiRoutes, streamRoutes } from '../../shared/api/routes';
import { authenticate } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { ApiError, parseOr400 } from '../errors';
import { registerRoute } from '../registerRoute';
import { attachmentInScope, expectedPart, partMime } from './attachmentRows';
import type { BlobStore } from './blobStore';

export interface AttachmentRouteDeps {
  db: Queryable;
  now: () => Date;
  blobs: BlobStore;
}

/** Whether the stored bytes are the part's: present, and of its size. */
async function arrived(blobs: BlobStore, expected: { sha256: string; size: number } | null): Promise<boolean> {
  if (!expected) return false;
  const s = await blobs.stat(expected.sha256);
  return s !== null && s.size === expected.size;
}

/**
 * An attachment's status (have its bytes arrived?) and its bytes, each scope-checked on the
 * attachment row the server holds, on every read: the hash alone opens nothing.
 */
export function registerAttachmentRoutes(app: FastifyInstance, deps: AttachmentRouteDeps): void {
  registerRoute(app, apiRoutes.attachmentStatus, deps, async ({ session, params }): Promise<AttachmentStatusResponse> => {
    const a = await attachmentInScope(deps.db, session, params.id);
    const thumb = expectedPart(a, 'thumb');
    return {
      id: a.id,
      original: { arrived: await arrived(deps.blobs, expectedPart(a, 'original')) },
      thumb: thumb ? { arrived: await arrived(deps.blobs, thumb) } : null,
    };
  });

  const content = streamRoutes.attachmentContent;
  app.route({
    method: [...content.methods],
    url: content.path,
    handler: async (req, reply) => {
      const session = await authenticate(deps.db, req.headers.authorization, deps.now());
      const params = parseOr400(content.params, req.params);
      const query = parseOr400(content.query, req.query);
      const a = await attachmentInScope(deps.db, session, params.id);
      const part = expectedPart(a, query.part);
      if (!part) throw new ApiError('not_found', `the attachment has no ${query.part}`);
      const stored = await deps.blobs.stat(part.sha256);
      if (!stored || stored.size !== part.size) throw new ApiError('not_found', 'the bytes have not arrived yet');
      const bytes = await deps.blobs.read(part.sha256);
      if (!bytes) throw new ApiError('not_found', 'the bytes have not arrived yet');
      return reply
        .header('content-type', partMime(a, query.part))
        .header('content-length', String(part.size))
        .header('etag', `"${part.sha256}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  });
}

import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FileStore } from '@tus/file-store';
import { Server as TusServer, type Upload } from '@tus/server';
import { uploadMetadataSchema } from '../../shared/attachments/api';
import { MAX_PDF_BYTES } from '../../shared/attachments/limits';
import { streamRoutes } from '../../shared/api/routes';
import type { ServerErrorCode } from '../../shared/api/errors';
import { type Session, authenticate } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { ApiError, errorBody } from '../errors';
import { attachmentInScope, expectedPart } from './attachmentRows';
import type { BlobStore } from './blobStore';

export interface UploadDeps {
  db: Queryable;
  now: () => Date;
  blobs: BlobStore;
  /** Where unfinished uploads wait (the bytes so far and their info), surviving a restart. */
  uploadDir: string;
}

/** A tus refusal: tus answers with its status and body, the JSON error body every route answers with. */
class TusRefusal extends Error {
  readonly body: string;
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly status_code: number,
  ) {
    super(message);
    this.body = JSON.stringify(errorBody(code, message));
  }
}

function refusal(code: ServerErrorCode, message: string, status: number): TusRefusal {
  return new TusRefusal(code, message, status);
}

function statusOf(code: ServerErrorCode, route: keyof typeof streamRoutes): number {
  return streamRoutes[route].errors[code as keyof (typeof streamRoutes)[typeof route]['errors']] ?? 500;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Attachment uploads (issue 15) through the tus protocol, resumable after a lost network, a
 * closed app or a restarted server: the bytes so far wait in `uploadDir` (@tus/file-store)
 * until the last one arrives. Each request is signed in and scope-checked against the
 * attachment row the server already holds (the row is pushed first, through sync): the upload
 * is of the size that row declares, and the bytes count as arrived only once their sha256 is
 * the row's. Then they move into the blob store, stored once however often they were sent.
 */
export function registerUploadRoutes(app: FastifyInstance, deps: UploadDeps): void {
  // The session of each request in flight, by its Node request: tus hands its hooks a web
  // Request that carries the Node one (srvx's `runtime.node.req`).
  const sessions = new WeakMap<IncomingMessage, Session>();
  const sessionOf = (req: Request): Session => {
    const node = (req as Request & { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
    const s = node ? sessions.get(node) : undefined;
    if (!s) throw refusal('unauthorized', 'sign in first', 401);
    return s;
  };

  const store = new FileStore({ directory: deps.uploadDir, expirationPeriodInMilliseconds: 7 * 24 * 3600 * 1000 });

  /** Judges the metadata against the server's row: in scope, a part it has, of the declared size. */
  const judge = async (session: Session, metadata: Upload['metadata'], size: number | undefined, route: 'uploadCreate' | 'upload') => {
    const meta = uploadMetadataSchema.safeParse(metadata ?? {});
    if (!meta.success) throw refusal('validation_failed', 'the upload names no attachment and part', statusOf('validation_failed', route));
    let expected: { sha256: string; size: number } | null;
    try {
      expected = expectedPart(await attachmentInScope(deps.db, session, meta.data.attachmentId), meta.data.part);
    } catch (e) {
      if (e instanceof ApiError) throw refusal(e.code, e.message, statusOf(e.code, route));
      throw e;
    }
    if (!expected) throw refusal('validation_failed', `the attachment has no ${meta.data.part}`, statusOf('validation_failed', route));
    if (size !== undefined && size !== expected.size) {
      throw refusal(
        'validation_failed',
        `attachment_size_mismatch: the row says ${expected.size} bytes`,
        statusOf('validation_failed', route),
      );
    }
    return { ...meta.data, ...expected };
  };

  const tus = new TusServer({
    path: streamRoutes.uploadCreate.path,
    datastore: store,
    relativeLocation: true,
    maxSize: MAX_PDF_BYTES,
    respectForwardedHeaders: false,
    // The bytes of one upload arrive by one request at a time (tus's own lock, in this process).
    async onUploadCreate(req, upload) {
      if (upload.sizeIsDeferred) throw refusal('validation_failed', 'give Upload-Length', 400);
      const judged = await judge(sessionOf(req), upload.metadata, upload.size, 'uploadCreate');
      return { metadata: { ...upload.metadata, attachmentId: judged.attachmentId, part: judged.part } };
    },
    async onIncomingRequest(req, uploadId) {
      const upload = await store.getUpload(uploadId).catch(() => null);
      // tus answers an unknown upload itself (404): the client then starts a new one.
      if (upload) await judge(sessionOf(req), upload.metadata, upload.size, 'upload');
    },
    async onUploadFinish(req, upload) {
      const judged = await judge(sessionOf(req), upload.metadata, upload.size, 'upload');
      const path = upload.storage?.path ?? join(deps.uploadDir, upload.id);
      const actual = await sha256OfFile(path);
      if (actual !== judged.sha256) {
        await store.remove(upload.id).catch(() => undefined);
        throw refusal('validation_failed', 'attachment_hash_mismatch: the bytes are not the ones the attachment row names', 400);
      }
      await deps.blobs.putFile(actual, path, judged.size);
      await rm(path, { force: true });
      await store.configstore.delete(upload.id);
      return {};
    },
  });

  const hand = async (req: FastifyRequest, reply: FastifyReply) => {
    sessions.set(req.raw, await authenticate(deps.db, req.headers.authorization, deps.now()));
    reply.hijack();
    await tus.handle(req.raw, reply.raw);
  };

  void app.register((scope, _opts, done) => {
    // The bytes are tus's to read: Fastify leaves the body of these routes unparsed.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
    scope.route({ method: [...streamRoutes.uploadCreate.methods], url: streamRoutes.uploadCreate.path, handler: hand });
    scope.route({ method: [...streamRoutes.upload.methods], url: streamRoutes.upload.path, handler: hand });
    done();
  });
}

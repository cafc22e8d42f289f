import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Server as TusServer, type Upload } from '@tus/server';
import type { z } from 'zod';
import { uploadMetadataSchema } from '../../shared/attachments/api';
import { MAX_PDF_BYTES } from '../../shared/attachments/limits';
import { streamRoutes } from '../../shared/api/routes';
import type { ServerErrorCode } from '../../shared/api/errors';
import { stationCode } from '../../shared/domain/primitives';
import { type Session, authenticate } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { ApiError, errorBody } from '../errors';
import { inScope, scopesOf } from '../scope';
import { attachmentInScope, expectedPart } from './attachmentRows';
import type { BlobStore } from './blobStore';
import { HashingFileStore } from './hashingFileStore';

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

/** How long an unfinished upload may be resumed; after that it is refused and the client starts it again. */
const UPLOAD_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * What the server writes into an upload's info file at its creation, once it has judged it:
 * the part and the station of the attachment row then. Only the server writes that file (tus
 * has no way to change an upload's metadata later), so later requests trust it.
 */
const judgedUploadSchema = uploadMetadataSchema.extend({ stationCode });
type JudgedUpload = z.infer<typeof judgedUploadSchema>;

/** What the hooks of one request share. */
interface RequestContext {
  session: Session;
  /** The upload the request is about, once tus has named it. */
  uploadId?: string;
  /** The hash and size the row gave when this very request created the upload. */
  created?: { sha256: string; size: number };
}

/**
 * Attachment uploads (issue 15) through the tus protocol, resumable after a lost network, a
 * closed app or a restarted server: the bytes so far wait in `uploadDir` (@tus/file-store)
 * until the last one arrives. The clients send the bytes with the creation (tus
 * creation-with-upload): a photo is one request. Every request is signed in. The creation is
 * judged against the attachment row the server already holds (the row is pushed first, through
 * sync): in the caller's scope, of the size that row declares. The station it judged is kept
 * with the upload, and a later request of the upload (HEAD, PATCH) is in scope when the
 * caller's scope covers that station, without reading the row. The request that finishes an
 * upload reads the row once more (the attachment may have moved since), unless it is the one
 * that created it and read the row at its start. The bytes count as arrived only once their
 * sha256 is the row's; then they move into the blob store, stored once however often they were
 * sent. A finish refused leaves nothing behind: a retry starts a new upload, judged afresh.
 */
export function registerUploadRoutes(app: FastifyInstance, deps: UploadDeps): void {
  // Each request in flight, by its Node request: tus hands its hooks a web Request that
  // carries the Node one (srvx's `runtime.node.req`).
  const contexts = new WeakMap<IncomingMessage, RequestContext>();
  const contextOf = (req: Request): RequestContext => {
    const node = (req as Request & { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
    const c = node ? contexts.get(node) : undefined;
    if (!c) throw refusal('unauthorized', 'sign in first', 401);
    return c;
  };

  // No expiration in the store: tus would then read a finished upload once more after a
  // creation that finished it (for its Upload-Expires), and the finish has moved it away.
  // onIncomingRequest refuses an expired upload instead.
  const store = new HashingFileStore({ directory: deps.uploadDir });

  /** The row's verdict on an upload: in scope, a part it has, of the declared size. */
  const judge = async (session: Session, metadata: Upload['metadata'], size: number | undefined, route: 'uploadCreate' | 'upload') => {
    const meta = uploadMetadataSchema.safeParse(metadata ?? {});
    if (!meta.success) throw refusal('validation_failed', 'the upload names no attachment and part', statusOf('validation_failed', route));
    let row;
    try {
      row = await attachmentInScope(deps.db, session, meta.data.attachmentId);
    } catch (e) {
      if (e instanceof ApiError) throw refusal(e.code, e.message, statusOf(e.code, route));
      throw e;
    }
    const expected = expectedPart(row, meta.data.part);
    if (!expected) throw refusal('validation_failed', `the attachment has no ${meta.data.part}`, statusOf('validation_failed', route));
    if (size !== undefined && size !== expected.size) {
      throw refusal(
        'validation_failed',
        `attachment_size_mismatch: the row says ${expected.size} bytes`,
        statusOf('validation_failed', route),
      );
    }
    const judged: JudgedUpload = { ...meta.data, stationCode: row.stationCode };
    return { judged, ...expected };
  };

  /** A later request of an upload: in scope when the caller's scope covers the station judged at its creation. */
  const checkLater = async (session: Session, upload: Upload): Promise<void> => {
    const judged = judgedUploadSchema.safeParse(upload.metadata ?? {});
    // An upload created before the station was kept with it: judged on the row, as then.
    if (!judged.success) return void (await judge(session, upload.metadata, upload.size, 'upload'));
    if (!inScope(judged.data.stationCode, scopesOf(session.account))) {
      throw refusal('forbidden_scope', 'no such attachment in your scope', statusOf('forbidden_scope', 'upload'));
    }
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
      const context = contextOf(req);
      const { judged, sha256, size } = await judge(context.session, upload.metadata, upload.size, 'uploadCreate');
      context.uploadId = upload.id;
      context.created = { sha256, size };
      // Only what the server judged: nothing else the client sent is kept with the upload.
      return { metadata: judged };
    },
    async onIncomingRequest(req, uploadId) {
      // A creation is judged by onUploadCreate, once its metadata is read.
      if (req.method === 'POST') return;
      const context = contextOf(req);
      const upload = await store.getUpload(uploadId).catch(() => null);
      // tus answers an unknown upload itself (404): the client then starts a new one.
      if (!upload) return;
      await checkLater(context.session, upload);
      context.uploadId = upload.id;
      if (upload.creation_date && Date.parse(upload.creation_date) + UPLOAD_TTL_MS < deps.now().getTime()) {
        await store.remove(upload.id).catch(() => undefined);
        throw refusal('not_found', 'the upload has expired; start it again', 410);
      }
    },
    async onUploadFinish(req, upload) {
      const context = contextOf(req);
      const path = upload.storage?.path ?? join(deps.uploadDir, upload.id);
      try {
        // Judged on the row once more, unless this very request created it and read the row.
        const { sha256, size } = context.created ?? (await judge(context.session, upload.metadata, upload.size, 'upload'));
        const actual = store.takeHash(upload.id, size) ?? (await sha256OfFile(path));
        if (actual !== sha256) {
          throw refusal('validation_failed', 'attachment_hash_mismatch: the bytes are not the ones the attachment row names', 400);
        }
        await deps.blobs.putFile(sha256, path, size);
      } catch (e) {
        // Refused whole, or a retry would find it complete and take it for done.
        if (e instanceof TusRefusal) await store.remove(upload.id).catch(() => undefined);
        throw e;
      }
      await store.configstore.delete(upload.id);
      return {};
    },
  });

  const hand = async (req: FastifyRequest, reply: FastifyReply) => {
    const context: RequestContext = { session: await authenticate(deps.db, req.headers.authorization, deps.now()) };
    contexts.set(req.raw, context);
    reply.hijack();
    try {
      await tus.handle(req.raw, reply.raw);
    } finally {
      if (context.uploadId) store.forget(context.uploadId);
    }
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

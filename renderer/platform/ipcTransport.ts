import type { AppApi } from '../../shared/ipc/appApi';
import { type IpcError, toSyncErrorCode } from '../../shared/ipc/errors';
import type { AttachmentTransport } from '../sync/attachmentsClient';
import type { ConflictsTransport } from '../sync/conflictsClient';
import type { ReviewTransport } from '../sync/reviewClient';
import { type SyncError, type SyncTransport, syncError } from '../sync/transport';

export function fromIpcError(error: IpcError): SyncError {
  return syncError(toSyncErrorCode(error.code), error.message);
}

/**
 * The sync engine's transport inside Electron: every call goes to main, which holds the
 * server token and does the HTTP. The renderer never sees the token (signing in goes
 * straight to `api.auth.login`, see platform/session.ts).
 */
export function createIpcTransport(api: AppApi): SyncTransport {
  return {
    async push(req) {
      const res = await api.sync.push(req);
      return res.ok ? res : { ok: false, error: fromIpcError(res.error) };
    },
    async pull(cursor, limit) {
      const res = await api.sync.pull({ cursor, limit });
      return res.ok ? res : { ok: false, error: fromIpcError(res.error) };
    },
  };
}

/** The supervisors' conflict review inside Electron: main calls the server with its token. */
export function createIpcConflictsTransport(api: AppApi): ConflictsTransport {
  return {
    async list(status, limit) {
      const res = await api.conflicts.list(limit === undefined ? { status } : { status, limit });
      return res.ok ? res : { ok: false, error: fromIpcError(res.error) };
    },
    async resolve(id, resolution) {
      const res = await api.conflicts.resolve({ id, resolution });
      return res.ok ? res : { ok: false, error: fromIpcError(res.error) };
    },
  };
}

/** The weekly review inside Electron: main calls the server with its token. */
export function createIpcReviewTransport(api: AppApi): ReviewTransport {
  return {
    async review(week, station) {
      const res = await api.review.get(station === undefined ? { week } : { week, station });
      return res.ok ? res : { ok: false, error: fromIpcError(res.error) };
    },
    async duplicates() {
      const res = await api.review.duplicates();
      return res.ok ? res : { ok: false, error: fromIpcError(res.error) };
    },
  };
}

/**
 * Attachment bytes inside Electron: main uploads (tus, resuming a cut-off upload of the part)
 * and downloads with its token. Progress does not cross the bridge; the end is reported.
 */
export function createIpcAttachmentTransport(api: AppApi): AttachmentTransport {
  return {
    async status(id) {
      const res = await api.attachments.status({ id });
      return res.ok ? res : { ok: false, error: fromIpcError(res.error) };
    },
    async upload({ attachmentId, part, bytes }, onProgress) {
      const res = await api.attachments.upload({ attachmentId, part, bytes });
      if (!res.ok) return { ok: false, error: fromIpcError(res.error) };
      onProgress?.(bytes.byteLength, bytes.byteLength);
      return { ok: true, value: undefined };
    },
    async download({ id, part }) {
      const res = await api.attachments.download({ id, part });
      return res.ok ? { ok: true, value: res.value.bytes } : { ok: false, error: fromIpcError(res.error) };
    },
  };
}

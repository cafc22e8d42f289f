import { type DetailedError, Upload } from 'tus-js-client';
import {
  type ApiResult,
  type BytesFetchLike,
  codeForStatus,
  createApiClient,
  createLoginClient,
  downloadAttachmentPart,
} from '../shared/api/client';
import { streamRoutes } from '../shared/api/routes';
import type { AttachmentPart, AttachmentStatusResponse } from '../shared/attachments/api';
import { type IpcResult, ipcErr, ipcOk } from '../shared/ipc/errors';
import {
  type LoginRequest,
  type LoginResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  errorBodySchema,
} from '../shared/sync/protocol';
import type { ConflictResolution, ConflictStatusFilter, ConflictsListResponse, ResolveConflictResponse } from '../shared/sync/conflictsApi';
import type { DuplicateIdsResponse, ReviewResponse } from '../shared/review/api';

/** The slice of the Fetch API used; Node's global fetch fits, tests pass a fake. */
export type FetchLike = (
  url: string,
  init: {
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: string;
    redirect: 'error';
    signal: AbortSignal;
  },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> }>;

export interface PullQuery {
  cursor: number;
  limit: number;
  clientId?: string | undefined;
}

export interface SyncClient {
  login(req: LoginRequest): Promise<IpcResult<LoginResponse>>;
  logout(token: string): Promise<IpcResult<null>>;
  push(token: string, req: PushRequest): Promise<IpcResult<PushResponse>>;
  pull(token: string, query: PullQuery): Promise<IpcResult<PullResponse>>;
  listConflicts(
    token: string,
    query: { status: ConflictStatusFilter; limit?: number | undefined },
  ): Promise<IpcResult<ConflictsListResponse>>;
  resolveConflict(token: string, req: { id: number; resolution: ConflictResolution }): Promise<IpcResult<ResolveConflictResponse>>;
  review(token: string, query: { week: string; station?: string | undefined }): Promise<IpcResult<ReviewResponse>>;
  duplicates(token: string): Promise<IpcResult<DuplicateIdsResponse>>;
  attachmentStatus(token: string, id: string): Promise<IpcResult<AttachmentStatusResponse>>;
  /** Sends a part's bytes (tus), continuing from the server's offset if an earlier upload of it was cut off. */
  uploadAttachment(token: string, input: { attachmentId: string; part: AttachmentPart; bytes: Uint8Array }): Promise<IpcResult<null>>;
  downloadAttachment(token: string, input: { id: string; part: AttachmentPart }): Promise<IpcResult<Uint8Array>>;
}

export interface SyncClientOptions {
  /** Already checked by parseServerUrl. */
  serverUrl: URL;
  fetch: FetchLike;
  timeoutMs?: number;
  /** How often tus-js-client retries a broken request within one upload; tests pass [] to fail at once. */
  uploadRetryDelays?: number[];
}

/** The size of each PATCH of an upload: a cut-off upload loses at most this much. */
const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** The shared client's answer as an IPC answer (its error without the HTTP status). */
function toIpc<T>(res: ApiResult<T>): IpcResult<T> {
  return res.ok ? ipcOk(res.value) : ipcErr(res.error.code, res.error.message);
}

/**
 * A failed upload as a value: the server's JSON error body if it sent one, else the code the
 * route answers its status with (a POST creates the upload, HEAD and PATCH continue it), and
 * `network` when no answer came at all.
 */
function uploadError(e: Error): IpcResult<null> {
  const { originalRequest, originalResponse } = e as Partial<DetailedError>;
  if (!originalResponse) return ipcErr('network', e.message || 'the upload broke off');
  let body: unknown = null;
  try {
    body = JSON.parse(originalResponse.getBody());
  } catch {
    // not JSON: by its status below
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return ipcErr(parsed.data.error.code, parsed.data.error.message);
  const status = originalResponse.getStatus();
  const route = originalRequest?.getMethod() === 'POST' ? streamRoutes.uploadCreate : streamRoutes.upload;
  return ipcErr(codeForStatus(route, status), `HTTP ${status}`);
}

/**
 * Login, logout, push, pull, the conflict review, the weekly review and attachment bytes over
 * HTTP from main, where the token lives: the shared API client (shared/api/client.ts) builds
 * every request from the route table and checks every answer against its schema; every failure
 * becomes a value with a stable code. Redirects are refused so the bearer token is never
 * replayed to another host (tus-js-client's Node stack follows none either).
 */
export function createSyncClient(opts: SyncClientOptions): SyncClient {
  const baseUrl = opts.serverUrl.href;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const fetch: BytesFetchLike = (url, { timeoutMs: ms, ...init }) => opts.fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
  const api = (token: string) => createApiClient({ baseUrl, fetch, timeoutMs, token });
  const login = createLoginClient({ baseUrl, fetch, timeoutMs });
  // Where each part's upload stands on the server, by `${attachmentId}/${part}`, for the
  // process's life: a retry after a cut sends only the bytes the server does not have yet.
  const uploadUrls = new Map<string, string>();

  const uploadAttachment: SyncClient['uploadAttachment'] = (token, { attachmentId, part, bytes }) =>
    new Promise((resolve) => {
      const key = `${attachmentId}/${part}`;
      const upload = new Upload(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        endpoint: `${baseUrl.replace(/\/$/, '')}${streamRoutes.uploadCreate.path}`,
        uploadUrl: uploadUrls.get(key) ?? null,
        metadata: { attachmentId, part },
        headers: { authorization: `Bearer ${token}` },
        chunkSize: UPLOAD_CHUNK_BYTES,
        // A photo in one request: its bytes go with the creation (tus creation-with-upload).
        uploadDataDuringCreation: true,
        retryDelays: opts.uploadRetryDelays ?? [0, 1000, 3000],
        // The URL is kept here, in memory; tus-js-client's own store is a no-op in Node anyway.
        storeFingerprintForResuming: false,
        onUploadUrlAvailable: () => {
          if (upload.url) uploadUrls.set(key, upload.url);
        },
        onSuccess: () => {
          uploadUrls.delete(key);
          resolve(ipcOk(null));
        },
        onError: (e) => resolve(uploadError(e)),
      });
      upload.start();
    });

  return {
    login: async (req) => toIpc(await login.login(req)),
    logout: async (token) => {
      const res = await api(token).call('logout');
      return res.ok ? ipcOk(null) : toIpc(res);
    },
    push: async (token, req) => toIpc(await api(token).call('push', req)),
    pull: async (token, q) => toIpc(await api(token).call('pull', q)),
    listConflicts: async (token, q) => toIpc(await api(token).call('conflicts', q)),
    resolveConflict: async (token, req) => toIpc(await api(token).call('resolveConflict', req)),
    review: async (token, q) => toIpc(await api(token).call('review', q)),
    duplicates: async (token) => toIpc(await api(token).call('duplicates')),
    attachmentStatus: async (token, id) => toIpc(await api(token).call('attachmentStatus', { id })),
    uploadAttachment,
    downloadAttachment: async (token, input) => toIpc(await downloadAttachmentPart({ baseUrl, fetch, token }, input)),
  };
}

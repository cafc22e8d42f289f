import { Upload } from 'tus-js-client';
import { downloadAttachmentPart } from '../../shared/api/client';
import { ERROR_STATUS, type ServerErrorCode } from '../../shared/api/errors';
import { streamRoutes } from '../../shared/api/routes';
import type { AttachmentPart, AttachmentStatusResponse } from '../../shared/attachments/api';
import { createHttpApiClient, toTransportResult } from './jsonApi';
import { type TransportResult, syncError } from './syncError';

/**
 * How attachment bytes travel (issue 15). In the browser shell: tus-js-client and fetch with the
 * bearer token, same-origin. In Electron: IPC to main, which holds the token and does both.
 */
export interface AttachmentTransport {
  status(id: string): Promise<TransportResult<AttachmentStatusResponse>>;
  /** Sends a part's bytes, resuming an upload of it that was cut off (tus). */
  upload(
    input: { attachmentId: string; part: AttachmentPart; bytes: Uint8Array },
    onProgress?: (sent: number, total: number) => void,
  ): Promise<TransportResult<void>>;
  download(input: { id: string; part: AttachmentPart }): Promise<TransportResult<Uint8Array>>;
}

/** An upload's answer as a SyncError: the JSON error body if the server sent one, else the status. */
function uploadError(e: unknown): TransportResult<void> {
  const res = (e as { originalResponse?: { getStatus(): number; getBody(): string } | null }).originalResponse;
  if (!res) return { ok: false, error: syncError('network', e instanceof Error ? e.message : 'the upload broke off') };
  try {
    const body = JSON.parse(res.getBody()) as { error?: { code?: string; message?: string } };
    const code = body.error?.code;
    if (code && code in ERROR_STATUS) return { ok: false, error: syncError(code as ServerErrorCode, body.error?.message ?? '') };
  } catch {
    // not JSON: by status below
  }
  const status = res.getStatus();
  return {
    ok: false,
    error: syncError(status >= 500 ? 'internal' : status === 401 ? 'unauthorized' : 'validation_failed', `HTTP ${status}`),
  };
}

export interface HttpAttachmentOptions {
  baseUrl: string;
  getToken: () => string | null;
  /** What tus-js-client reads the bytes from: a Blob in a browser (the default), a Buffer in Node. */
  source?: (bytes: Uint8Array) => ConstructorParameters<typeof Upload>[0];
}

export function createHttpAttachmentTransport(opts: HttpAttachmentOptions): AttachmentTransport {
  const source = opts.source ?? ((bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const api = createHttpApiClient(opts);
  return {
    status: async (id) => toTransportResult(await api.call('attachmentStatus', { id })),
    upload: ({ attachmentId, part, bytes }, onProgress) =>
      new Promise((resolve) => {
        const upload = new Upload(source(bytes), {
          endpoint: `${opts.baseUrl}${streamRoutes.uploadCreate.path}`,
          metadata: { attachmentId, part },
          // One attachment's part is one upload: a restarted app resumes it where it stopped.
          fingerprint: () => Promise.resolve(`youfu-attachment/${attachmentId}/${part}`),
          storeFingerprintForResuming: true,
          removeFingerprintOnSuccess: true,
          chunkSize: 512 * 1024,
          // A photo in one request: its bytes go with the creation (tus creation-with-upload).
          uploadDataDuringCreation: true,
          retryDelays: [0, 1000, 3000],
          onBeforeRequest: (req) => {
            const token = opts.getToken();
            if (token) req.setHeader('Authorization', `Bearer ${token}`);
          },
          onProgress: onProgress ?? null,
          onSuccess: () => resolve({ ok: true, value: undefined }),
          onError: (e) => resolve(uploadError(e)),
        });
        void upload.findPreviousUploads().then((previous) => {
          if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
          upload.start();
        });
      }),
    download: async (input) =>
      toTransportResult(
        await downloadAttachmentPart(
          {
            baseUrl: opts.baseUrl,
            fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs) }),
            token: opts.getToken(),
          },
          input,
        ),
      ),
  };
}

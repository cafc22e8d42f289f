import { type DetailedError, Upload } from 'tus-js-client';
import { streamRoutes } from '../../shared/api/routes';
import type { AttachmentPart } from '../../shared/attachments/api';

export interface TusResult {
  ok: boolean;
  /** The status of the answer that ended it (204 on success). */
  status: number | null;
  /** The error body's code, when the server refused. */
  code: string | null;
  uploadUrl: string | null;
}

export interface TusOptions {
  /** Resume the upload at this URL (tus HEAD, then PATCH from its offset) instead of creating one. */
  uploadUrl?: string;
  chunkSize?: number;
  /** Send the first chunk with the creation (tus creation-with-upload), as the desktop does; true unless told. */
  uploadDataDuringCreation?: boolean;
  retryDelays?: number[] | null;
  onProgress?: (sent: number, total: number) => void;
  /** Told of each request the client sends (POST, HEAD, PATCH). */
  onRequest?: (method: string) => void;
  /** Called with the Upload once started, so a test can abort it. */
  started?: (upload: Upload) => void;
}

/** Uploads `bytes` as the part of an attachment with tus-js-client (Node), as the desktop's main does. */
export function tusUpload(
  baseUrl: string,
  token: string,
  bytes: Uint8Array,
  meta: { attachmentId: string; part: AttachmentPart },
  opts: TusOptions = {},
): Promise<TusResult> {
  return new Promise((resolve) => {
    const upload = new Upload(Buffer.from(bytes), {
      endpoint: `${baseUrl}${streamRoutes.uploadCreate.path}`,
      uploadUrl: opts.uploadUrl ?? null,
      metadata: meta,
      headers: { authorization: `Bearer ${token}` },
      chunkSize: opts.chunkSize ?? 256 * 1024,
      uploadDataDuringCreation: opts.uploadDataDuringCreation ?? true,
      retryDelays: opts.retryDelays === undefined ? null : opts.retryDelays,
      storeFingerprintForResuming: false,
      onProgress: opts.onProgress ?? null,
      onBeforeRequest: (req) => opts.onRequest?.(req.getMethod()),
      onSuccess: () => resolve({ ok: true, status: 204, code: null, uploadUrl: upload.url }),
      onError: (e) => {
        const res = (e as DetailedError).originalResponse;
        let code: string | null = null;
        try {
          code = (JSON.parse(res?.getBody() ?? '') as { error?: { code?: string } }).error?.code ?? null;
        } catch {
          code = null;
        }
        resolve({ ok: false, status: res?.getStatus() ?? null, code, uploadUrl: upload.url });
      },
    });
    opts.started?.(upload);
    upload.start();
  });
}

import { z } from 'zod';
import { uuid } from '../domain/primitives';

/** The two stored parts of an attachment: the original and (images) its thumbnail. */
export const ATTACHMENT_PARTS = ['original', 'thumb'] as const;
export type AttachmentPart = (typeof ATTACHMENT_PARTS)[number];

export const attachmentIdParamsSchema = z.object({ id: uuid });

export const attachmentContentQuerySchema = z.object({
  part: z.enum(ATTACHMENT_PARTS).default('original'),
});

const partStatus = z.object({ arrived: z.boolean() });

/** Whether the server holds an attachment's bytes: the device may then drop its own original. */
export const attachmentStatusResponseSchema = z.object({
  id: uuid,
  original: partStatus,
  /** Null when the attachment has no thumbnail (a PDF). */
  thumb: partStatus.nullable(),
});
export type AttachmentStatusResponse = z.infer<typeof attachmentStatusResponseSchema>;

/**
 * The tus upload's metadata (the `Upload-Metadata` header, tus 1.0.0): which attachment and
 * which part the bytes are. The server takes the expected hash and size from the attachment
 * row it holds, never from the uploader.
 */
export const uploadMetadataSchema = z.object({
  attachmentId: uuid,
  part: z.enum(ATTACHMENT_PARTS),
});
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

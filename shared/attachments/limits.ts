/**
 * What an attachment may be (issue 15). The renderer re-encodes photos before they are stored
 * (long side IMAGE_LONG_SIDE_PX, about IMAGE_TARGET_BYTES); the schema and the server hold the
 * stored bytes to these limits whatever a client did.
 */
export const MAX_ATTACHMENTS_PER_RECORD = 20;
/** A PDF as picked (documents are not re-encoded). */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
/** A stored image after re-encoding; a photo that cannot be brought under it is refused. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** A thumbnail (long side THUMB_LONG_SIDE_PX). */
export const MAX_THUMB_BYTES = 64 * 1024;
export const IMAGE_LONG_SIDE_PX = 1600;
export const IMAGE_TARGET_BYTES = 300 * 1024;
export const THUMB_LONG_SIDE_PX = 240;

/** The types stored: photos re-encoded as JPEG or WebP, signatures as PNG, documents as PDF. */
export const ATTACHMENT_MIME = ['image/jpeg', 'image/webp', 'image/png', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME)[number];

/** The largest stored original of a type. */
export function maxBytesFor(mime: AttachmentMime): number {
  return mime === 'application/pdf' ? MAX_PDF_BYTES : MAX_IMAGE_BYTES;
}

/** The records an attachment can belong to (the owner's table). */
export const ATTACHMENT_OWNER_TABLES = ['visits', 'aid', 'requests', 'recipients'] as const;
export type AttachmentOwnerTable = (typeof ATTACHMENT_OWNER_TABLES)[number];

/** A sha256 digest as 64 lower-case hex digits: the content address of the bytes. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Thumbnails are JPEG, whatever the original. */
export const THUMB_MIME = 'image/jpeg';

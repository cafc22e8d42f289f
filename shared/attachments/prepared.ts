import type { AttachmentKind } from '../domain/enums';
import type { AttachmentMime } from './limits';

/**
 * A file made ready to attach, before it is saved: an image downscaled and re-encoded (its
 * EXIF and GPS gone with the re-encoding), a PDF as picked; hashed; an image with its
 * thumbnail. What the picker shows and what the repository seals and stores.
 */
export interface PreparedAttachment {
  /** The attachment's id, made when the file was picked (a removed one is simply dropped). */
  id: string;
  kind: AttachmentKind;
  mime: AttachmentMime;
  bytes: Uint8Array;
  /** sha256 of `bytes`, lower-case hex. */
  sha256: string;
  width: number | null;
  height: number | null;
  /** A JPEG of THUMB_LONG_SIDE_PX on its long side; null for a PDF. */
  thumb: { bytes: Uint8Array; sha256: string } | null;
  /** The name as picked (shown, sealed), cut to 200 characters. */
  fileName: string;
  caption: string;
}

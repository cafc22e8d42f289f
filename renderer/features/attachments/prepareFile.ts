import imageCompression from 'browser-image-compression';
import { sha256Hex } from '../../../shared/cipher/aesGcm';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import {
  IMAGE_LONG_SIDE_PX,
  IMAGE_TARGET_BYTES,
  MAX_ATTACHMENTS_PER_RECORD,
  MAX_IMAGE_BYTES,
  MAX_PDF_BYTES,
  MAX_THUMB_BYTES,
  THUMB_LONG_SIDE_PX,
  THUMB_MIME,
  type AttachmentMime,
} from '../../../shared/attachments/limits';
import type { AttachmentKind } from '../../../shared/domain/enums';
import { cleanText } from '../../../shared/domain/primitives';
import { err, ok, type Result } from '../../../shared/result';

/** Why a picked file was not made ready: each has a sentence under `error.` in shared/i18n/messages. */
export type PrepareError = 'attachment_type_refused' | 'attachment_too_large' | 'attachment_unreadable';

/** The longest stored name: the schema's shortText, counted as it counts (UTF-16 units). */
export const FILE_NAME_MAX = 200;

const MIB = 1024 * 1024;
/** Where the thumbnail's quality starts and how low it may go before giving up. */
const THUMB_QUALITIES = [0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const JPEG = [0xff, 0xd8, 0xff];
/** The whole 8-byte signature: `\x89PNG` followed by anything else is not a PNG. */
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const PDF = ascii('%PDF-');
/** Enough of the file's start for every signature above. */
export const SNIFF_BYTES = 16;

/**
 * The type a file's first bytes say it is, whatever its name or `file.type` claim (a renamed
 * HEIC or a Word file called .jpg is refused); null for anything that is not stored.
 */
export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  if (startsWith(bytes, PDF)) return 'application/pdf';
  return null;
}

/**
 * The picked name as it is stored: cleaned and trimmed as the schema would, then cut to 200
 * units without leaving half an emoji (a lone surrogate is refused on the wire).
 */
export function cutFileName(name: string): string {
  const clean = cleanText(name).trim();
  if (clean.length <= FILE_NAME_MAX) return clean;
  let cut = clean.slice(0, FILE_NAME_MAX);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

/** Whether a record holding `count` attachments may take one more. */
export function canAddMore(count: number): boolean {
  return count < MAX_ATTACHMENTS_PER_RECORD;
}

/** How many more a record holding `count` may take. */
export function roomLeft(count: number): number {
  return Math.max(0, MAX_ATTACHMENTS_PER_RECORD - count);
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/**
 * Makes a picked (dropped, pasted) file ready to attach: a photo downscaled to 1600 px and
 * re-encoded as JPEG of about 300 KB (which drops its EXIF and GPS), a signature re-encoded as
 * PNG (its transparency kept), both with a JPEG thumbnail; a PDF as picked. `newId` is called
 * only for a file that is accepted.
 */
export async function prepareFile(
  file: File,
  kind: AttachmentKind,
  newId: () => string,
): Promise<Result<PreparedAttachment, PrepareError>> {
  let head: Uint8Array;
  try {
    head = await bytesOf(file.slice(0, SNIFF_BYTES));
  } catch {
    return err('attachment_unreadable');
  }
  const mime = sniffMime(head);
  if (mime === null) return err('attachment_type_refused');
  const fileName = cutFileName(file.name);

  if (mime === 'application/pdf') {
    if (file.size > MAX_PDF_BYTES) return err('attachment_too_large');
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await bytesOf(file);
    } catch {
      return err('attachment_unreadable');
    }
    const sha256 = await sha256Hex(bytes);
    return ok({ id: newId(), kind, mime, bytes, sha256, width: null, height: null, thumb: null, fileName, caption: '' });
  }

  const image = await reencode(file, mime, kind);
  if (!image.ok) return image;
  const { bytes, width, height, thumb, storedMime } = image.value;
  return ok({ id: newId(), kind, mime: storedMime, bytes, sha256: await sha256Hex(bytes), width, height, thumb, fileName, caption: '' });
}

interface Reencoded {
  storedMime: AttachmentMime;
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  thumb: { bytes: Uint8Array; sha256: string };
}

async function reencode(file: File, sniffed: AttachmentMime, kind: AttachmentKind): Promise<Result<Reencoded, PrepareError>> {
  const signature = kind === 'signature';
  const storedMime: AttachmentMime = signature ? 'image/png' : 'image/jpeg';
  let out: File;
  try {
    // The library goes by `file.type`, which may be empty or wrong: give it what the bytes say.
    const typed = new File([file], file.name, { type: sniffed, lastModified: file.lastModified });
    out = await imageCompression(typed, {
      maxWidthOrHeight: IMAGE_LONG_SIDE_PX,
      maxSizeMB: (signature ? MAX_IMAGE_BYTES : IMAGE_TARGET_BYTES) / MIB,
      fileType: storedMime,
      // For a PNG the library's "quality" is a colour count (4096 × q): keep a signature's strokes whole.
      initialQuality: signature ? 1 : 0.8,
      // Its worker loads the library from a CDN, which the CSP (and an offline station) refuses.
      useWebWorker: false,
      preserveExif: false,
    });
  } catch {
    return err('attachment_unreadable');
  }
  if (out.size > MAX_IMAGE_BYTES) return err('attachment_too_large');

  let bitmap: ImageBitmap | null = null;
  try {
    bitmap = await createImageBitmap(out);
    const { width, height } = bitmap;
    const thumbBytes = await thumbnail(bitmap);
    if (!thumbBytes) return err('attachment_too_large');
    const bytes = await bytesOf(out);
    return ok({ storedMime, bytes, width, height, thumb: { bytes: thumbBytes, sha256: await sha256Hex(thumbBytes) } });
  } catch {
    return err('attachment_unreadable');
  } finally {
    bitmap?.close();
  }
}

/**
 * A JPEG of at most THUMB_LONG_SIDE_PX on its long side (never enlarged), on white, its quality
 * lowered until it fits MAX_THUMB_BYTES; null if even the lowest does not (240 px never needs it).
 */
async function thumbnail(source: ImageBitmap): Promise<Uint8Array<ArrayBuffer> | null> {
  const scale = Math.min(1, THUMB_LONG_SIDE_PX / Math.max(source.width, source.height));
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  const small = await createImageBitmap(source, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  try {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context for the thumbnail');
    // A signature's transparent background would turn black in a JPEG.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(small, 0, 0);
    for (const quality of THUMB_QUALITIES) {
      const blob = await canvas.convertToBlob({ type: THUMB_MIME, quality });
      if (blob.size <= MAX_THUMB_BYTES) return bytesOf(blob);
    }
    return null;
  } finally {
    small.close();
  }
}

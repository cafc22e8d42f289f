import { type Attachment, attachmentSchema } from '../../shared/domain/schemas';
import type { AttachmentPart } from '../../shared/attachments/api';
import { THUMB_MIME } from '../../shared/attachments/limits';
import type { Session } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { ApiError } from '../errors';
import { inScope, scopesOf } from '../scope';

/**
 * The attachment row as the server holds it, if the caller may see it. Unknown, deleted and
 * out-of-scope ids answer alike (403 forbidden_scope): an id or a hash from elsewhere reveals
 * nothing, and the station is judged on the server's row, which follows the recipient's moves.
 */
export async function attachmentInScope(db: Queryable, session: Session, id: string): Promise<Attachment> {
  const [row] = await db.query<{ station_code: string; data: unknown; deleted: boolean }>(
    "SELECT station_code, data, deleted FROM rows WHERE table_name = 'attachments' AND row_id = $1",
    [id],
  );
  if (!row || row.deleted || !inScope(row.station_code, scopesOf(session.account))) {
    throw new ApiError('forbidden_scope', 'no such attachment in your scope');
  }
  const parsed = attachmentSchema.safeParse(row.data);
  if (!parsed.success) throw new Error(`attachment ${id} is stored in a shape the schema refuses`);
  return parsed.data;
}

/** The hash and size the bytes of a part must have, or null when the attachment has no such part. */
export function expectedPart(a: Attachment, part: AttachmentPart): { sha256: string; size: number } | null {
  if (part === 'original') return { sha256: a.sha256, size: a.size };
  return a.thumbSha256 !== null && a.thumbSize !== null ? { sha256: a.thumbSha256, size: a.thumbSize } : null;
}

/** The content type the bytes of a part are served with. */
export function partMime(a: Attachment, part: AttachmentPart): string {
  return part === 'original' ? a.mime : THUMB_MIME;
}

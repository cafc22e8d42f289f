import { z } from 'zod';
import { ATTACHMENT_MIME, SHA256_HEX } from '../../../shared/attachments/limits';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import { fromBase64, toBase64 } from '../../../shared/cipher/aesGcm';
import { ATTACHMENT_KIND } from '../../../shared/domain/enums';
import type { YoufuDb } from '../../db/handle';
import { type DraftWriter, createDraftWriter, loadDraft, visitEvidenceDraftId } from '../../db/draftRepository';

/**
 * The photos and signatures of a visit being typed, kept beside its draft (issue 15): a crash
 * or a reload loses none of them. A draft row of its own, written only when the picked files
 * change (never on a keystroke: the bytes are large), sealed like the draft, deleted with it.
 */
export interface VisitEvidence {
  photos: PreparedAttachment[];
  /** Each aid line's signature or receipt photo, by the line's uid. */
  aid: Record<string, PreparedAttachment[]>;
}

const base64 = z.string().max(20_000_000);
const storedFile = z.object({
  id: z.uuid(),
  kind: z.enum(ATTACHMENT_KIND.values),
  mime: z.enum(ATTACHMENT_MIME),
  bytes: base64,
  sha256: z.string().regex(SHA256_HEX),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  thumb: z.object({ bytes: base64, sha256: z.string().regex(SHA256_HEX) }).nullable(),
  fileName: z.string().max(200),
  caption: z.string().max(200),
});
const storedEvidence = z.object({ photos: z.array(storedFile).max(20), aid: z.record(z.string().max(100), z.array(storedFile).max(20)) });
type StoredFile = z.infer<typeof storedFile>;

const store = (f: PreparedAttachment): StoredFile => ({
  ...f,
  bytes: toBase64(f.bytes),
  thumb: f.thumb ? { bytes: toBase64(f.thumb.bytes), sha256: f.thumb.sha256 } : null,
});
const restore = (f: StoredFile): PreparedAttachment => ({
  ...f,
  bytes: fromBase64(f.bytes),
  thumb: f.thumb ? { bytes: fromBase64(f.thumb.bytes), sha256: f.thumb.sha256 } : null,
});

export const isEmptyEvidence = (e: VisitEvidence): boolean => e.photos.length === 0 && Object.values(e.aid).every((l) => l.length === 0);

/** The draft's JSON form: bytes as base64. */
export function encodeEvidence(e: VisitEvidence): z.infer<typeof storedEvidence> {
  return { photos: e.photos.map(store), aid: Object.fromEntries(Object.entries(e.aid).map(([uid, files]) => [uid, files.map(store)])) };
}

/** Back from the draft's JSON form; null for anything that is not one (an older or damaged draft). */
export function decodeEvidence(v: unknown): VisitEvidence | null {
  const parsed = storedEvidence.safeParse(v);
  if (!parsed.success) return null;
  return {
    photos: parsed.data.photos.map(restore),
    aid: Object.fromEntries(Object.entries(parsed.data.aid).map(([uid, files]) => [uid, files.map(restore)])),
  };
}

export async function loadVisitEvidence(db: YoufuDb, recipientId: string): Promise<VisitEvidence | null> {
  const draft = await loadDraft(db, visitEvidenceDraftId(recipientId));
  return draft === null ? null : decodeEvidence(draft.values);
}

/** Writes the evidence as it changes; empty evidence deletes the row. */
export function createEvidenceDraftWriter(db: YoufuDb, recipientId: string): DraftWriter<VisitEvidence> {
  const writer = createDraftWriter<z.infer<typeof storedEvidence>>(db, visitEvidenceDraftId(recipientId), {
    onError: (e) => console.warn('visit evidence draft not written', e instanceof Error ? e.name : String(e)),
  });
  return {
    update: (e) => (isEmptyEvidence(e) ? void writer.discard() : writer.update(encodeEvidence(e))),
    flush: () => writer.flush(),
    discard: () => writer.discard(),
  };
}

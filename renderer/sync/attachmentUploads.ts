import { create } from 'zustand';
import { markBytesConfirmed, unconfirmedUploads } from '../db/attachmentRepository';
import { readAttachmentBytes } from '../db/queries/attachments';
import type { YoufuDb } from '../db/handle';
import type { AttachmentTransport } from './attachmentsClient';
import type { SyncError } from './syncError';

/** One attachment's bytes on their way up, as the Sync screen shows it. */
export interface AttachmentTransfer {
  state: 'uploading' | 'failed' | 'done';
  sent: number;
  total: number;
  error: SyncError | null;
}

interface TransfersStore {
  transfers: Readonly<Record<string, AttachmentTransfer>>;
  update: (attachmentId: string, t: AttachmentTransfer) => void;
}

export const useAttachmentTransfers = create<TransfersStore>()((set) => ({
  transfers: {},
  update: (attachmentId, t) => set((s) => ({ transfers: { ...s.transfers, [attachmentId]: t } })),
}));

export interface UploadRound {
  uploaded: number;
  /** Already on the server (sent by another device, or an upload that finished unconfirmed). */
  alreadyThere: number;
  failed: number;
}

/**
 * Sends the bytes of every pushed attachment that the server has not confirmed, one part after
 * another (original, then thumbnail): asks first whether the server has them (then nothing is
 * sent), otherwise uploads (resuming a cut-off upload) and marks them confirmed once the server
 * has checked their hash. A failure stops nothing else: it is shown per attachment and tried
 * again in the next round. Runs after each sync round that pushed.
 */
export async function uploadPendingAttachments(
  db: YoufuDb,
  transport: AttachmentTransport,
  report: (attachmentId: string, t: AttachmentTransfer) => void = useAttachmentTransfers.getState().update,
): Promise<UploadRound> {
  const round: UploadRound = { uploaded: 0, alreadyThere: 0, failed: 0 };
  const parts = await unconfirmedUploads(db);
  const byAttachment = new Map<string, typeof parts>();
  for (const p of parts) byAttachment.set(p.attachmentId, [...(byAttachment.get(p.attachmentId) ?? []), p]);
  for (const [attachmentId, mine] of byAttachment) {
    const status = await transport.status(attachmentId);
    if (!status.ok) {
      round.failed += 1;
      report(attachmentId, { state: 'failed', sent: 0, total: 0, error: status.error });
      continue;
    }
    let failed = false;
    for (const part of mine.sort((a, b) => (a.part === 'original' ? -1 : b.part === 'original' ? 1 : 0))) {
      const there = part.part === 'original' ? status.value.original.arrived : (status.value.thumb?.arrived ?? false);
      if (there) {
        round.alreadyThere += 1;
        await markBytesConfirmed(db, [part.sha256]);
        continue;
      }
      const local = await readAttachmentBytes(db, part.sha256);
      if (!local) continue;
      const total = local.bytes.length;
      report(attachmentId, { state: 'uploading', sent: 0, total, error: null });
      const sent = await transport.upload({ attachmentId, part: part.part, bytes: local.bytes }, (s, t) =>
        report(attachmentId, { state: 'uploading', sent: s, total: t, error: null }),
      );
      if (!sent.ok) {
        failed = true;
        round.failed += 1;
        report(attachmentId, { state: 'failed', sent: 0, total, error: sent.error });
        break;
      }
      round.uploaded += 1;
      await markBytesConfirmed(db, [part.sha256]);
      report(attachmentId, { state: 'uploading', sent: total, total, error: null });
    }
    if (!failed) report(attachmentId, { state: 'done', sent: 1, total: 1, error: null });
  }
  return round;
}

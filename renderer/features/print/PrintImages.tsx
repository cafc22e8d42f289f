import type { AttachmentOwnerTable } from '../../../shared/attachments/limits';
import type { Attachment } from '../../../shared/domain/schemas';
import { useDb } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { useLiveQuery } from '../../db/live';
import { attachmentsOf } from '../../db/queries/attachments';
import { useAttachmentImage } from '../attachments';
import { printStrings } from './printStrings';

/** A record's attachments as printed: pictures only (a PDF has no place on the sheet), withdrawn ones left out. */
export function usePrintableAttachments(owner: { table: AttachmentOwnerTable; id: string } | null): Attachment[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (owner ? (await attachmentsOf(db, owner)).filter((a) => !a.withdrawn && a.mime !== 'application/pdf') : []),
    [db, owner?.table, owner?.id],
  );
}

/**
 * One picture for paper: the original (sharper at print size) when this computer has it or can
 * fetch it, else the thumbnail; a dashed box when neither is here yet.
 */
export function PrintImage({ a, className }: { a: Attachment; className: string }) {
  const p = useStrings(printStrings);
  const original = useAttachmentImage(a, 'original');
  const fallback = useAttachmentImage(original.state === 'on_its_way' || original.state === 'failed' ? a : null, 'thumb');
  const shown = original.state === 'ready' ? original : fallback;
  if (shown.state === 'ready')
    return <img src={shown.url} alt={a.caption || a.fileName} className={className} data-testid="print-image" data-state="ready" />;
  const settled = original.state !== 'loading' && fallback.state !== 'loading';
  return (
    <span className="yf-print-photo-missing" data-testid="print-image" data-state={settled ? 'missing' : 'loading'}>
      {settled ? p('photoPending') : ''}
    </span>
  );
}

/** The photos of a record, in a row that wraps. */
export function PrintPhotos({ list }: { list: readonly Attachment[] }) {
  return (
    <div className="yf-print-photos" data-testid="print-photos">
      {list.map((a) => (
        <PrintImage key={a.id} a={a} className="yf-print-photo" />
      ))}
    </div>
  );
}

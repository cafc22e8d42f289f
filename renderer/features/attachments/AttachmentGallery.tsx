import { FilePdfOutlined, LoadingOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Flex, Image, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { AttachmentOwnerTable } from '../../../shared/attachments/limits';
import type { Attachment } from '../../../shared/domain/schemas';
import { useDb } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { useLiveQuery } from '../../db/live';
import { attachmentsOf, awaitingUploadOf } from '../../db/queries/attachments';
import { galleryStrings } from './galleryStrings';
import { useAttachmentImage } from './useAttachmentImage';
import './attachmentGallery.css';

const TILE = 88;

/** The original, loaded only once the viewer opens (a supervisor's computer fetches it then). */
function useOriginalWhenOpen(a: Attachment, open: boolean): string | undefined {
  const original = useAttachmentImage(open ? a : null, 'original');
  return original.state === 'ready' ? original.url : undefined;
}

function PhotoTile({ a }: { a: Attachment }) {
  const t = useStrings(galleryStrings);
  const thumb = useAttachmentImage(a, 'thumb');
  const [open, setOpen] = useState(false);
  const original = useOriginalWhenOpen(a, open);
  if (thumb.state !== 'ready') {
    const icon = thumb.state === 'loading' ? <LoadingOutlined /> : <CloudUploadOutlined />;
    return (
      <Tooltip title={thumb.state === 'on_its_way' ? t('onItsWayHint') : undefined}>
        <Flex
          vertical
          align="center"
          justify="center"
          className="yf-attachment-tile yf-attachment-pending"
          data-testid="attachment-tile"
          data-state={thumb.state}
        >
          {icon}
          <Typography.Text type="secondary" className="yf-attachment-caption">
            {thumb.state === 'failed' ? t('failed') : thumb.state === 'on_its_way' ? t('onItsWay') : ''}
          </Typography.Text>
        </Flex>
      </Tooltip>
    );
  }
  return (
    <div
      className={a.kind === 'signature' ? 'yf-attachment-tile yf-attachment-signature' : 'yf-attachment-tile'}
      data-testid="attachment-tile"
      data-state="ready"
      data-name={a.fileName}
    >
      <Image
        src={thumb.url}
        alt={a.fileName}
        width={TILE}
        height={TILE}
        preview={{ open, onOpenChange: setOpen, src: original ?? thumb.url }}
        data-testid="attachment-thumbnail"
      />
    </div>
  );
}

function PdfTile({ a }: { a: Attachment }) {
  const t = useStrings(galleryStrings);
  const [open, setOpen] = useState(false);
  const original = useOriginalWhenOpen(a, open);
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      className="yf-attachment-tile"
      data-testid="attachment-tile"
      data-state="ready"
      data-name={a.fileName}
    >
      <FilePdfOutlined className="yf-attachment-pdf-icon" />
      {original ? (
        <Typography.Link href={original} download={a.fileName} className="yf-attachment-caption">
          {a.fileName}
        </Typography.Link>
      ) : (
        <Typography.Link onClick={() => setOpen(true)} className="yf-attachment-caption">
          {t('open')} {t('pdf')}
        </Typography.Link>
      )}
    </Flex>
  );
}

/**
 * One attachment: a photo's thumbnail (click: the original in a viewer) or a PDF's name;
 * `uploading` on the computer that took it while the server does not have the bytes yet.
 */
export function AttachmentTile({ a, uploading = false }: { a: Attachment; uploading?: boolean }) {
  const t = useStrings(galleryStrings);
  return (
    <Flex vertical gap={2} className={a.withdrawn ? 'yf-attachment-withdrawn' : undefined} data-testid="attachment" data-id={a.id}>
      {a.mime === 'application/pdf' ? <PdfTile a={a} /> : <PhotoTile a={a} />}
      {a.withdrawn ? (
        <Tag>{t('withdrawn')}</Tag>
      ) : uploading ? (
        <Tooltip title={t('uploadingHint')}>
          <Tag color="orange" icon={<CloudUploadOutlined />} data-testid="attachment-uploading">
            {t('uploading')}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

/** The photos and documents of one record (a visit, an aid line), oldest first; nothing when none. */
export function AttachmentGallery({ owner }: { owner: { table: AttachmentOwnerTable; id: string } }) {
  const db = useDb();
  const state = useLiveQuery(async () => {
    const list = await attachmentsOf(db, owner);
    return { list, uploading: await awaitingUploadOf(db, list) };
  }, [db, owner.table, owner.id]);
  if (!state || state.list.length === 0) return null;
  return (
    <Flex gap={8} wrap data-testid="attachment-gallery" data-owner={`${owner.table}/${owner.id}`}>
      {state.list.map((a) => (
        <AttachmentTile key={a.id} a={a} uploading={state.uploading.has(a.id)} />
      ))}
    </Flex>
  );
}

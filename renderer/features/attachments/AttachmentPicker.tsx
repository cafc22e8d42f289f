import { CameraOutlined, CloseOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type ClipboardEvent, type DragEvent } from 'react';
import { MAX_ATTACHMENTS_PER_RECORD, THUMB_MIME } from '../../../shared/attachments/limits';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import type { AttachmentKind } from '../../../shared/domain/enums';
import { useMessages, useStrings } from '../../app/i18n';
import { CameraDialog } from './CameraDialog';
import { cameraSupported } from './cameraAccess';
import { cameraStrings } from './cameraStrings';
import { canAddMore, cutFileName, prepareFile, roomLeft } from './prepareFile';
import { attachmentStrings } from './strings';
import './attachments.css';

/** What the file dialog offers; whatever comes (dropped, pasted, renamed) is still judged by its bytes. */
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

export interface AttachmentPickerProps {
  value: PreparedAttachment[];
  onChange: (next: PreparedAttachment[]) => void;
  kind: AttachmentKind;
  disabled?: boolean;
  /** The button's text in place of "Add photos or files" (e.g. for a signature), and the area's name. */
  label?: string;
}

interface Pending {
  key: number;
  name: string;
}

interface Refusal {
  key: number;
  name: string;
  code: string;
}

/**
 * A form's attachments: picked with the button, dropped on the area, pasted (Ctrl+V) while
 * the area has focus, or taken with the computer's camera (CameraDialog). Each file is made
 * ready (photos downscaled and re-encoded) one after another and shown as it is done; a
 * refused file is named with the reason and never costs the ones already added.
 */
export function AttachmentPicker({ value, onChange, kind, disabled = false, label }: AttachmentPickerProps) {
  const t = useStrings(attachmentStrings);
  const tc = useStrings(cameraStrings);
  const { error } = useMessages();
  const inputRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [dragging, setDragging] = useState(false);
  const [cameraOpen, setCameraOpen] = useState(false);

  // Files finish after the render that started them: each result builds on the list last handed
  // out (or received), not on the `value` of that older render, and goes to the current onChange.
  const latest = useRef(value);
  const onChangeRef = useRef(onChange);
  const pendingCount = useRef(0);
  const nextKey = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    latest.current = value;
    onChangeRef.current = onChange;
  }, [value, onChange]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const nameOf = (fileName: string) => fileName || t('unnamed');
  const emit = (next: PreparedAttachment[]) => {
    latest.current = next;
    onChangeRef.current(next);
  };

  const addFiles = async (files: File[]) => {
    if (disabled || files.length === 0) return;
    const room = roomLeft(latest.current.length + pendingCount.current);
    const batch = files.slice(0, room).map((file) => ({ key: nextKey.current++, name: nameOf(cutFileName(file.name)), file }));
    setRefusals(
      files.slice(room).map((file) => ({ key: nextKey.current++, name: nameOf(cutFileName(file.name)), code: 'attachment_too_many' })),
    );
    if (batch.length === 0) return;
    pendingCount.current += batch.length;
    setPending((p) => [...p, ...batch.map(({ key, name }) => ({ key, name }))]);
    for (const item of batch) {
      const prepared = await prepareFile(item.file, kind, () => crypto.randomUUID());
      pendingCount.current -= 1;
      if (!mounted.current) return;
      setPending((p) => p.filter((x) => x.key !== item.key));
      if (prepared.ok) emit([...latest.current, prepared.value]);
      else setRefusals((r) => [...r, { key: item.key, name: item.name, code: prepared.error }]);
    }
  };

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    // Picking the same file again must fire a change too.
    e.target.value = '';
    void addFiles(files);
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const files = Array.from(e.clipboardData.files);
    if (files.length === 0 || disabled) return;
    e.preventDefault();
    void addFiles(files);
  };

  const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!disabled) setDragging(true);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    // Always: a file dropped and not taken would otherwise be opened by the window.
    e.preventDefault();
    setDragging(false);
    void addFiles(Array.from(e.dataTransfer.files));
  };

  const remove = (id: string) => emit(latest.current.filter((a) => a.id !== id));
  const full = !canAddMore(value.length + pending.length);
  const hasCamera = cameraSupported();
  const classes = ['yf-attach', dragging && 'yf-attach-dragging', disabled && 'yf-attach-disabled'].filter(Boolean).join(' ');

  return (
    <>
      <div
        className={classes}
        data-testid="attachment-picker"
        role="group"
        aria-label={label ?? t('area')}
        aria-disabled={disabled || undefined}
        tabIndex={disabled ? -1 : 0}
        onPaste={onPaste}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <div className="yf-attach-bar">
          <Button icon={<PlusOutlined />} disabled={disabled || full} onClick={() => inputRef.current?.click()}>
            {label ?? t('add')}
          </Button>
          {/* Outside a secure page (plain http) or on a browser without cameras: say why, not just grey. */}
          <Tooltip title={hasCamera ? undefined : tc('unsupportedHint')}>
            <Button
              icon={<CameraOutlined />}
              disabled={disabled || full || !hasCamera}
              onClick={() => setCameraOpen(true)}
              data-testid="attachment-camera"
            >
              {tc('open')}
            </Button>
          </Tooltip>
          <Typography.Text type="secondary">
            {dragging ? t('dropHere') : full ? error('attachment_too_many') : t('hint', { max: MAX_ATTACHMENTS_PER_RECORD })}
          </Typography.Text>
          <Typography.Text type="secondary" className="yf-attach-count">
            {t('count', { count: value.length, max: MAX_ATTACHMENTS_PER_RECORD })}
          </Typography.Text>
          <input
            ref={inputRef}
            type="file"
            accept={ACCEPT}
            multiple
            hidden
            className="yf-attach-file-input"
            disabled={disabled}
            data-testid="attachment-input"
            onChange={onPick}
          />
        </div>
        {value.length + pending.length > 0 && (
          <ul className="yf-attach-list">
            {value.map((a) => {
              const name = nameOf(a.fileName);
              return (
                <li key={a.id} className="yf-attach-item" data-testid="attachment-thumb" data-name={a.fileName} title={name}>
                  {a.thumb ? (
                    <Thumb bytes={a.thumb.bytes} alt={name} />
                  ) : (
                    <div className="yf-attach-file">
                      <FilePdfOutlined aria-hidden />
                      <span className="yf-attach-name">{name}</span>
                    </div>
                  )}
                  <Button
                    className="yf-attach-remove"
                    size="small"
                    shape="circle"
                    icon={<CloseOutlined />}
                    aria-label={t('remove', { name })}
                    disabled={disabled}
                    onClick={() => remove(a.id)}
                  />
                </li>
              );
            })}
            {pending.map((p) => (
              <li key={`pending-${p.key}`} className="yf-attach-item yf-attach-pending" aria-busy="true" title={p.name}>
                <Spin size="small" />
                <span className="yf-attach-name">{t('preparing', { name: p.name })}</span>
              </li>
            ))}
          </ul>
        )}
        {refusals.length > 0 && (
          <div className="yf-attach-errors">
            {refusals.map((r) => (
              <Alert
                key={r.key}
                type="error"
                showIcon
                data-testid="attachment-error"
                data-name={r.name}
                title={t('refused', { name: r.name, reason: error(r.code) })}
                closable={{ onClose: () => setRefusals((all) => all.filter((x) => x.key !== r.key)) }}
              />
            ))}
          </div>
        )}
      </div>
      {/* Beside the area, not in it: the dialog's pastes and drops must not reach the area's handlers. */}
      <CameraDialog open={cameraOpen} onClose={() => setCameraOpen(false)} onCapture={(file) => void addFiles([file])} />
    </>
  );
}

/** A thumbnail whose object URL lives as long as its <img>: made when it is attached, revoked when it goes. */
function Thumb({ bytes, alt }: { bytes: Uint8Array; alt: string }) {
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return;
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: THUMB_MIME }));
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [bytes],
  );
  return <img ref={attach} alt={alt} className="yf-attach-img" />;
}

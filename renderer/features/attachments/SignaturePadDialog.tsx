import { App, Button, Modal, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import { useMessages, useStrings } from '../../app/i18n';
import { prepareFile } from './prepareFile';
import { signatureStrings } from './signatureStrings';
import './attachments.css';

const WIDTH = 560;
const HEIGHT = 220;

/**
 * The recipient signs for aid on screen (签收): a signature pad (signature_pad) on a canvas
 * scaled for the screen's pixel density, kept as a PNG attachment of kind `signature`.
 */
export function SignaturePadDialog({
  open,
  onClose,
  onSigned,
}: {
  open: boolean;
  onClose: () => void;
  onSigned: (file: PreparedAttachment) => void;
}) {
  const t = useStrings(signatureStrings);
  const { error } = useMessages();
  const { message } = App.useApp();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [saving, setSaving] = useState(false);

  // The pad is made when the modal's body mounts its canvas, and dropped with it.
  const attach = useCallback((canvas: HTMLCanvasElement | null) => {
    padRef.current?.off();
    padRef.current = null;
    canvasRef.current = canvas;
    if (!canvas) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { penColor: '#1f1f1f', minWidth: 0.8, maxWidth: 2.6 });
    pad.addEventListener('endStroke', () => setEmpty(pad.isEmpty()));
    padRef.current = pad;
    setEmpty(true);
  }, []);

  async function accept(): Promise<void> {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad || pad.isEmpty()) return;
    setSaving(true);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    const prepared = blob
      ? await prepareFile(new File([blob], t('fileName'), { type: 'image/png' }), 'signature', () => crypto.randomUUID())
      : null;
    setSaving(false);
    if (!prepared || !prepared.ok) {
      void message.error(error(prepared ? prepared.error : 'attachment_unreadable'));
      return;
    }
    onSigned(prepared.value);
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('title')}
      onCancel={onClose}
      destroyOnHidden
      // A tap beside the pad must not throw the signature away.
      maskClosable={false}
      width={WIDTH + 48}
      footer={[
        <Button key="clear" onClick={() => (padRef.current?.clear(), setEmpty(true))} data-testid="signature-clear">
          {t('clear')}
        </Button>,
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        <Button key="ok" type="primary" disabled={empty} loading={saving} onClick={() => void accept()} data-testid="signature-accept">
          {t('accept')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <canvas
        ref={attach}
        className="yf-signature-canvas"
        width={WIDTH}
        height={HEIGHT}
        data-testid="signature-canvas"
        aria-label={t('title')}
      />
    </Modal>
  );
}

import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import { useStrings } from '../../app/i18n';
import { AttachmentPicker, SignaturePadDialog } from '../attachments';
import { useAidEvidence } from './aidEvidence';
import { visitStrings } from './strings';

/** The drawn signature, small, beside the line it acknowledges. */
function SignaturePreview({ file }: { file: PreparedAttachment }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const bytes = file.thumb?.bytes ?? file.bytes;
    const made = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: file.thumb ? 'image/jpeg' : file.mime }));
    // Published after the effect: the URL belongs to this file and goes with it.
    queueMicrotask(() => setUrl(made));
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url ? <img src={url} alt={file.fileName} className="yf-aid-signature" data-testid="aid-signature-preview" /> : null;
}

/**
 * 签收 for one aid line: the recipient signs on screen, or a photo of the signed paper receipt is
 * attached. Signing ticks 已签收; the files are saved on the aid line with the visit.
 */
export function AidReceipt({ name }: { name: number }) {
  const t = useStrings(visitStrings);
  const form = Form.useFormInstance();
  const uid = Form.useWatch(['aid', name, 'uid'], form) as string | undefined;
  const evidence = useAidEvidence();
  const [signing, setSigning] = useState(false);
  if (!uid) return null;
  const files = evidence.of(uid);
  const signature = files.find((f) => f.kind === 'signature');
  const receipts = files.filter((f) => f.kind !== 'signature');
  return (
    <Flex gap={12} align="center" wrap data-testid={`aid-${name}-receipt`}>
      <Button icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid={`aid-${name}-sign`}>
        {signature ? t('aidResign') : t('aidSign')}
      </Button>
      {signature ? (
        <>
          <SignaturePreview file={signature} />
          <Tag color="green" data-testid={`aid-${name}-signed`}>
            {t('aidSigned')}
          </Tag>
        </>
      ) : null}
      <AttachmentPicker
        value={receipts}
        onChange={(next) => evidence.set(uid, [...(signature ? [signature] : []), ...next])}
        kind="receipt"
        label={t('aidReceiptPhoto')}
      />
      <SignaturePadDialog
        open={signing}
        onClose={() => setSigning(false)}
        onSigned={(file) => {
          evidence.set(uid, [file, ...receipts]);
          form.setFieldValue(['aid', name, 'acknowledged'], true);
        }}
      />
    </Flex>
  );
}

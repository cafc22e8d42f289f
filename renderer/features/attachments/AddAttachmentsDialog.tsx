import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import { ATTACHMENT_KIND, type AttachmentKind } from '../../../shared/domain/enums';
import { useRepoContext } from '../../app/DbProvider';
import { useLocale, useMessages, useStrings } from '../../app/i18n';
import { type LaterOwnerTable, addRecordAttachments } from '../../db/attachmentRepository';
import { AttachmentPicker } from './AttachmentPicker';
import { SignaturePadDialog } from './SignaturePadDialog';
import { addStrings } from './addStrings';

export interface AddAttachmentsDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  owner: { table: LaterOwnerTable; id: string };
  /** The kinds a picked file may be given; the first is the default. */
  kinds: readonly AttachmentKind[];
  /** An aid line's receipt: the recipient may sign on screen, and saving marks the line 已签收. */
  receipt?: boolean;
}

/**
 * Adds photos, files (and, for an aid line, a signature drawn on screen) to a record already
 * saved: a receipt signed after the visit, a request's papers. One write, or nothing.
 */
export function AddAttachmentsDialog({ open, onClose, title, owner, kinds, receipt = false }: AddAttachmentsDialogProps) {
  const t = useStrings(addStrings);
  const locale = useLocale();
  const { error } = useMessages();
  const { message } = App.useApp();
  const repo = useRepoContext();
  const [kind, setKind] = useState<AttachmentKind>(kinds[0] ?? 'document');
  const [picked, setPicked] = useState<PreparedAttachment[]>([]);
  const [signature, setSignature] = useState<PreparedAttachment | null>(null);
  const [signing, setSigning] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function close(): void {
    setPicked([]);
    setSignature(null);
    setProblem(null);
    onClose();
  }

  async function save(): Promise<void> {
    const files = [...(signature ? [signature] : []), ...picked.map((f) => ({ ...f, kind }))];
    if (files.length === 0) return setProblem(t('nothing'));
    setSaving(true);
    const r = await addRecordAttachments(repo, owner, files, { acknowledge: receipt });
    setSaving(false);
    if (!r.ok) {
      setProblem(r.error.code === 'validation_failed' ? error(r.error.issues[0]?.code ?? 'validation_failed') : error(r.error.code));
      return;
    }
    void message.success(t('saved', { n: r.value.length }));
    close();
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={close}
      okButtonProps={{ 'data-testid': 'add-attachments-save' }}
      destroyOnHidden
      maskClosable={false}
      width={640}
    >
      <Flex vertical gap={12} data-testid="add-attachments">
        {receipt && (
          <Flex gap={12} align="center" wrap>
            <Button icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid="add-attachments-sign">
              {signature ? t('resign') : t('sign')}
            </Button>
            {signature && (
              <Typography.Text type="success" data-testid="add-attachments-signed">
                {t('signedHint')}
              </Typography.Text>
            )}
          </Flex>
        )}
        {kinds.length > 1 && (
          <Select
            value={kind}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k, label: ATTACHMENT_KIND.label(k, locale) }))}
            style={{ width: 180 }}
            aria-label={t('kind')}
            data-testid="add-attachments-kind"
          />
        )}
        <AttachmentPicker
          value={picked}
          onChange={(next) => {
            setPicked(next);
            setProblem(null);
          }}
          kind={kind}
          disabled={saving}
        />
        {problem && <Alert type="error" showIcon title={problem} data-testid="add-attachments-error" />}
      </Flex>
      <SignaturePadDialog
        open={signing}
        onClose={() => setSigning(false)}
        onSigned={(file) => {
          setSignature(file);
          setProblem(null);
        }}
      />
    </Modal>
  );
}

import { Form, Input, Modal, App, Typography } from 'antd';
import { useState } from 'react';
import { useRepoContext } from '../../app/DbProvider';
import { useLocale, useMessages, useStrings } from '../../app/i18n';
import { AID_KIND } from '../../../shared/domain/enums';
import type { Aid } from '../../../shared/domain/schemas';
import { formatFen } from '../../../shared/validation/money';
import { voidAid } from '../../db/aidRepository';
import { recipientStrings } from './strings';

/** Voids an aid entry with a required reason; aid is never deleted. */
export function VoidAidDialog({ aid, onClose }: { aid: Aid; onClose: () => void }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const { error } = useMessages();
  const { message } = App.useApp();
  const repo = useRepoContext();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function confirm() {
    if (reason.trim() === '') {
      setProblem('aid_void_reason_required');
      return;
    }
    setSaving(true);
    const result = await voidAid(repo, aid.id, reason.trim());
    setSaving(false);
    if (!result.ok) {
      setProblem(result.error.code === 'validation_failed' ? (result.error.issues[0]?.code ?? 'validation_failed') : result.error.code);
      return;
    }
    void message.success(t('aidVoided'));
    onClose();
  }

  return (
    <Modal
      open
      title={t('voidAid')}
      okText={t('voidAid')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => void confirm()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {aid.date} · {AID_KIND.label(aid.kind, locale)} {aid.amountFen !== null ? formatFen(aid.amountFen) : (aid.item ?? '')}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label={t('voidReason')}
          required
          validateStatus={problem ? 'error' : undefined}
          help={problem ? error(problem) : undefined}
        >
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={200}
            value={reason}
            placeholder={t('voidReasonPlaceholder')}
            onChange={(e) => {
              setReason(e.target.value);
              setProblem(null);
            }}
            data-testid="void-reason-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

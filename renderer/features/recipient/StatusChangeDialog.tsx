import { Alert, App, Form, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useRepoContext } from '../../app/DbProvider';
import { useLocale, useMessages, useStrings } from '../../app/i18n';
import { RECIPIENT_STATUS, type RecipientStatus } from '../../../shared/domain/enums';
import type { Recipient } from '../../../shared/domain/schemas';
import { todayInShanghai } from '../../../shared/calendar/shanghai';
import { changeRecipientStatus } from '../../db/recipientRepository';
import { DateInput } from '../../ui';
import { enumOptions } from '../common/enumOptions';
import { recipientStrings } from './strings';

interface StatusValues {
  status: RecipientStatus;
  statusDate: string;
}

/** 在册 / 迁出 / 已故 with its date; the repository stops the duties in the same transaction. */
export function StatusChangeDialog({ recipient, open, onClose }: { recipient: Recipient; open: boolean; onClose: () => void }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const { error } = useMessages();
  const { message } = App.useApp();
  const repo = useRepoContext();
  const [form] = Form.useForm<StatusValues>();
  const [saving, setSaving] = useState(false);
  const status = Form.useWatch('status', form);

  async function save() {
    const v = form.getFieldsValue(true) as StatusValues;
    const date = v.status === 'active' ? null : v.statusDate || null;
    if (v.status !== 'active' && date === null) {
      form.setFields([{ name: 'statusDate', errors: [error('status_date_required')] }]);
      return;
    }
    setSaving(true);
    const result = await changeRecipientStatus(repo, recipient.id, v.status, date);
    setSaving(false);
    if (!result.ok) {
      const issue = result.error.code === 'validation_failed' ? result.error.issues[0] : undefined;
      if (issue) form.setFields([{ name: 'statusDate', errors: [error(issue.code)] }]);
      else void message.error(error(result.error.code));
      return;
    }
    void message.success(t('statusChanged'));
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('changeStatus')}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'status-confirm' }}
    >
      <Form<StatusValues>
        form={form}
        layout="vertical"
        initialValues={{ status: recipient.status, statusDate: recipient.statusDate ?? todayInShanghai(new Date()) }}
      >
        <Form.Item name="status" label={t('status')}>
          <Radio.Group optionType="button" options={enumOptions(RECIPIENT_STATUS, locale)} data-testid="status-radio" />
        </Form.Item>
        {status !== 'active' && (
          <>
            <Form.Item name="statusDate" label={t('statusDate')} required>
              <DateInput data-testid="status-date" />
            </Form.Item>
            <Alert type="warning" showIcon title={t('statusChangeHint')} />
          </>
        )}
      </Form>
    </Modal>
  );
}

import { App, Drawer } from 'antd';
import { useRepoContext } from '../../app/DbProvider';
import { useMessages, useStrings } from '../../app/i18n';
import type { Recipient } from '../../../shared/domain/schemas';
import { updateRecipient } from '../../db/recipientRepository';
import { toShanghaiIso } from '../../../shared/calendar/shanghai';
import type { FieldIssue } from '../common/fieldErrors';
import { RecipientForm } from './RecipientForm';
import { type RecipientFormValues, recipientToValues, valuesToRecipientInput } from './recipientFormValues';
import { recipientStrings } from './strings';

/** Edits the profile fields; status changes have their own dialog because they stop duties. */
export function EditRecipientDrawer({ recipient, open, onClose }: { recipient: Recipient; open: boolean; onClose: () => void }) {
  const t = useStrings(recipientStrings);
  const { error } = useMessages();
  const { message } = App.useApp();
  const repo = useRepoContext();

  async function onSubmit(values: RecipientFormValues): Promise<readonly FieldIssue[] | null> {
    const built = valuesToRecipientInput(values, recipient, toShanghaiIso(new Date()));
    if (!built.ok) {
      void message.error(error('validation_failed'));
      return built.issues;
    }
    const { id: _id, status: _status, statusDate: _statusDate, rev: _rev, updatedAt: _updatedAt, ...patch } = built.value;
    const result = await updateRecipient(repo, recipient.id, patch);
    if (result.ok) {
      void message.success(t('updated'));
      onClose();
      return null;
    }
    if (result.error.code === 'id_number_duplicate') return [{ path: ['idNumber'], code: 'id_number_duplicate' }];
    if (result.error.code === 'validation_failed') return result.error.issues;
    void message.error(error(result.error.code));
    return null;
  }

  return (
    <Drawer open={open} onClose={onClose} title={t('editTitle')} size={1000} destroyOnHidden keyboard={false}>
      {open && (
        <RecipientForm initialValues={recipientToValues(recipient)} submitLabel={t('save')} onSubmit={onSubmit} onCancel={onClose} />
      )}
    </Drawer>
  );
}

import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { useDbSession, useRepoContext } from '../../app/DbProvider';
import { useMessages, useStrings } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { PageHeader } from '../../ui';
import { createRecipient } from '../../db/recipientRepository';
import { toShanghaiIso } from '../../../shared/calendar/shanghai';
import type { FieldIssue } from '../common/fieldErrors';
import { RecipientForm } from './RecipientForm';
import { emptyRecipientValues, type RecipientFormValues, valuesToRecipientInput } from './recipientFormValues';
import { recipientStrings } from './strings';

/** `#/recipients/new`. A second registration of the same ID number links to the existing record instead. */
export function CreateRecipientPage() {
  const t = useStrings(recipientStrings);
  const { error } = useMessages();
  const { message } = App.useApp();
  const { user } = useDbSession();
  const repo = useRepoContext();
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [initialValues] = useState(emptyRecipientValues);

  async function onSubmit(values: RecipientFormValues): Promise<readonly FieldIssue[] | null> {
    setDuplicateOf(null);
    const base = { id: repo.newId(), stationCode: user.stationCode, status: 'active' as const, statusDate: null };
    const built = valuesToRecipientInput(values, base, toShanghaiIso(new Date()));
    if (!built.ok) {
      void message.error(error('validation_failed'));
      return built.issues;
    }
    const result = await createRecipient(repo, built.value);
    if (result.ok) {
      void message.success(t('created'));
      navigate(`/recipients/${result.value.recipient.id}`);
      return null;
    }
    if (result.error.code === 'id_number_duplicate') {
      setDuplicateOf(result.error.existingId);
      return [{ path: ['idNumber'], code: 'id_number_duplicate' }];
    }
    if (result.error.code === 'validation_failed') return result.error.issues;
    void message.error(error(result.error.code));
    return null;
  }

  return (
    <div data-testid="create-recipient-page">
      <PageHeader title={t('createTitle')} />
      {duplicateOf && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="duplicate-warning"
          style={{ marginBottom: 12 }}
          title={t('duplicateTitle')}
          description={t('duplicateBody')}
          action={
            <Button href={href(`/recipients/${duplicateOf}`)} type="primary" data-testid="open-existing">
              {t('openExisting')}
            </Button>
          }
        />
      )}
      <RecipientForm initialValues={initialValues} submitLabel={t('create')} onSubmit={onSubmit} onCancel={() => navigate('/caseload')} />
    </div>
  );
}

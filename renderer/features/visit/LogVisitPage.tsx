import { Card, Space, Typography } from 'antd';
import { navigate } from '../../app/router';
import { useStrings } from '../../app/i18n';
import { PageHeader } from '../../ui';
import { RecipientPicker } from '../common/RecipientPicker';
import { visitStrings } from './strings';
import { VisitForm } from './VisitForm';

export interface LogVisitPageProps {
  recipientId?: string;
  occurrenceId?: string;
}

/** `#/visit/new?recipient=&occurrence=`: picks the recipient first when none is given. */
export function LogVisitPage({ recipientId, occurrenceId }: LogVisitPageProps) {
  const t = useStrings(visitStrings);
  if (recipientId) return <VisitForm key={recipientId} recipientId={recipientId} occurrenceId={occurrenceId} />;
  return (
    <div data-testid="log-visit-page">
      <PageHeader title={t('title')} />
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('pickRecipient')}</Typography.Text>
          <RecipientPicker
            autoFocus
            placeholder={t('pickRecipientPlaceholder')}
            onPick={(id) => navigate('/visit/new', { recipient: id, occurrence: occurrenceId })}
          />
        </Space>
      </Card>
    </div>
  );
}

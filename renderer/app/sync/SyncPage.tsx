import { Alert, Card, Descriptions, Flex, Statistic } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { DateTimeText } from '../../ui/DateText';
import { PageHeader } from '../../ui/PageHeader';
import { useDb } from '../DbProvider';
import { useStrings } from '../i18n';
import { useOnline } from '../useOnline';
import { syncStrings } from './strings';

/** Status only for now: what waits in the outbox. The sync engine comes with the server. */
export function SyncPage() {
  const t = useStrings(syncStrings);
  const db = useDb();
  const online = useOnline();
  const pending = useLiveQuery(() => db.outbox.count(), [db]);
  const oldest = useLiveQuery(() => db.outbox.orderBy('seq').first(), [db]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex vertical gap={16} style={{ maxWidth: 960 }}>
        <Alert type="info" showIcon title={t('notConnected')} description={t('notConnectedHint')} data-testid="sync-not-connected" />
        <Card>
          <Flex gap={48} wrap>
            <Statistic title={t('pending')} value={pending ?? 0} groupSeparator="," data-testid="sync-pending" />
          </Flex>
          <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('network')}>{online ? t('online') : t('offline')}</Descriptions.Item>
            <Descriptions.Item label={t('oldest')}>{oldest ? <DateTimeText value={oldest.createdAt} /> : t('none')}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Flex>
    </>
  );
}

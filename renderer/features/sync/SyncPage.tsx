import { Alert, Card, Descriptions, Flex, Statistic } from 'antd';
import { useMemo } from 'react';
import { useLiveQuery } from '../../db/live';
import { countOutbox, oldestOutboxEntry } from '../../db/outboxRepository';
import { DateTimeText } from '../../ui/DateText';
import { PageHeader } from '../../ui/PageHeader';
import { createSessionConflictsTransport } from '../../platform/session';
import { ConflictsPanel } from '../conflicts';
import { useDb, useDbSession } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { LOCAL_DEMO_SERVER_ID } from '../../app/localDemo';
import { useOnline } from '../../app/useOnline';
import { ScheduleCard } from './ScheduleCard';
import { AttachmentUploadsCard } from './AttachmentUploadsCard';
import { SyncRecordsCard } from './SyncRecordsCard';
import { SyncStatusCard } from './SyncStatusCard';
import { syncStrings } from './strings';

/** The local demo has no server: what waits in the outbox, and the promise that nothing is lost. */
function LocalDemoSync() {
  const t = useStrings(syncStrings);
  const db = useDb();
  const online = useOnline();
  const pending = useLiveQuery(() => countOutbox(db), [db]);
  const oldest = useLiveQuery(() => oldestOutboxEntry(db), [db]);
  return (
    <>
      <Alert type="info" showIcon title={t('notConnected')} description={t('notConnectedHint')} data-testid="sync-not-connected" />
      <Card>
        <Statistic title={t('pending')} value={pending ?? 0} groupSeparator="," data-testid="sync-pending" />
        <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('network')}>{online ? t('online') : t('offline')}</Descriptions.Item>
          <Descriptions.Item label={t('oldest')}>{oldest ? <DateTimeText value={oldest.createdAt} /> : t('none')}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}

/** Supervisors and the city review the conflict log of their scope. */
function SupervisorConflicts() {
  const t = useStrings(syncStrings);
  const { user, serverId } = useDbSession();
  const transport = useMemo(() => createSessionConflictsTransport({ serverId, userId: user.id }), [serverId, user.id]);
  return (
    <Card title={t('supervisorConflicts')} data-testid="supervisor-conflicts">
      <ConflictsPanel transport={transport} />
    </Card>
  );
}

export function SyncPage() {
  const t = useStrings(syncStrings);
  const { serverId, user } = useDbSession();
  const supervises = user.role === 'district_supervisor' || user.role === 'city_admin';
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex vertical gap={16} style={{ maxWidth: 1080 }}>
        {serverId === LOCAL_DEMO_SERVER_ID ? (
          <LocalDemoSync />
        ) : (
          <>
            <SyncStatusCard />
            <SyncRecordsCard />
            <AttachmentUploadsCard />
            {supervises && <SupervisorConflicts />}
            <ScheduleCard />
          </>
        )}
      </Flex>
    </>
  );
}

import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Progress, Statistic } from 'antd';
import { useLiveQuery } from '../../db/live';
import { readSyncStatus } from '../../sync/engine';
import type { SchedulerState } from '../../sync/scheduler';
import { useSyncStatus } from '../../sync/syncStatusStore';
import { DateTimeText } from '../../ui/DateText';
import { useDbSession } from '../../app/DbProvider';
import { useMessages, useStrings } from '../../app/i18n';
import { useOnline } from '../../app/useOnline';
import { RelogInForm } from './RelogInForm';
import { syncStrings } from './strings';

type T = (key: keyof (typeof syncStrings)['zh']) => string;

function stateText(t: T, s: SchedulerState): string {
  switch (s.kind) {
    case 'idle':
      return t('stateIdle');
    case 'syncing':
      return t('stateSyncing');
    case 'retrying':
      return t('stateRetrying');
    case 'offline':
      return t('stateOffline');
    case 'signed_out':
      return t('stateSignedOut');
  }
}

/** Server, account, last success, pending count, progress, the last error and "sync now". */
export function SyncStatusCard() {
  const t = useStrings(syncStrings);
  const { error } = useMessages();
  const { db, user } = useDbSession();
  const online = useOnline();
  const { state, progress, syncNow } = useSyncStatus();
  const status = useLiveQuery(() => readSyncStatus(db), [db]);
  const nextAt = state.kind === 'idle' || state.kind === 'retrying' ? state.nextAt : null;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <Card data-testid="sync-status">
      <Flex gap={48} wrap align="center">
        <Statistic title={t('pending')} value={status?.pending ?? 0} groupSeparator="," data-testid="sync-pending" />
        <Flex vertical gap={4}>
          <span data-testid="sync-state" data-state={state.kind}>
            {stateText(t, state)}
          </span>
          <Button
            type="primary"
            icon={<SyncOutlined spin={state.kind === 'syncing'} />}
            disabled={!syncNow || !online || state.kind === 'syncing'}
            onClick={() => void syncNow?.()}
            data-testid="sync-now"
          >
            {t('syncNow')}
          </Button>
        </Flex>
      </Flex>
      {progress && (
        <div style={{ marginTop: 16 }} data-testid="sync-progress">
          {progress.phase === 'pull'
            ? t('progressPull', { done: progress.done.toLocaleString('en-US'), total: progress.total.toLocaleString('en-US'), percent })
            : t('progressPush', { done: progress.done, total: progress.total })}
          <Progress percent={percent} size="small" />
        </div>
      )}
      {state.kind === 'signed_out' && <RelogInForm />}
      <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('server')}>{window.location.origin}</Descriptions.Item>
        <Descriptions.Item label={t('account')}>{`${user.name}（${user.username}）`}</Descriptions.Item>
        <Descriptions.Item label={t('network')}>{online ? t('online') : t('offline')}</Descriptions.Item>
        <Descriptions.Item label={t('lastSuccess')}>
          <span data-testid="sync-last-success">{status?.lastSuccessAt ? <DateTimeText value={status.lastSuccessAt} /> : t('never')}</span>
        </Descriptions.Item>
        {nextAt !== null && (
          <Descriptions.Item label={t('nextAt')}>
            <DateTimeText value={new Date(nextAt).toISOString()} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {status?.lastError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('lastError')}
          description={
            <>
              {error(status.lastError.code)} · <DateTimeText value={status.lastError.at} />
            </>
          }
          data-testid="sync-last-error"
        />
      )}
    </Card>
  );
}

import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useDbSession } from '../../app/DbProvider';
import { defineStrings, useStrings } from '../../app/i18n';
import { LOCAL_DEMO_SERVER_ID } from '../../app/localDemo';
import { navigate } from '../../app/router';
import { useLiveQuery } from '../../db/live';
import { readSyncState } from '../../db/syncStateRepository';
import { useSyncStatus } from '../../sync/syncStatusStore';

const strings = defineStrings(
  {
    title: '正在下载本站数据',
    progress: '已收到 {done} / 约 {total} 条记录',
    waiting: '正在等待服务器的第一批数据…',
    todayHint: '这是本机第一次同步。下载完成后，这里列出今日的待办；在此之前的数字并不完整。',
    drillHint:
      '本机数据仍在下载（{progress}）：下面的明细来自尚未下载完的本机数据，可能少于周审表中来自服务器的数字。下载完成后会自动更新。',
    openSync: '查看同步',
  },
  {
    title: 'Downloading your station’s data',
    progress: '{done} of about {total} records received',
    waiting: 'Waiting for the server’s first batch…',
    todayHint:
      'This is this computer’s first sync. Once the download is complete, today’s work is listed here; until then the figures are incomplete.',
    drillHint:
      'Data is still arriving on this computer ({progress}): the details below come from an incomplete local copy and may be fewer than the review’s figures from the server. They update by themselves when the download completes.',
    openSync: 'Open sync',
  },
);

export interface FirstDownload {
  /** The first full download of this account on this computer has finished (a sync has succeeded once). */
  complete: boolean;
  /** Records received and the server's estimate of the total, while the first download runs (0 before its first page). */
  done: number;
  total: number;
}

/**
 * Whether this computer has the account's data yet: until the first sync has succeeded the local
 * database is a partial copy. The local demo has no server and is complete from the start.
 * Undefined while the local state is being read.
 */
export function useFirstDownload(): FirstDownload | undefined {
  const { db, serverId } = useDbSession();
  const lastSuccess = useLiveQuery(async () => (await readSyncState(db, 'lastSuccessAt')) ?? null, [db]);
  const progress = useSyncStatus((s) => s.progress);
  if (serverId === LOCAL_DEMO_SERVER_ID) return { complete: true, done: 0, total: 0 };
  if (lastSuccess === undefined) return undefined;
  if (lastSuccess !== null) return { complete: true, done: 0, total: 0 };
  const pull = progress?.phase === 'pull' ? progress : null;
  return { complete: false, done: pull?.done ?? 0, total: pull?.total ?? 0 };
}

function useProgressText() {
  const t = useStrings(strings);
  return (d: FirstDownload) =>
    d.total > 0 ? t('progress', { done: d.done.toLocaleString(), total: d.total.toLocaleString() }) : t('waiting');
}

/** Today's place while the first download runs: its progress instead of an empty list. */
export function FirstDownloadCard({ download }: { download: FirstDownload }) {
  const t = useStrings(strings);
  const progressText = useProgressText();
  const percent = download.total > 0 ? Math.min(99, Math.floor((download.done / download.total) * 100)) : 0;
  return (
    <Card title={t('title')} data-testid="first-download">
      <Flex vertical gap={12}>
        <Progress percent={percent} status="active" data-testid="first-download-progress" />
        <Typography.Text data-testid="first-download-count">{progressText(download)}</Typography.Text>
        <Typography.Text type="secondary">{t('todayHint')}</Typography.Text>
        <div>
          <Button onClick={() => navigate('/sync')}>{t('openSync')}</Button>
        </div>
      </Flex>
    </Card>
  );
}

/** Above figures read from the local copy: says they are incomplete while the first download runs. */
export function FirstDownloadWarning() {
  const t = useStrings(strings);
  const progressText = useProgressText();
  const download = useFirstDownload();
  if (download === undefined || download.complete) return null;
  return (
    <Alert type="warning" showIcon title={t('drillHint', { progress: progressText(download) })} data-testid="first-download-warning" />
  );
}

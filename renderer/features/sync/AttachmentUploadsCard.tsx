import { Card, Flex, List, Progress, Statistic, Tag, Typography } from 'antd';
import { useDb } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { useLiveQuery } from '../../db/live';
import { attachmentsByIds, bytesAwaitingUpload } from '../../db/queries/attachments';
import { useAttachmentTransfers } from '../../sync/attachmentUploads';
import { useErrorText } from '../common/featureErrors';
import { syncStrings } from './strings';

const MB = 1024 * 1024;

/**
 * Photos and documents on their way to the server (issue 15): what waits on this device, each
 * upload under way with its progress, and each failure with its reason (tried again next round).
 */
export function AttachmentUploadsCard() {
  const t = useStrings(syncStrings);
  const errorText = useErrorText();
  const db = useDb();
  const waiting = useLiveQuery(() => bytesAwaitingUpload(db), [db]);
  const transfers = useAttachmentTransfers((s) => s.transfers);
  const active = Object.entries(transfers).filter(([, tr]) => tr.state !== 'done');
  const ids = active.map(([id]) => id);
  const rows = useLiveQuery(() => attachmentsByIds(db, ids), [db, ids.join(',')]);
  const nameOf = (id: string): string => rows?.find((r) => r.id === id)?.fileName ?? id.slice(0, 8);
  if (!waiting || (waiting.parts === 0 && active.length === 0)) return null;
  return (
    <Card title={t('uploadsTitle')} data-testid="sync-uploads">
      <Flex gap={32} wrap>
        <Statistic title={t('uploadsWaiting')} value={waiting.parts} data-testid="sync-uploads-waiting" />
        <Statistic title={t('uploadsSize')} value={(waiting.bytes / MB).toFixed(1)} suffix="MB" />
      </Flex>
      {active.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={active}
          renderItem={([id, tr]) => (
            <List.Item data-testid="sync-upload" data-state={tr.state}>
              <Flex gap={12} align="center" style={{ width: '100%' }}>
                <Typography.Text ellipsis style={{ width: 220 }}>
                  {nameOf(id)}
                </Typography.Text>
                {tr.state === 'failed' ? (
                  <>
                    <Tag color="red">{t('uploadFailed')}</Tag>
                    <Typography.Text type="secondary">{tr.error ? errorText(tr.error.code) : ''}</Typography.Text>
                  </>
                ) : (
                  <Progress percent={tr.total > 0 ? Math.round((tr.sent / tr.total) * 100) : 0} size="small" style={{ flex: 1 }} />
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('uploadsHint')}
      </Typography.Paragraph>
    </Card>
  );
}

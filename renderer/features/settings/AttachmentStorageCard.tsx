import { Alert, App, Button, Card, Descriptions, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useDbSession } from '../../app/DbProvider';
import { defineStrings, useStrings } from '../../app/i18n';
import { LOCAL_DEMO_SERVER_ID } from '../../app/localDemo';
import {
  KEEP_ORIGINALS_CHOICES,
  dropConfirmedOriginals,
  readKeepOriginalsDays,
  writeKeepOriginalsDays,
} from '../../db/attachmentRetention';
import { useLiveQuery } from '../../db/live';
import { type PartsUsage, attachmentStorageUsage } from '../../db/queries/attachments';
import { formatBytes } from './StorageCard';

const strings = defineStrings(
  {
    title: '照片与材料占用的空间',
    hint: '照片、签名和文件的原件与缩略图加密保存在这台电脑上。',
    originals: '原件',
    thumbnails: '缩略图',
    awaitingUpload: '等待上传',
    parts: '{count} 个，{size}',
    none: '无',
    counting: '统计中…',
    keep: '在这台电脑上保留原件',
    keepAlways: '一直保留（默认）',
    keepDays: '{days} 天',
    keepHint:
      '选择天数后，每次同步后会删除超过这个天数、且服务器已确认收到的原件；缩略图始终保留。以后打开这些照片或文件时，会从服务器重新下载原件（需要联网）。尚未上传的原件不会删除。',
    demoHint: '本机演示数据没有连接服务器：原件不会上传，因此也不会从这台电脑删除。',
    freeNow: '立即释放空间',
    freeable: '现在可释放 {count} 个原件，{size}',
    nothingToFree: '现在没有可释放的原件',
    confirmTitle: '释放空间？',
    confirm:
      '将从这台电脑删除 {count} 个服务器已确认收到的原件，释放约 {size}。缩略图保留；以后打开这些照片或文件时，会从服务器重新下载原件，需要联网。',
    confirmOk: '删除原件，释放空间',
    cancel: '取消',
    freed: '已释放 {size}（{count} 个原件）',
    failed: '释放空间失败，请稍后重试。',
  },
  {
    title: 'Space used by photos and documents',
    hint: 'The originals and thumbnails of photos, signatures and documents are kept on this computer, encrypted.',
    originals: 'Originals',
    thumbnails: 'Thumbnails',
    awaitingUpload: 'Waiting to upload',
    parts: '{count} files, {size}',
    none: 'None',
    counting: 'Counting…',
    keep: 'Keep originals on this computer',
    keepAlways: 'Always (default)',
    keepDays: '{days} days',
    keepHint:
      'With a number of days chosen, each sync removes the originals older than that which the server has confirmed it holds; thumbnails always stay. Opening such a photo or document later downloads the original again (a network is needed). Originals not yet uploaded are never removed.',
    demoHint: 'The local demo data has no server: originals are never uploaded, so they are never removed from this computer either.',
    freeNow: 'Free space now',
    freeable: '{count} originals can be removed now, {size}',
    nothingToFree: 'No originals can be removed now',
    confirmTitle: 'Free space?',
    confirm:
      'This removes {count} originals the server has confirmed from this computer and frees about {size}. Thumbnails stay; opening these photos or documents later downloads the originals again, which needs a network.',
    confirmOk: 'Remove originals',
    cancel: 'Cancel',
    freed: 'Freed {size} ({count} originals)',
    failed: 'Space could not be freed; try again later.',
  },
);

const ALWAYS = 'always';

/** Attachment usage on this device, how long confirmed originals stay, and "free space now" (issue 15). */
export function AttachmentStorageCard() {
  const t = useStrings(strings);
  const { message, modal } = App.useApp();
  const { db, serverId } = useDbSession();
  const [freeing, setFreeing] = useState(false);
  const state = useLiveQuery(async () => {
    const days = await readKeepOriginalsDays(db);
    const usage = await attachmentStorageUsage(db, days === null ? null : { olderThanDays: days, now: new Date() });
    return { days, usage };
  }, [db]);

  const parts = (u: PartsUsage | undefined): string =>
    u === undefined ? t('counting') : u.count === 0 ? t('none') : t('parts', { count: u.count, size: formatBytes(u.bytes) });

  const freeNow = async (days: number, count: number, bytes: number): Promise<void> => {
    const ok = await modal.confirm({
      title: t('confirmTitle'),
      content: <span data-testid="free-space-confirm">{t('confirm', { count, size: formatBytes(bytes) })}</span>,
      okText: t('confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
    });
    if (!ok) return;
    setFreeing(true);
    try {
      const freed = await dropConfirmedOriginals(db, { olderThanDays: days, now: new Date() });
      void message.success(t('freed', { size: formatBytes(freed.bytes), count: freed.count }));
    } catch {
      void message.error(t('failed'));
    } finally {
      setFreeing(false);
    }
  };

  const days = state?.days ?? null;
  const droppable = state?.usage.droppable;
  return (
    <Card title={t('title')} data-testid="attachment-storage-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('originals')}>
            <span data-testid="attachment-usage-originals">{parts(state?.usage.originals)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('thumbnails')}>
            <span data-testid="attachment-usage-thumbnails">{parts(state?.usage.thumbnails)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('awaitingUpload')}>
            <span data-testid="attachment-usage-awaiting">{parts(state?.usage.awaitingUpload)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('keep')}>
            <Select<string>
              value={days === null ? ALWAYS : String(days)}
              disabled={state === undefined}
              onChange={(v) => {
                // A device setting, not synced data: written straight to syncState, no outbox entry.
                const chosen = KEEP_ORIGINALS_CHOICES.find((c) => (c === null ? ALWAYS : String(c)) === v) ?? null;
                void writeKeepOriginalsDays(db, chosen);
              }}
              options={KEEP_ORIGINALS_CHOICES.map((c) =>
                c === null ? { value: ALWAYS, label: t('keepAlways') } : { value: String(c), label: t('keepDays', { days: c }) },
              )}
              style={{ minWidth: 180 }}
              data-testid="keep-originals"
            />
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('keepHint')}</Typography.Text>
        {serverId === LOCAL_DEMO_SERVER_ID && <Alert type="info" showIcon title={t('demoHint')} />}
        {days !== null && droppable !== undefined && (
          <Flex gap={12} align="center" wrap>
            <Button
              loading={freeing}
              disabled={droppable.count === 0}
              onClick={() => void freeNow(days, droppable.count, droppable.bytes)}
              data-testid="free-space-now"
            >
              {t('freeNow')}
            </Button>
            <Typography.Text type="secondary" data-testid="attachment-usage-droppable">
              {droppable.count === 0 ? t('nothingToFree') : t('freeable', { count: droppable.count, size: formatBytes(droppable.bytes) })}
            </Typography.Text>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

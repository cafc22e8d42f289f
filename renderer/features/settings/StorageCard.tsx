import { Alert, Button, Card, Descriptions, Flex, Progress, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type PersistentStorageResult, requestPersistentStorage } from '../../db/persistentStorage';
import { defineStrings, useStrings } from '../../app/i18n';

const strings = defineStrings(
  {
    title: '存储状况',
    persistence: '持久存储',
    granted: '已开启：浏览器不会自动清除本机数据',
    denied: '未开启：磁盘空间紧张时，浏览器可能清除本机数据',
    unsupported: '此环境不支持持久存储',
    checking: '检查中…',
    request: '申请持久存储',
    usage: '已用空间',
    usageOf: '{used} / 共 {quota}',
    unknown: '无法获取',
    nearlyFull: '存储空间已用 {percent}%，即将用尽。请尽快同步并导出备份，再清理这台电脑的磁盘空间。',
  },
  {
    title: 'Storage',
    persistence: 'Persistent storage',
    granted: 'On: the browser will not clear the local data by itself',
    denied: 'Off: when the disk is nearly full the browser may clear the local data',
    unsupported: 'Persistent storage is not supported here',
    checking: 'Checking…',
    request: 'Request persistent storage',
    usage: 'Space used',
    usageOf: '{used} of {quota}',
    unknown: 'Not available',
    nearlyFull: 'Storage is {percent}% full and about to run out. Sync and export a backup soon, then free disk space on this computer.',
  },
);

/** Above this share of the quota the card warns. */
export const STORAGE_WARN_RATIO = 0.8;

type Persistence = PersistentStorageResult | 'checking';

interface Estimate {
  usage: number;
  quota: number;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

async function readPersistence(): Promise<PersistentStorageResult> {
  const storage = globalThis.navigator?.storage;
  if (!storage || typeof storage.persisted !== 'function') return 'unsupported';
  return (await storage.persisted()) ? 'granted' : 'denied';
}

async function readEstimate(): Promise<Estimate | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage || typeof storage.estimate !== 'function') return null;
  const e = await storage.estimate();
  return typeof e.usage === 'number' && typeof e.quota === 'number' && e.quota > 0 ? { usage: e.usage, quota: e.quota } : null;
}

/** Persistent-storage status, usage against quota, and a warning before the quota runs out. */
export function StorageCard() {
  const t = useStrings(strings);
  const [persistence, setPersistence] = useState<Persistence>('checking');
  const [estimate, setEstimate] = useState<Estimate | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([readPersistence(), readEstimate()]).then(([p, e]) => {
      if (cancelled) return;
      setPersistence(p);
      setEstimate(e);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const request = async () => {
    setPersistence(await requestPersistentStorage());
    setEstimate(await readEstimate());
  };

  const ratio = estimate ? estimate.usage / estimate.quota : 0;
  const percent = Math.min(100, Math.round(ratio * 1000) / 10);
  return (
    <Card title={t('title')} data-testid="storage-card">
      <Flex vertical gap={12}>
        {estimate && ratio > STORAGE_WARN_RATIO && (
          <Alert type="warning" showIcon title={t('nearlyFull', { percent })} data-testid="storage-warning" />
        )}
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('persistence')}>
            <Flex gap={8} align="center" wrap>
              <Tag
                color={persistence === 'granted' ? 'green' : persistence === 'denied' ? 'orange' : 'default'}
                data-testid="storage-persistence"
              >
                {t(persistence)}
              </Tag>
              {persistence === 'denied' && (
                <Button size="small" onClick={() => void request()}>
                  {t('request')}
                </Button>
              )}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('usage')}>
            {estimate === undefined ? (
              t('checking')
            ) : estimate === null ? (
              t('unknown')
            ) : (
              <Flex vertical style={{ width: '100%', maxWidth: 420 }}>
                <Progress percent={percent} status={ratio > STORAGE_WARN_RATIO ? 'exception' : 'normal'} showInfo={false} />
                <Typography.Text type="secondary" data-testid="storage-usage">
                  {t('usageOf', { used: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) })} · {percent}%
                </Typography.Text>
              </Flex>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Flex>
    </Card>
  );
}

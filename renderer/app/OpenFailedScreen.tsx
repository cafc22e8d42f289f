import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { BackupFailure, BackupResult } from '../../shared/backup/errors';
import { defineStrings, useMessages, useStrings } from './i18n';

const strings = defineStrings(
  {
    title: '无法打开本机数据库',
    intro: '这台电脑上本账号的数据库打不开了。数据库没有被删除，也不会被自动清空。',
    reason: '原因',
    versionHint: '这个数据库可能是较新版本的优抚工作台写的。请先安装最新版本再打开。',
    options: '可以重试；如果仍然打不开，可以从备份文件恢复。恢复会新建一个数据库，打不开的旧数据库原样保留，供技术人员检查。',
    retry: '重试',
    restoreTitle: '从备份恢复',
    chooseFile: '选择备份文件（.ydb）',
    noFile: '未选择文件',
    password: '备份密码',
    restore: '恢复',
    restoring: '正在校验并恢复…',
    unsynced: '恢复后，备份之后在这台电脑上做的、尚未同步的修改不在其中；已同步的数据会在下次同步时从服务器取回。',
  },
  {
    title: 'The local database cannot be opened',
    intro: "This account's database on this computer cannot be opened. Nothing has been deleted, and nothing will be wiped automatically.",
    reason: 'Reason',
    versionHint: 'A newer version of Youfu Desk may have written this database. Install the latest version first.',
    options:
      'Try again; if it still fails, restore a backup file. A restore creates a new database and keeps the unreadable one untouched for a technician to examine.',
    retry: 'Try again',
    restoreTitle: 'Restore from a backup',
    chooseFile: 'Choose a backup file (.ydb)',
    noFile: 'No file chosen',
    password: 'Backup password',
    restore: 'Restore',
    restoring: 'Checking and restoring…',
    unsynced:
      'Changes made on this computer after the backup and never synced are not in it; synced data comes back from the server at the next sync.',
  },
);

export interface OpenFailedScreenProps {
  /** The technical reason (shown small), or null when the title says it all. */
  message: string | null;
  /** IndexedDB refused the version (renderer/db/openFailure.ts): suggest installing the latest version. */
  newerVersion?: boolean;
  /** Overrides for a known cause, e.g. keys that do not match the data. */
  title?: string;
  intro?: string;
  onRetry: () => void;
  /** Restores the backup into a new database for this account and switches to it. */
  onRestore: (bytes: Uint8Array, password: string) => Promise<BackupResult<unknown>>;
}

/** Shown instead of the app when the account's database will not open: a clear message and a restore offer. */
export function OpenFailedScreen({ message, newerVersion = false, title, intro, onRetry, onRestore }: OpenFailedScreenProps) {
  const t = useStrings(strings);
  const { error } = useMessages();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BackupFailure | null>(null);

  const restore = async () => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const res = await onRestore(new Uint8Array(await file.arrayBuffer()), password);
      if (!res.ok) setFailure(res.error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Card style={{ maxWidth: 720, width: '100%' }} data-testid="db-open-failed">
        <Flex vertical gap={16}>
          <Alert
            type="error"
            showIcon
            title={title ?? t('title')}
            description={
              <Flex vertical gap={4}>
                <span>{intro ?? t('intro')}</span>
                {message !== null && (
                  <Typography.Text type="secondary">
                    {t('reason')}：
                    <Typography.Text code data-testid="db-open-failed-reason">
                      {message}
                    </Typography.Text>
                  </Typography.Text>
                )}
                {newerVersion && <span>{t('versionHint')}</span>}
              </Flex>
            }
          />
          <Typography.Text>{t('options')}</Typography.Text>
          <div>
            <Button onClick={onRetry} data-testid="db-open-retry">
              {t('retry')}
            </Button>
          </div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('restoreTitle')}
          </Typography.Title>
          <Flex gap={8} wrap align="center">
            <input
              ref={fileInput}
              type="file"
              accept=".ydb"
              aria-label={t('chooseFile')}
              data-testid="db-restore-file"
              style={{ display: 'none' }}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFailure(null);
              }}
            />
            <Button icon={<FolderOpenOutlined />} onClick={() => fileInput.current?.click()}>
              {t('chooseFile')}
            </Button>
            <Typography.Text type={file ? undefined : 'secondary'}>{file ? file.name : t('noFile')}</Typography.Text>
            <Input.Password
              style={{ width: 220 }}
              placeholder={t('password')}
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setFailure(null);
              }}
              autoComplete="off"
              data-testid="db-restore-password"
            />
            <Button
              type="primary"
              danger
              onClick={() => void restore()}
              disabled={!file || password === ''}
              loading={busy}
              data-testid="db-restore-submit"
            >
              {busy ? t('restoring') : t('restore')}
            </Button>
          </Flex>
          <Typography.Text type="secondary">{t('unsynced')}</Typography.Text>
          {failure && <Alert type="error" showIcon title={error(failure.code)} data-testid="db-restore-error" />}
        </Flex>
      </Card>
    </Flex>
  );
}

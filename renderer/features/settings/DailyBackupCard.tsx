import { Alert, App, Button, Card, Descriptions, Flex, Form, Modal, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppApi } from '../../../shared/ipc/appApi';
import type { BackupStatus } from '../../../shared/ipc/contract';
import { toShanghaiIso } from '../../../shared/calendar/shanghai';
import { NewBackupPasswordFields } from './BackupCard';
import { desktopApi } from '../../platform/desktop';
import { useDbSession } from '../../app/DbProvider';
import { defineStrings, useStrings } from '../../app/i18n';
import { runDailyBackup } from './dailyBackup';

const strings = defineStrings(
  {
    title: '每日自动备份',
    browserOnly: '每日自动备份只在桌面版中提供：浏览器不能定时把文件写到文件夹。请用上面的“导出备份”手动备份。',
    hint: '开启后，每天第一次使用时自动把本机数据（含未同步的修改）加密备份到所选文件夹，保留最近 14 份。',
    on: '已开启',
    off: '未开启',
    folder: '备份文件夹',
    last: '上次备份',
    never: '还没有备份',
    lastError: '上次失败原因',
    enable: '选择文件夹并开启',
    change: '更换文件夹或密码',
    disable: '关闭',
    now: '立即备份',
    passwordHint: '恢复时需要这个密码；它加密保存在本机，不会显示。',
    save: '开启每日备份',
    cancel: '取消',
    written: '已备份：{file}',
    folder_unwritable: '备份文件夹不存在或不能写入，请重新选择。',
    backup_not_configured: '每日备份未开启，或备份密码需要重新设置。',
    encryption_unavailable: '本机的系统钥匙串不可用，无法安全保存备份密码。',
    locked: '请先解锁。',
    failed: '备份失败（{code}）',
  },
  {
    title: 'Daily backup',
    browserOnly:
      'Daily backups are a desktop feature: a browser cannot write files to a folder on a schedule. Use "Export backup" above to back up by hand.',
    hint: 'When on, the first use of each day writes an encrypted backup of the local data (unsynced changes included) into the chosen folder; the last 14 are kept.',
    on: 'On',
    off: 'Off',
    folder: 'Backup folder',
    last: 'Last backup',
    never: 'No backup yet',
    lastError: 'Last failure',
    enable: 'Choose a folder and turn on',
    change: 'Change folder or password',
    disable: 'Turn off',
    now: 'Back up now',
    passwordHint: 'A restore needs this password; it is kept encrypted on this computer and never shown.',
    save: 'Turn on daily backups',
    cancel: 'Cancel',
    written: 'Backed up: {file}',
    folder_unwritable: 'The backup folder is missing or read-only; choose it again.',
    backup_not_configured: 'Daily backups are off, or the backup password must be set again.',
    encryption_unavailable: 'The system keychain is not available, so the backup password cannot be stored safely.',
    locked: 'Unlock first.',
    failed: 'The backup failed ({code})',
  },
);

type Translate = ReturnType<typeof useStrings<keyof typeof strings.zh>>;

function failureText(t: Translate, code: string): string {
  switch (code) {
    case 'folder_unwritable':
    case 'backup_not_configured':
    case 'encryption_unavailable':
    case 'locked':
      return t(code);
    default:
      return t('failed', { code });
  }
}

const shortTime = (iso: string): string => toShanghaiIso(new Date(iso)).slice(0, 16).replace('T', ' ');

function EnableDialog({
  api,
  folder,
  onClose,
  onSaved,
}: {
  api: AppApi;
  folder: string | null;
  onClose: () => void;
  onSaved: (s: BackupStatus) => void;
}) {
  const t = useStrings(strings);
  const [form] = Form.useForm<{ password: string; again: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async ({ password }: { password: string }) => {
    if (folder === null) return;
    setBusy(true);
    setFailure(null);
    const res = await api.backup.configure({ enabled: true, folder, password });
    setBusy(false);
    if (!res.ok) {
      setFailure(failureText(t, res.error.code));
      return;
    }
    onSaved(res.value);
  };
  return (
    <Modal open={folder !== null} title={t('title')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="daily-backup-form">
        <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('folder')}>
            <Typography.Text code>{folder}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <NewBackupPasswordFields testId="daily-backup-password" hint={t('passwordHint')} />
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="daily-backup-error" />}
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="daily-backup-save">
            {t('save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

function DesktopDailyBackup({ api }: { api: AppApi }) {
  const t = useStrings(strings);
  const { message } = App.useApp();
  const { db, user, serverId } = useDbSession();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (res: Awaited<ReturnType<AppApi['backup']['status']>>) => {
      if (res.ok) setStatus(res.value);
      else setFailure(failureText(t, res.error.code));
    },
    [t],
  );
  const refresh = async (): Promise<void> => show(await api.backup.status());

  useEffect(() => {
    let cancelled = false;
    void api.backup.status().then((res) => {
      if (!cancelled) show(res);
    });
    return () => {
      cancelled = true;
    };
  }, [api, show]);

  const backUpNow = async () => {
    setBusy(true);
    setFailure(null);
    const outcome = await runDailyBackup(api, { db, accountId: user.id, serverId }, new Date(), true);
    setBusy(false);
    if (outcome.kind === 'written') void message.success(t('written', { file: outcome.file }));
    if (outcome.kind === 'failed') setFailure(failureText(t, outcome.error.code));
    await refresh();
  };

  const choose = async () => {
    const res = await api.backup.chooseFolder();
    if (res.ok && res.value.folder !== null) setPicked(res.value.folder);
  };

  const turnOff = async () => {
    const res = await api.backup.configure({ enabled: false });
    if (res.ok) setStatus(res.value);
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      {status && (
        <Descriptions column={1} size="small" data-testid="daily-backup-status">
          <Descriptions.Item label={t('title')}>
            <Tag color={status.enabled ? 'green' : 'default'} data-testid="daily-backup-state">
              {status.enabled ? t('on') : t('off')}
            </Tag>
          </Descriptions.Item>
          {status.folder && (
            <Descriptions.Item label={t('folder')}>
              <Typography.Text code>{status.folder}</Typography.Text>
            </Descriptions.Item>
          )}
          {status.enabled && (
            <Descriptions.Item label={t('last')}>
              <span data-testid="daily-backup-last">
                {status.lastAt ? `${shortTime(status.lastAt)} · ${status.lastFile ?? ''}` : t('never')}
              </span>
            </Descriptions.Item>
          )}
          {status.lastError && (
            <Descriptions.Item label={t('lastError')}>
              <Typography.Text type="danger">{failureText(t, status.lastError)}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {failure && <Alert type="error" showIcon title={failure} data-testid="daily-backup-failure" />}
      <Flex gap={8} wrap>
        <Button type={status?.enabled ? 'default' : 'primary'} onClick={() => void choose()} data-testid="daily-backup-enable">
          {status?.enabled ? t('change') : t('enable')}
        </Button>
        {status?.enabled && (
          <Button onClick={() => void backUpNow()} loading={busy} data-testid="daily-backup-now">
            {t('now')}
          </Button>
        )}
        {status?.enabled && (
          <Button danger onClick={() => void turnOff()} data-testid="daily-backup-disable">
            {t('disable')}
          </Button>
        )}
      </Flex>
      <EnableDialog
        api={api}
        folder={picked}
        onClose={() => setPicked(null)}
        onSaved={(s) => {
          setPicked(null);
          setStatus(s);
          // The first backup right away, so the folder holds one from today.
          void backUpNow();
        }}
      />
    </Flex>
  );
}

/** Settings card: the desktop app's daily backups into a chosen folder. */
export function DailyBackupCard() {
  const t = useStrings(strings);
  const api = desktopApi();
  return (
    <Card title={t('title')} data-testid="daily-backup-card">
      {api ? (
        <DesktopDailyBackup api={api} />
      ) : (
        <Typography.Text type="secondary" data-testid="daily-backup-browser">
          {t('browserOnly')}
        </Typography.Text>
      )}
    </Card>
  );
}

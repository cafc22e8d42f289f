import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { BackupFailure } from '../../../shared/backup/errors';
import { MIN_BACKUP_PASSWORD_LENGTH } from '../../../shared/backup/format';
import { exportBackup } from '../../db/backup/exportBackup';
import { type PreparedRestore, applyRestore, prepareRestore } from '../../db/backup/restoreBackup';
import { toShanghaiIso } from '../../../shared/calendar/shanghai';
import { useDbSession } from '../../app/DbProvider';
import { defineStrings, useMessages, useStrings } from '../../app/i18n';
import { formatBytes } from './StorageCard';

const strings = defineStrings(
  {
    title: '备份与恢复',
    hint: '备份文件包含本机全部数据（含尚未同步的修改），用备份密码加密。请把文件和密码分开保存。',
    photosLeftOut:
      '备份包含照片与材料的记录、全部缩略图和尚未上传的原件；已上传到服务器的原件不在备份中，恢复后打开时从服务器重新下载（需联网）。恢复时逐个核对文件校验值。',
    export: '导出备份',
    exportTitle: '导出加密备份',
    password: '备份密码',
    passwordAgain: '再次输入备份密码',
    passwordTooShort: '备份密码至少 {n} 位',
    passwordMismatch: '两次输入的密码不一致',
    exportOk: '备份已导出：{name}（{size}）',
    exporting: '正在加密…',
    restore: '从备份恢复',
    chooseFile: '选择备份文件（.ydb）',
    noFile: '未选择文件',
    check: '检查备份',
    checking: '正在校验…',
    backupOf: '备份的数据库',
    createdAt: '备份时间',
    rows: '记录数',
    rowsValue: '服务对象 {recipients}，走访 {visits}，帮扶 {aid}，诉求 {requests}，待同步 {outbox}',
    replaceWarning: '恢复将用备份中的数据替换这台电脑上本账号的全部本机数据（包括尚未同步的修改）。此操作不能撤销。',
    confirmRestore: '确认恢复',
    cancel: '取消',
    restoreOk: '已从备份恢复：服务对象 {recipients} 条，待同步修改 {outbox} 条',
  },
  {
    title: 'Backup and restore',
    hint: 'A backup file holds all local data (unsynced changes included), encrypted with a backup password. Keep the file and the password apart.',
    photosLeftOut:
      'A backup holds the records of photos and documents, every thumbnail and the originals not uploaded yet. Originals already on the server are left out: after a restore they download again when opened (needs the network). A restore checks every file against its checksum.',
    export: 'Export backup',
    exportTitle: 'Export an encrypted backup',
    password: 'Backup password',
    passwordAgain: 'Backup password again',
    passwordTooShort: 'The backup password needs at least {n} characters',
    passwordMismatch: 'The two passwords differ',
    exportOk: 'Backup exported: {name} ({size})',
    exporting: 'Encrypting…',
    restore: 'Restore from backup',
    chooseFile: 'Choose a backup file (.ydb)',
    noFile: 'No file chosen',
    check: 'Check backup',
    checking: 'Checking…',
    backupOf: 'Database backed up',
    createdAt: 'Backed up at',
    rows: 'Records',
    rowsValue: '{recipients} recipients, {visits} visits, {aid} aid, {requests} requests, {outbox} unsynced',
    replaceWarning:
      'Restoring replaces ALL local data of this account on this computer (unsynced changes included) with the backup. This cannot be undone.',
    confirmRestore: 'Restore now',
    cancel: 'Cancel',
    restoreOk: 'Restored from the backup: {recipients} recipients, {outbox} unsynced changes',
  },
);

/** `youfu-backup-2026-11-28.ydb`, dated by the Shanghai calendar day. */
export function backupFileName(now: Date): string {
  return `youfu-backup-${toShanghaiIso(now).slice(0, 10)}.ydb`;
}

function download(bytes: Uint8Array<ArrayBuffer>, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A new backup password typed twice (form fields `password` and `again`), as the manual export
 * and the daily backup ask for it; test ids `<testId>` and `<testId>-again`.
 */
export function NewBackupPasswordFields({ testId, hint }: { testId: string; hint?: string }) {
  const t = useStrings(strings);
  return (
    <>
      <Form.Item
        name="password"
        label={t('password')}
        extra={hint}
        rules={[{ required: true, min: MIN_BACKUP_PASSWORD_LENGTH, message: t('passwordTooShort', { n: MIN_BACKUP_PASSWORD_LENGTH }) }]}
      >
        <Input.Password autoComplete="new-password" data-testid={testId} />
      </Form.Item>
      <Form.Item
        name="again"
        label={t('passwordAgain')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('passwordMismatch') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: unknown) =>
              value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testId}-again`} />
      </Form.Item>
    </>
  );
}

function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useStrings(strings);
  const { error } = useMessages();
  const { message } = App.useApp();
  const { db, user, serverId } = useDbSession();
  const [form] = Form.useForm<{ password: string; again: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BackupFailure | null>(null);

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await exportBackup(db, password, { accountId: user.id, serverId });
      if (!r.ok) {
        setFailure(r.error);
        return;
      }
      const name = backupFileName(new Date());
      download(r.value, name);
      void message.success(t('exportOk', { name, size: formatBytes(r.value.length) }));
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('exportTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="backup-export-form">
        <Alert type="info" showIcon title={t('photosLeftOut')} style={{ marginBottom: 16 }} data-testid="backup-photos-left-out" />
        <NewBackupPasswordFields testId="backup-export-password" />
        {failure && <Alert type="error" showIcon title={error(failure.code)} style={{ marginBottom: 16 }} />}
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="backup-export-submit">
            {busy ? t('exporting') : t('export')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

function RestorePanel() {
  const t = useStrings(strings);
  const { error } = useMessages();
  const { message } = App.useApp();
  const { db, user } = useDbSession();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BackupFailure | null>(null);
  const [prepared, setPrepared] = useState<PreparedRestore | null>(null);

  const reset = () => {
    setPrepared(null);
    setFailure(null);
  };

  const check = async () => {
    if (!file) return;
    setBusy(true);
    reset();
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // The same account's backup from another server name is accepted only into an empty database.
      const r = await prepareRestore(db, bytes, password, { accountId: user.id, allowSameAccountFreshProfile: true });
      if (r.ok) setPrepared(r.value);
      else setFailure(r.error);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!prepared) return;
    setBusy(true);
    try {
      const r = await applyRestore(db, prepared);
      if (!r.ok) {
        setFailure(r.error);
        setPrepared(null);
        return;
      }
      void message.success(t('restoreOk', { recipients: r.value.recipients, outbox: r.value.outbox }));
      setPrepared(null);
      setFile(null);
      setPassword('');
      if (fileInput.current) fileInput.current.value = '';
    } finally {
      setBusy(false);
    }
  };

  const counts = prepared?.header.counts;
  return (
    <Flex vertical gap={12} data-testid="backup-restore">
      <Typography.Text strong>{t('restore')}</Typography.Text>
      <Flex gap={8} wrap align="center">
        <input
          ref={fileInput}
          type="file"
          accept=".ydb"
          aria-label={t('chooseFile')}
          data-testid="backup-restore-file"
          style={{ display: 'none' }}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            reset();
          }}
        />
        <Button icon={<FolderOpenOutlined />} onClick={() => fileInput.current?.click()} data-testid="backup-restore-choose">
          {t('chooseFile')}
        </Button>
        <Typography.Text type={file ? undefined : 'secondary'} data-testid="backup-restore-filename">
          {file ? file.name : t('noFile')}
        </Typography.Text>
        <Input.Password
          style={{ width: 220 }}
          placeholder={t('password')}
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            reset();
          }}
          autoComplete="off"
          data-testid="backup-restore-password"
        />
        <Button
          onClick={() => void check()}
          disabled={!file || password === ''}
          loading={busy && !prepared}
          data-testid="backup-restore-check"
        >
          {busy && !prepared ? t('checking') : t('check')}
        </Button>
      </Flex>
      {failure && <Alert type="error" showIcon title={error(failure.code)} data-testid="backup-restore-error" />}
      {prepared && counts && (
        <Alert
          type="warning"
          showIcon
          data-testid="backup-restore-preview"
          title={t('replaceWarning')}
          description={
            <Flex vertical gap={8}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('createdAt')}>
                  <span data-testid="backup-preview-date">
                    {toShanghaiIso(new Date(prepared.header.createdAt)).slice(0, 16).replace('T', ' ')}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('backupOf')}>
                  <Typography.Text code>{prepared.header.databaseName}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('rows')}>
                  <span data-testid="backup-preview-counts">
                    {t('rowsValue', {
                      recipients: counts.recipients ?? 0,
                      visits: counts.visits ?? 0,
                      aid: counts.aid ?? 0,
                      requests: counts.requests ?? 0,
                      outbox: counts.outbox ?? 0,
                    })}
                  </span>
                </Descriptions.Item>
              </Descriptions>
              <Flex gap={8}>
                <Button danger type="primary" loading={busy} onClick={() => void apply()} data-testid="backup-restore-confirm">
                  {t('confirmRestore')}
                </Button>
                <Button onClick={reset} disabled={busy}>
                  {t('cancel')}
                </Button>
              </Flex>
            </Flex>
          }
        />
      )}
    </Flex>
  );
}

/** Export an encrypted backup file of the whole local database, and restore one after checking it. */
export function BackupCard() {
  const t = useStrings(strings);
  const [exporting, setExporting] = useState(false);
  return (
    <Card title={t('title')} data-testid="backup-card">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        <div>
          <Button type="primary" onClick={() => setExporting(true)} data-testid="backup-export">
            {t('export')}
          </Button>
        </div>
        <ExportDialog open={exporting} onClose={() => setExporting(false)} />
        <RestorePanel />
      </Flex>
    </Card>
  );
}

import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AppApi } from '../../../shared/ipc/appApi';
import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { refreshDesktopStatus } from '../../platform/desktopAuth';
import { signOutSession } from '../../platform/session';
import { useMessages, useStrings } from '../i18n';
import { lockStrings } from './strings';

type LockKey = keyof typeof lockStrings.zh;

function failureKey(code: IpcErrorCode): LockKey | null {
  if (code === 'unauthorized') return 'wrongPassword';
  if (code === 'locked_out') return 'lockedOut';
  if (code === 'offline_unlock_unavailable') return 'unavailable';
  return null;
}

/**
 * Shown while main reports the session locked. Nothing personal is rendered (no name, no
 * station, no list): the account's database is not even open. The password unlocks offline
 * against the verifier main stored at the last online sign-in.
 */
export function LockScreen({ api, username }: { api: AppApi; username: string | null }) {
  const t = useStrings(lockStrings);
  const { msg, error } = useMessages();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ password }: { password: string }): Promise<void> => {
    if (!username) {
      setFailure(t('unavailable'));
      return;
    }
    setBusy(true);
    setFailure(null);
    const res = await api.auth.unlock({ username, password });
    setBusy(false);
    if (!res.ok) {
      const key = failureKey(res.error.code);
      setFailure(key ? t(key) : error(res.error.code));
      return;
    }
    await refreshDesktopStatus(api);
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: '96px 16px' }} data-testid="lock-screen">
      <Card style={{ width: '100%', maxWidth: 400, alignSelf: 'flex-start' }}>
        <Typography.Title level={3} style={{ margin: 0, color: '#b71c1c' }}>
          {msg('app.title')}
        </Typography.Title>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          <LockOutlined /> {t('locked')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <Form<{ password: string }> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} disabled={busy}>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus data-testid="unlock-password" />
          </Form.Item>
          {failure && (
            <Alert
              type="error"
              showIcon
              title={t('failed')}
              description={failure}
              style={{ marginBottom: 16 }}
              data-testid="unlock-error"
            />
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="unlock-submit">
            {t('unlock')}
          </Button>
        </Form>
        <Button type="link" style={{ marginTop: 12, paddingLeft: 0 }} onClick={() => void signOutSession()} data-testid="lock-sign-out">
          {t('signOut')}
        </Button>
      </Card>
    </Flex>
  );
}

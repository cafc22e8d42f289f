import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Locale } from '../../../shared/domain/labels';
import { desktopApi, isDesktop } from '../../platform/desktop';
import { signInOnline } from '../../platform/session';
import { useMessages, useStrings } from '../i18n';
import { navigate } from '../router';
import { useAppStore } from '../store';
import { loginStrings } from './strings';

interface Credentials {
  username: string;
  password: string;
}

/** A device id for this browser profile, so the server can tell a user's devices apart. */
function deviceId(): string {
  const key = 'youfu-desk.deviceId';
  let id = localStorage.getItem(key);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(key, id);
  }
  return id;
}

const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

/**
 * Whether the central server runs on this computer (`npm start`): then the sign-in screen
 * lists the demo accounts. The browser shell reaches it same-origin; in Electron main knows it.
 */
function useIsLocalServer(): boolean {
  const [local, setLocal] = useState(() => !isDesktop() && LOCAL_HOSTS.includes(window.location.hostname));
  useEffect(() => {
    const api = desktopApi();
    if (!api) return;
    let live = true;
    void api.app.info().then((res) => {
      if (live && res.ok && URL.canParse(res.value.serverOrigin)) setLocal(LOCAL_HOSTS.includes(new URL(res.value.serverOrigin).hostname));
    });
    return () => {
      live = false;
    };
  }, []);
  return local;
}

/** The first, online sign-in to the central server. */
export function LoginScreen() {
  const t = useStrings(loginStrings);
  const { msg, error } = useMessages();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const signIn = useAppStore((s) => s.signIn);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const isLocalServer = useIsLocalServer();

  const submit = async ({ username, password }: Credentials): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const res = await signInOnline({ username: username.trim(), password, deviceId: deviceId() });
    setBusy(false);
    if (!res.ok) {
      setFailure(res.error.code === 'unauthorized' ? error('invalid_credentials') : error(res.error.code));
      return;
    }
    signIn(res.value);
    navigate('/today');
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: '64px 16px' }} data-testid="login-screen">
      <Card style={{ width: '100%', maxWidth: 460, alignSelf: 'flex-start' }}>
        <Flex justify="space-between" align="flex-start" gap={16}>
          <div>
            <Typography.Title level={2} style={{ margin: 0, color: '#b71c1c' }}>
              {msg('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{msg('app.subtitle')}</Typography.Text>
          </div>
          <Segmented<Locale>
            value={locale}
            onChange={setLocale}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'English', value: 'en' },
            ]}
          />
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <Form<Credentials> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} disabled={busy}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {failure && (
            <Alert type="error" showIcon title={t('failed')} description={failure} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
            {t('signIn')}
          </Button>
        </Form>
        {isLocalServer && <Alert type="info" showIcon style={{ marginTop: 20 }} title={t('demoHint')} data-testid="login-demo-hint" />}
        {/* The offline demo generates data in the browser shell; the desktop app signs in to its local demo server instead. */}
        {!isDesktop() && (
          <Button type="link" style={{ marginTop: 12, paddingLeft: 0 }} onClick={() => navigate('/demo')} data-testid="login-offline-demo">
            {t('offlineDemo')}
          </Button>
        )}
      </Card>
    </Flex>
  );
}

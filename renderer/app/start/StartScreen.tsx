import { DatabaseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useLiveQuery } from '../../db/live';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Locale } from '../../../shared/domain/labels';
import { useMessages, useStrings } from '../i18n';
import { navigate, useRoute } from '../router';
import { useAppStore } from '../store';
import { useToday } from '../useToday';
import { AccountChoice } from './AccountChoice';
import { LOCAL_DEMO_SERVER_ID } from '../localDemo';
import { type DemoAccountKey, demoAccount, isDemoAccountKey, sessionUserOf } from './demoAccounts';
import { demoRecipientCount } from './loadDemo';
import { startStrings } from './strings';
import { useDemoLoad } from './useDemoLoad';
import { LoadProgressView } from './LoadProgressView';
import { LoginIcon } from './LoginIcon';

const SIZES = [500, 2000, 10_000, 50_000] as const;

function LanguageSwitch() {
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  return (
    <Segmented<Locale>
      value={locale}
      onChange={setLocale}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
      data-testid="start-language"
    />
  );
}

/**
 * Before any server sign-in exists: load demo data into this computer and act as a demo
 * account. `#/…?demoRecipients=N&demoAccount=caseworker` does the same without clicks, for
 * tests and demos (`&demoHistory=0`: recipients only, for caseload scale checks; `&demoHistoryMonths=N`:
 * only the last N months of history, for the benchmarks' district-scale app); it only
 * ever loads demo data into the local demo database.
 */
export function StartScreen() {
  const t = useStrings(startStrings);
  const { msg } = useMessages();
  const route = useRoute();
  const today = useToday();
  const signIn = useAppStore((s) => s.signIn);
  const [accountKey, setAccountKey] = useState<DemoAccountKey>('caseworker');
  const [size, setSize] = useState<number>(2000);
  const [refresh, setRefresh] = useState(0);
  const { state, start } = useDemoLoad();
  const existing = useLiveQuery(() => demoRecipientCount(demoAccount(accountKey)), [accountKey, refresh]);
  const busy = state.kind === 'loading';

  const enter = (key: DemoAccountKey): void => {
    const a = demoAccount(key);
    signIn({ user: sessionUserOf(a), scopes: [a.stationCode], serverId: LOCAL_DEMO_SERVER_ID });
  };

  const loadAndEnter = async (key: DemoAccountKey, n: number, history = true, historyMonths?: number): Promise<void> => {
    const ok = await start(demoAccount(key), n, today, history, historyMonths);
    setRefresh((r) => r + 1);
    if (ok) enter(key);
  };

  // The explicit URL option for tests: runs once per page load.
  const autoStarted = useRef(false);
  const autoStart = useEffectEvent(() => {
    const n = Number(route.query.get('demoRecipients'));
    if (autoStarted.current || !Number.isInteger(n) || n <= 0) return;
    autoStarted.current = true;
    const accountParam = route.query.get('demoAccount');
    const key = isDemoAccountKey(accountParam) ? accountParam : 'caseworker';
    setAccountKey(key);
    setSize(n);
    const months = Number(route.query.get('demoHistoryMonths'));
    const historyMonths = Number.isInteger(months) && months > 0 ? months : undefined;
    void loadAndEnter(key, n, route.query.get('demoHistory') !== '0', historyMonths).then(() => navigate(route.path));
  });
  const routeKey = `${route.path}?${route.query.toString()}`;
  useEffect(() => {
    autoStart();
  }, [routeKey]);

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: '48px 16px' }} data-testid="start-screen">
      <Card style={{ width: '100%', maxWidth: 860, alignSelf: 'flex-start' }}>
        <Flex justify="space-between" align="flex-start" gap={16}>
          <div>
            <Typography.Title level={2} style={{ margin: 0, color: '#b71c1c' }}>
              {msg('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{msg('app.subtitle')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          {t('welcome')}
        </Typography.Title>
        <Alert type="info" showIcon title={t('intro')} style={{ marginBottom: 20 }} />
        <Typography.Title level={5}>{t('chooseAccount')}</Typography.Title>
        <AccountChoice value={accountKey} onChange={setAccountKey} refresh={refresh} disabled={busy} />
        <Flex align="center" gap={12} wrap style={{ marginTop: 20 }}>
          <Typography.Text>{t('size')}</Typography.Text>
          <Segmented<number>
            value={size}
            onChange={setSize}
            disabled={busy}
            options={SIZES.map((n) => ({ value: n, label: t('people', { n: n.toLocaleString('en-US') }) }))}
            data-testid="demo-size"
          />
        </Flex>
        <Flex gap={12} wrap style={{ marginTop: 20 }}>
          {existing !== undefined && existing > 0 && (
            <Button type="primary" size="large" icon={<LoginIcon />} disabled={busy} onClick={() => enter(accountKey)} data-testid="enter">
              {t('enter')}
            </Button>
          )}
          <Button
            type={existing ? 'default' : 'primary'}
            size="large"
            icon={<DatabaseOutlined />}
            loading={busy}
            onClick={() => void loadAndEnter(accountKey, size)}
            data-testid="load-demo"
          >
            {existing ? t('reload') : t('load')}
          </Button>
        </Flex>
        <LoadProgressView state={state} />
      </Card>
    </Flex>
  );
}

// First: before any zod schema is built (see zodJitless.ts).
import './zodJitless';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { translate } from '../../shared/i18n/messages';
import type { SessionInfo } from '../../shared/ipc/contract';
import { desktopApi } from '../platform/desktop';
import { DbProvider } from './DbProvider';
import { DesktopSessionRoot } from './lock/DesktopSessionRoot';
import { LoginScreen } from './login/LoginScreen';
import { useRoute } from './router';
import { useLocale } from './i18n';
import { DailyBackupRuntime } from '../features/settings';
import { Shell } from './Shell';
import { lendNonceToHeadStyles, pageStyleNonce } from './styleNonce';
import { StartScreen } from './start/StartScreen';
import { SyncRuntime } from '../features/sync';
import { ReminderRuntime } from '../features/reminders';
import { useAppStore } from './store';
import { appTheme } from './theme';

function SignedInShell({ user, scopes, serverId }: Pick<SessionInfo, 'user' | 'scopes' | 'serverId'>) {
  return (
    <DbProvider key={`${serverId}/${user.id}`} user={user} scopes={scopes} serverId={serverId}>
      <SyncRuntime />
      <DailyBackupRuntime />
      <ReminderRuntime />
      <Shell />
    </DbProvider>
  );
}

/** In Electron main owns the session; in the browser shell the persisted UI store does. */
function SessionRoot() {
  const api = desktopApi();
  return api ? <DesktopSessionRoot api={api} shell={(s) => <SignedInShell {...s} />} /> : <BrowserSessionRoot />;
}

function BrowserSessionRoot() {
  const user = useAppStore((s) => s.user);
  const scopes = useAppStore((s) => s.scopes);
  const serverId = useAppStore((s) => s.serverId);
  const route = useRoute();
  if (!user || !serverId) {
    // Signing in to the central server is the way in; the offline demo is one link away.
    const demo = route.path === '/demo' || route.query.has('demoRecipients');
    return demo ? <StartScreen /> : <LoginScreen />;
  }
  return <SignedInShell user={user} scopes={scopes} serverId={serverId} />;
}

/** Read once: the nonce belongs to this page load (a reload brings a new page and a new one). */
const STYLE_NONCE = pageStyleNonce();
const CSP = STYLE_NONCE === undefined ? undefined : { nonce: STYLE_NONCE };
if (STYLE_NONCE !== undefined) lendNonceToHeadStyles(document.head, STYLE_NONCE);

export function App() {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(locale, 'app.title');
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={appTheme} csp={CSP}>
      <AntApp>
        <SessionRoot />
      </AntApp>
    </ConfigProvider>
  );
}

import { Flex, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import type { AppApi } from '../../../shared/ipc/appApi';
import type { AuthStatus, SessionInfo } from '../../../shared/ipc/contract';
import { followDesktopAuth, useDesktopAuth } from '../../platform/desktopAuth';
import { LoginScreen } from '../login/LoginScreen';
import { useAppStore } from '../store';
import { LockScreen } from './LockScreen';

/** The UI store follows main, before React renders the new state. */
function followInStore(status: AuthStatus): void {
  const store = useAppStore.getState();
  if (status.state === 'unlocked' && status.session) {
    const { user, scopes, serverId } = status.session;
    if (store.user?.id !== user.id || store.serverId !== serverId) store.signIn({ user, scopes, serverId });
  } else if (status.state === 'signed_out' && store.user) {
    store.signOut();
  }
}

/**
 * Inside Electron main owns the session: signed out shows the sign-in, locked shows the lock
 * screen (the account's database stays closed), unlocked shows the shell.
 */
export function DesktopSessionRoot({ api, shell }: { api: AppApi; shell: (session: SessionInfo) => ReactNode }) {
  const status = useDesktopAuth((s) => s.status);
  useEffect(() => followDesktopAuth(api, followInStore), [api]);
  if (!status) {
    return (
      <Flex justify="center" style={{ padding: 96 }}>
        <Spin />
      </Flex>
    );
  }
  if (status.state === 'locked') return <LockScreen api={api} username={status.lastUsername} />;
  if (status.state === 'unlocked' && status.session) return shell(status.session);
  return <LoginScreen />;
}

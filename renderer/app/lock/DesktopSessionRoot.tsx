import { Flex, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import type { AppApi } from '../../../shared/ipc/appApi';
import type { SessionInfo } from '../../../shared/ipc/contract';
import { followDesktopAuth, useDesktopAuth } from '../../platform/desktopAuth';
import { LoginScreen } from '../login/LoginScreen';
import { LockScreen } from './LockScreen';

/**
 * Inside Electron main owns the session: signed out shows the sign-in, locked shows the lock
 * screen (the account's database stays closed), unlocked shows the shell.
 */
export function DesktopSessionRoot({ api, shell }: { api: AppApi; shell: (session: SessionInfo) => ReactNode }) {
  const status = useDesktopAuth((s) => s.status);
  useEffect(() => followDesktopAuth(api), [api]);
  if (!status) {
    return <Flex justify="center" style={{ padding: 96 }}><Spin /></Flex>;
  }
  if (status.state === 'locked') return <LockScreen api={api} username={status.lastUsername} />;
  if (status.state === 'unlocked' && status.session) return shell(status.session);
  return <LoginScreen />;
}

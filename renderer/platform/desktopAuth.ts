import { create } from 'zustand';
import type { AppApi } from '../../shared/ipc/appApi';
import type { AuthStatus } from '../../shared/ipc/contract';
import { useAppStore } from '../app/store';

interface DesktopAuthState {
  /** Main's session state; null until the first answer. */
  status: AuthStatus | null;
}

/** Main's signed-out / locked / unlocked state, as the desktop renderer last heard it. */
export const useDesktopAuth = create<DesktopAuthState>()(() => ({ status: null }));

function apply(status: AuthStatus): void {
  // The UI store follows main, before React renders the new state.
  const store = useAppStore.getState();
  if (status.state === 'unlocked' && status.session) {
    const { user, scopes, serverId } = status.session;
    if (store.user?.id !== user.id || store.serverId !== serverId) store.signIn({ user, scopes, serverId });
  } else if (status.state === 'signed_out' && store.user) {
    store.signOut();
  }
  useDesktopAuth.setState({ status });
}

export async function refreshDesktopStatus(api: AppApi): Promise<void> {
  const res = await api.auth.status();
  if (res.ok) apply(res.value);
}

/** Follows main's session state (idle lock, menu, logout); returns the unsubscribe. */
export function followDesktopAuth(api: AppApi): () => void {
  const off = api.auth.onChanged(apply);
  void refreshDesktopStatus(api);
  return off;
}

import { create } from 'zustand';
import type { AppApi } from '../../shared/ipc/appApi';
import type { AuthStatus } from '../../shared/ipc/contract';

interface DesktopAuthState {
  /** Main's session state; null until the first answer. */
  status: AuthStatus | null;
}

/** Main's signed-out / locked / unlocked state, as the desktop renderer last heard it. */
export const useDesktopAuth = create<DesktopAuthState>()(() => ({ status: null }));

/** Hears each status before React renders it; the shell's session store follows main through it. */
export type DesktopStatusFollower = (status: AuthStatus) => void;

let follower: DesktopStatusFollower | null = null;

function apply(status: AuthStatus): void {
  follower?.(status);
  useDesktopAuth.setState({ status });
}

export async function refreshDesktopStatus(api: AppApi): Promise<void> {
  const res = await api.auth.status();
  if (res.ok) apply(res.value);
}

/**
 * Follows main's session state (idle lock, menu, logout); `onStatus` hears every status first
 * (platform/ does not know the shell's store). Returns the unsubscribe.
 */
export function followDesktopAuth(api: AppApi, onStatus: DesktopStatusFollower): () => void {
  follower = onStatus;
  const off = api.auth.onChanged(apply);
  void refreshDesktopStatus(api);
  return () => {
    off();
    if (follower === onStatus) follower = null;
  };
}

import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Locale } from '../../shared/domain/labels';
import type { SessionUser } from '../../shared/sync/protocol';

/**
 * UI and session state only: persisted data lives in Dexie and is read with useLiveQuery.
 * One store made of slices; middleware at the root.
 */
export interface LocaleSlice {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export interface SessionSlice {
  /** The signed-in person; null shows the sign-in / demo screen. */
  user: SessionUser | null;
  scopes: string[];
  /** Which local database belongs to this account and server. */
  serverId: string | null;
  signIn: (session: { user: SessionUser; scopes: string[]; serverId: string }) => void;
  signOut: () => void;
}

export type AppState = LocaleSlice & SessionSlice;

export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      locale: 'zh',
      setLocale: (locale) => set({ locale }),
      user: null,
      scopes: [],
      serverId: null,
      signIn: ({ user, scopes, serverId }) => set({ user, scopes, serverId }),
      signOut: () => set({ user: null, scopes: [], serverId: null }),
    }),
    { name: 'youfu-desk-ui', version: 1 },
  ),
);

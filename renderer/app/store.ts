import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { CategoryCode, LivingSituation } from '../../shared/domain/enums';
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

/** The caseload's search and filters survive a trip to a profile and back (not persisted). */
export interface CaseloadFilters {
  text: string;
  categories: CategoryCode[];
  streetCode: string | null;
  communityCode: string | null;
  livingSituation: LivingSituation[];
  due: 'overdue' | 'due_soon' | null;
  dedicatedStaffId: string | null;
  sortByNextDue: boolean;
}

export const EMPTY_CASELOAD_FILTERS: CaseloadFilters = {
  text: '',
  categories: [],
  streetCode: null,
  communityCode: null,
  livingSituation: [],
  due: null,
  dedicatedStaffId: null,
  sortByNextDue: true,
};

export interface CaseloadSlice {
  caseload: CaseloadFilters;
  setCaseload: (patch: Partial<CaseloadFilters>) => void;
}

export type AppState = LocaleSlice & SessionSlice & CaseloadSlice;

export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      locale: 'zh',
      setLocale: (locale) => set({ locale }),
      user: null,
      scopes: [],
      serverId: null,
      signIn: ({ user, scopes, serverId }) => set({ user, scopes, serverId }),
      signOut: () => set({ user: null, scopes: [], serverId: null, caseload: EMPTY_CASELOAD_FILTERS }),
      caseload: EMPTY_CASELOAD_FILTERS,
      setCaseload: (patch) => set((s) => ({ caseload: { ...s.caseload, ...patch } })),
    }),
    {
      name: 'youfu-desk-ui',
      version: 1,
      partialize: (s) => ({ locale: s.locale, user: s.user, scopes: s.scopes, serverId: s.serverId }),
    },
  ),
);

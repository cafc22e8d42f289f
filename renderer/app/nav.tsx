import {
  AuditOutlined,
  SafetyCertificateOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  FileExcelOutlined,
  MessageOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { appStrings } from './appStrings';

type AppStringKey = keyof typeof appStrings.zh;

export interface NavItem {
  key: string;
  path: string;
  label: AppStringKey;
  icon: ReactNode;
  /** Only for people who serve heroes one-on-one. */
  heroesOnly?: boolean;
  /** Only for district supervisors and the city administrator. */
  supervisorsOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'today', path: '/today', label: 'navToday', icon: <CalendarOutlined /> },
  { key: 'caseload', path: '/caseload', label: 'navCaseload', icon: <TeamOutlined /> },
  { key: 'heroes', path: '/heroes', label: 'navHeroes', icon: <TrophyOutlined />, heroesOnly: true },
  { key: 'requests', path: '/requests', label: 'navRequests', icon: <MessageOutlined /> },
  { key: 'review', path: '/review', label: 'navReview', icon: <AuditOutlined />, supervisorsOnly: true },
  { key: 'quality', path: '/quality', label: 'navQuality', icon: <SafetyCertificateOutlined />, supervisorsOnly: true },
  { key: 'ledger', path: '/ledger', label: 'navLedger', icon: <FileExcelOutlined /> },
  { key: 'sync', path: '/sync', label: 'navSync', icon: <CloudSyncOutlined /> },
  { key: 'settings', path: '/settings', label: 'navSettings', icon: <SettingOutlined /> },
];

/** Which navigation entry a route belongs to (a profile or a visit form sits under Caseload). */
export function navKeyOf(firstSegment: string | undefined): string {
  switch (firstSegment) {
    case 'recipients':
    case 'visit':
      return 'caseload';
    case undefined:
      return 'today';
    default:
      return firstSegment;
  }
}

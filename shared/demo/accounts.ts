import type { StaffRole } from '../domain/enums';

/**
 * The fixed "today" of the demo data. The data set is a picture of one day, so that the same
 * arguments give the same bytes whatever the wall clock says; pass another date to move it.
 */
export const DEMO_TODAY = '2026-11-28';

/** The community station of the demo caseworker and the demo hero (园岭街道, 福田区). */
export const DEMO_STREET_CODE = '440304001';
export const DEMO_COMMUNITY_CODE = '440304001001';

/** The demo hero's monthly home visit is this many days overdue on `today`. */
export const DEMO_HERO_OVERDUE_DAYS = 10;

export interface DemoAccount {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  stationCode: string;
  phone: string;
}

/**
 * Accounts the server, the e2e tests and a person trying the app can rely on, whatever the
 * seed and the number of recipients. Their ids are constants (not drawn from the seed) so a
 * test can name them directly. Passwords belong to the server's demo loader, not to these rows.
 */
export const DEMO_ACCOUNTS = {
  admin: {
    id: '00000000-0000-4000-8000-00000000d001',
    username: 'demo-admin',
    name: '林建华',
    role: 'city_admin',
    stationCode: '4403',
    phone: '13800000001',
  },
  supervisor: {
    id: '00000000-0000-4000-8000-00000000d002',
    username: 'demo-supervisor',
    name: '黄志强',
    role: 'district_supervisor',
    stationCode: '440304',
    phone: '13800000002',
  },
  caseworker: {
    id: '00000000-0000-4000-8000-00000000d003',
    username: 'demo-caseworker',
    name: '李晓敏',
    role: 'caseworker',
    stationCode: DEMO_COMMUNITY_CODE,
    phone: '13800000003',
  },
  hero: {
    id: '00000000-0000-4000-8000-00000000d004',
    username: 'demo-hero',
    name: '王海军',
    role: 'dedicated_staff',
    stationCode: DEMO_COMMUNITY_CODE,
    phone: '13800000004',
  },
} as const satisfies Record<string, DemoAccount>;

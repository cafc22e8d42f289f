export { DEMO_ACCOUNTS, DEMO_COMMUNITY_CODE, DEMO_HERO_OVERDUE_DAYS, DEMO_STREET_CODE, DEMO_TODAY } from './accounts';
export type { DemoAccount } from './accounts';
export { HISTORY_YEARS, generateDemoRows } from './generator';
export type { DemoOptions } from './generator';
export { DEMO_TABLES } from './types';
export type { DemoRow, DemoRowOf, DemoTable } from './types';

import { DEMO_ACCOUNTS, type DemoAccount } from '../../../shared/demo';
import type { SessionUser } from '../../../shared/sync/protocol';

export type DemoAccountKey = 'caseworker' | 'hero' | 'supervisor';

export const DEMO_ACCOUNT_KEYS: readonly DemoAccountKey[] = ['caseworker', 'hero', 'supervisor'];

export function demoAccount(key: DemoAccountKey): DemoAccount {
  return DEMO_ACCOUNTS[key];
}

export function isDemoAccountKey(value: string | null): value is DemoAccountKey {
  return value !== null && (DEMO_ACCOUNT_KEYS as readonly string[]).includes(value);
}

export function sessionUserOf(a: DemoAccount): SessionUser {
  return { id: a.id, name: a.name, username: a.username, role: a.role, stationCode: a.stationCode };
}

import { pinyin } from 'pinyin-pro';
import type { Staff } from '../domain/schemas';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts';
import { formatTimestamp } from './calendar';
import { mobile } from './contacts';
import { personName } from './names';
import type { Community } from './population';
import type { Prng } from './prng';

export interface StaffPlanInput {
  /** District stations present in the output (the scope's district, or all ten). */
  districtCodes: readonly string[];
  /** Recipients per community, indexed by `Community.index`. */
  recipientsPerCommunity: Uint32Array;
  communities: readonly Community[];
  /** Recipient indexes of combat heroes and first-class merit holders, with their community. */
  heroes: readonly { index: number; community: Community; demoHero: boolean }[];
  todayDay: number;
}

export interface StaffDirectory {
  rows: Staff[];
  /** Caseworker ids by community code: who visits the recipients there. */
  caseworkers: ReadonlyMap<string, readonly string[]>;
  /** The dedicated staff member of each hero, by recipient index. */
  dedicated: ReadonlyMap<number, string>;
}

/**
 * Staff: a city admin, a supervisor per district, one or two caseworkers per community that
 * has recipients, and one dedicated staff member per hero. The demo accounts take the slots
 * they describe (demo-supervisor is 福田区's supervisor, and so on) instead of adding extras.
 */
export function planStaff(rng: Prng, input: StaffPlanInput): StaffDirectory {
  const rows: Staff[] = [];
  const usernames = new Set<string>(Object.values(DEMO_ACCOUNTS).map((a) => a.username));
  const updatedAt = (): string => formatTimestamp(input.todayDay - rng.int(30, 400), rng.int(540, 1050));

  const demoRow = (a: DemoAccount): Staff => ({
    id: a.id,
    name: a.name,
    username: a.username,
    role: a.role,
    stationCode: a.stationCode,
    phone: a.phone,
    active: true,
    rev: 1,
    updatedAt: updatedAt(),
  });
  const generated = (role: Staff['role'], stationCode: string): Staff => {
    const gender = rng.chance(0.55) ? 'female' : 'male';
    const name = personName(rng, gender, rng.int(1970, 1998));
    return {
      id: rng.uuid(),
      name,
      username: uniqueUsername(name, usernames),
      role,
      stationCode,
      phone: mobile(rng),
      active: true,
      rev: 1,
      updatedAt: updatedAt(),
    };
  };

  rows.push(demoRow(DEMO_ACCOUNTS.admin));
  for (const district of input.districtCodes) {
    rows.push(
      district === DEMO_ACCOUNTS.supervisor.stationCode ? demoRow(DEMO_ACCOUNTS.supervisor) : generated('district_supervisor', district),
    );
  }

  const caseworkers = new Map<string, string[]>();
  for (const c of input.communities) {
    const count = input.recipientsPerCommunity[c.index] ?? 0;
    if (count === 0) continue;
    const ids: string[] = [];
    const wanted = count >= 60 || rng.chance(0.4) ? 2 : 1;
    if (c.code === DEMO_ACCOUNTS.caseworker.stationCode) {
      rows.push(demoRow(DEMO_ACCOUNTS.caseworker));
      ids.push(DEMO_ACCOUNTS.caseworker.id);
    }
    while (ids.length < wanted) {
      const row = generated('caseworker', c.code);
      rows.push(row);
      ids.push(row.id);
    }
    caseworkers.set(c.code, ids);
  }

  const dedicated = new Map<number, string>();
  for (const h of input.heroes) {
    const row = h.demoHero ? demoRow(DEMO_ACCOUNTS.hero) : generated('dedicated_staff', h.community.code);
    rows.push(row);
    dedicated.set(h.index, row.id);
  }
  return { rows, caseworkers, dedicated };
}

/** `zhangwei`, then `zhangwei2`…: how station accounts are usually named. */
function uniqueUsername(name: string, taken: Set<string>): string {
  const base = pinyin(name, { toneType: 'none', surname: 'head', separator: '', v: true })
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .padEnd(3, 'x');
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

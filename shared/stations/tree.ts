import type { Station } from '../domain/schemas';
import { CITY, COMMUNITY_STEMS, DISTRICTS } from './shenzhenDivisions';

/**
 * The four tiers (市 → 区 → 街道 → 社区). Every code extends its parent's, so a scope is a code
 * prefix: a user of street `440304001` sees every record whose station code starts with it.
 */
export function isInScope(stationCode: string, scopePrefix: string): boolean {
  return stationCode.startsWith(scopePrefix);
}

export function isInAnyScope(stationCode: string, scopes: readonly string[]): boolean {
  return scopes.some((s) => stationCode.startsWith(s));
}

/** Code length by tier: 4 (city), 6 (district), 9 (street), 12 (community). */
export function levelOfCode(code: string): Station['level'] {
  switch (code.length) {
    case 4:
      return 'city';
    case 6:
      return 'district';
    case 9:
      return 'street';
    default:
      return 'community';
  }
}

export function parentCodeOf(code: string): string | null {
  switch (code.length) {
    case 4:
      return null;
    case 6:
      return code.slice(0, 4);
    case 9:
      return code.slice(0, 6);
    default:
      return code.slice(0, 9);
  }
}

/** Small deterministic hash so the demo community count per street never changes. */
function stableHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function buildStations(): Station[] {
  const out: Station[] = [{ code: CITY.code, name: CITY.name, level: 'city', parentCode: null }];
  for (const d of DISTRICTS) {
    out.push({ code: d.code, name: d.name, level: 'district', parentCode: CITY.code });
    d.streets.forEach((streetName, si) => {
      const streetCode = `${d.code}${String(si + 1).padStart(3, '0')}`;
      out.push({ code: streetCode, name: `${streetName}街道`, level: 'street', parentCode: d.code });
      const h = stableHash(streetCode);
      const count = 6 + (h % 7); // 6–12 communities a street, about 670 in the city
      const start = h % COMMUNITY_STEMS.length;
      for (let ci = 0; ci < count; ci++) {
        const stem = COMMUNITY_STEMS[(start + ci * 7) % COMMUNITY_STEMS.length]!;
        out.push({
          code: `${streetCode}${String(ci + 1).padStart(3, '0')}`,
          name: `${stem}社区`,
          level: 'community',
          parentCode: streetCode,
        });
      }
    });
  }
  return out;
}

/** Every station of the city, parents before children. */
export const STATIONS: readonly Station[] = buildStations();

const byCode = new Map(STATIONS.map((s) => [s.code, s]));
const childrenByCode = new Map<string, Station[]>();
for (const s of STATIONS) {
  if (s.parentCode === null) continue;
  const list = childrenByCode.get(s.parentCode) ?? [];
  list.push(s);
  childrenByCode.set(s.parentCode, list);
}

export function getStation(code: string): Station | undefined {
  return byCode.get(code);
}

export function childrenOf(code: string): readonly Station[] {
  return childrenByCode.get(code) ?? [];
}

/** The station's ancestors from the city down, without the station itself. */
export function ancestorsOf(code: string): Station[] {
  const out: Station[] = [];
  let parent = parentCodeOf(code);
  while (parent !== null) {
    const s = byCode.get(parent);
    if (s) out.unshift(s);
    parent = parentCodeOf(parent);
  }
  return out;
}

/** All stations at or below a scope prefix. */
export function stationsInScope(scopePrefix: string): Station[] {
  return STATIONS.filter((s) => isInScope(s.code, scopePrefix));
}

export function stationsAtLevel(level: Station['level'], scopePrefix: string = CITY.code): Station[] {
  return STATIONS.filter((s) => s.level === level && isInScope(s.code, scopePrefix));
}

/** "福田区 园岭街道 华富社区" (the city is left out, it is the same for everyone). */
export function stationPathName(code: string): string {
  const self = byCode.get(code);
  const parts = ancestorsOf(code)
    .filter((s) => s.level !== 'city')
    .map((s) => s.name);
  if (self && self.level !== 'city') parts.push(self.name);
  return parts.join(' ') || (self?.name ?? code);
}

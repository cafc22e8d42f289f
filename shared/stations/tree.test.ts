import { describe, expect, it } from 'vitest';
import { stationSchema } from '../domain/schemas';
import { DAPENG_PLACEHOLDER_CODE } from './shenzhenDivisions';
import {
  STATIONS,
  ancestorsOf,
  childrenOf,
  getStation,
  isInAnyScope,
  isInScope,
  stationPathName,
  stationsAtLevel,
  stationsInScope,
} from './tree';

describe('the Shenzhen station tree', () => {
  it('has one city, 10 districts and 74 streets', () => {
    expect(stationsAtLevel('city')).toHaveLength(1);
    expect(stationsAtLevel('district')).toHaveLength(10);
    expect(stationsAtLevel('street')).toHaveLength(74);
  });

  it('has about 670 communities, 6–12 a street', () => {
    const communities = stationsAtLevel('community');
    expect(communities.length).toBeGreaterThan(600);
    expect(communities.length).toBeLessThan(750);
    for (const street of stationsAtLevel('street')) {
      const n = childrenOf(street.code).length;
      expect(n).toBeGreaterThanOrEqual(6);
      expect(n).toBeLessThanOrEqual(12);
    }
  });

  it('has unique codes, and every code extends its parent', () => {
    expect(new Set(STATIONS.map((s) => s.code)).size).toBe(STATIONS.length);
    for (const s of STATIONS) {
      expect(stationSchema.safeParse(s).success).toBe(true);
      if (s.parentCode === null) continue;
      expect(s.code.startsWith(s.parentCode)).toBe(true);
      expect(getStation(s.parentCode)).toBeDefined();
    }
  });

  it('has community names unique within their street', () => {
    for (const street of stationsAtLevel('street')) {
      const names = childrenOf(street.code).map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it.each([
    [
      '440304',
      '福田区',
      ['园岭街道', '南园街道', '福田街道', '沙头街道', '香蜜湖街道', '梅林街道', '莲花街道', '华富街道', '福保街道', '华强北街道'],
    ],
    ['440308', '盐田区', ['沙头角街道', '海山街道', '盐田街道', '梅沙街道']],
    [DAPENG_PLACEHOLDER_CODE, '大鹏新区', ['葵涌街道', '大鹏街道', '南澳街道']],
  ])('district %s %s has its real streets in order', (code, name, streets) => {
    expect(getStation(code)?.name).toBe(name);
    expect(childrenOf(code).map((s) => s.name)).toEqual(streets);
  });

  it('numbers streets under their district: 440304001 is 园岭街道', () => {
    expect(getStation('440304001')?.name).toBe('园岭街道');
    expect(getStation('440303010')?.name).toBe('清水河街道');
  });

  it('gives ancestors from the city down and a readable path', () => {
    const community = childrenOf('440304001')[0]!;
    expect(ancestorsOf(community.code).map((s) => s.code)).toEqual(['4403', '440304', '440304001']);
    expect(stationPathName(community.code)).toBe(`福田区 园岭街道 ${community.name}`);
    expect(ancestorsOf('4403')).toEqual([]);
  });
});

describe('scope by code prefix', () => {
  it.each([
    ['440304001003', '440304001', true],
    ['440304001003', '440304', true],
    ['440304001003', '4403', true],
    ['440304002003', '440304001', false],
    ['440305001003', '440304', false],
    ['440304001', '440304001003', false],
  ])('%s in scope %s: %s', (code, scope, expected) => {
    expect(isInScope(code, scope)).toBe(expected);
  });

  it('checks against any of several scopes', () => {
    expect(isInAnyScope('440305001001', ['440304', '440305'])).toBe(true);
    expect(isInAnyScope('440306001001', ['440304', '440305'])).toBe(false);
    expect(isInAnyScope('440306001001', [])).toBe(false);
  });

  it('lists the stations of a street: the street and its communities', () => {
    const inStreet = stationsInScope('440304001');
    expect(inStreet[0]?.code).toBe('440304001');
    expect(inStreet.slice(1).every((s) => s.level === 'community')).toBe(true);
  });
});

import type { Prng } from './prng';

/** Mobile prefixes of the three carriers, so numbers look like the ones people really have. */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '177',
  '180',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
] as const;

function digits(rng: Prng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** `1[3-9]` + 9 digits. */
export function mobile(rng: Prng): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

/** Shenzhen fixed lines are 8 digits; most residential numbers start with 2 or 8. */
export function landline(rng: Prng): string {
  return `0755-${rng.pick(['2', '8', '8', '3'])}${digits(rng, 7)}`;
}

const ESTATE_SUFFIXES = ['花园', '新村', '小区', '大厦', '家园', '苑', '公寓', '雅居'] as const;
const ESTATE_STEMS = [
  '园岭',
  '百花',
  '华富',
  '景田',
  '莲花',
  '彩田',
  '福民',
  '金海',
  '丽景',
  '翠海',
  '阳光',
  '桂花',
  '荔景',
  '海滨',
  '南天',
  '锦绣',
  '怡景',
  '东方',
  '万科',
  '宝华',
  '碧榕',
  '龙泉',
  '福星',
  '金色',
] as const;

/**
 * `福田区园岭街道长岭社区百花新村12栋503室`: district, street and community come from the
 * recipient's station, the rest is made up.
 */
export function address(rng: Prng, districtName: string, streetName: string, communityName: string): string {
  const estate = rng.pick(ESTATE_STEMS) + rng.pick(ESTATE_SUFFIXES);
  const building = rng.int(1, 40);
  const floor = rng.int(1, rng.chance(0.3) ? 32 : 9);
  const room = floor * 100 + rng.int(1, 8);
  return `${districtName}${streetName}${communityName}${estate}${building}栋${room}室`;
}

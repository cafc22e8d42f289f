import type { Prng } from './prng';

/**
 * Plausible Chinese names for fake people. Surnames follow the national frequency ranking with
 * a Guangdong tilt (陈、黄、林、梁 rank higher in Shenzhen's older population); given names use
 * characters typical of the generation, so a 90-year-old veteran is 王建国, not 王梓涵.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 90],
  ['李', 85],
  ['黄', 70],
  ['张', 70],
  ['王', 65],
  ['刘', 55],
  ['林', 45],
  ['梁', 40],
  ['杨', 38],
  ['吴', 36],
  ['罗', 30],
  ['何', 28],
  ['郑', 26],
  ['周', 25],
  ['赵', 22],
  ['谢', 22],
  ['徐', 20],
  ['孙', 18],
  ['朱', 18],
  ['胡', 18],
  ['曾', 18],
  ['邓', 17],
  ['叶', 17],
  ['钟', 16],
  ['郭', 16],
  ['马', 15],
  ['高', 15],
  ['冯', 14],
  ['彭', 13],
  ['许', 13],
  ['蔡', 13],
  ['卢', 12],
  ['肖', 12],
  ['潘', 12],
  ['唐', 12],
  ['宋', 10],
  ['韩', 10],
  ['曹', 10],
  ['袁', 9],
  ['邱', 9],
  ['江', 9],
  ['苏', 9],
  ['温', 9],
  ['黎', 8],
  ['廖', 9],
  ['赖', 8],
  ['余', 8],
  ['董', 8],
  ['田', 7],
  ['魏', 7],
  ['杜', 7],
  ['丁', 6],
  ['姚', 6],
  ['范', 6],
  ['蒋', 6],
  ['沈', 6],
  ['陆', 6],
  ['方', 6],
  ['石', 6],
  ['谭', 6],
  ['贺', 5],
  ['熊', 5],
  ['孟', 5],
  ['秦', 5],
  ['白', 5],
  ['崔', 5],
  ['任', 5],
  ['严', 5],
  ['汤', 4],
  ['莫', 4],
  ['龙', 4],
  ['古', 4],
  ['欧阳', 2],
  ['司徒', 1],
  ['上官', 1],
];

/** Given-name characters by generation: born up to ~1965, and later. */
const OLDER_MALE = '国建志明华军伟强文德林平福荣生海永春金成忠学民兴光庆俊杰安宝松清卫东新胜利祥贵昌贤友兵武振家耀山'.split('');
const OLDER_FEMALE = '秀英兰芳玉桂珍凤华丽梅淑琴素云莲红霞慧敏美娟艳萍翠菊月群春燕凤玲'.split('');
const YOUNGER_MALE = '伟磊勇涛斌超鹏浩俊辉刚健亮宇杰峰军强明波晨博文华龙飞'.split('');
const YOUNGER_FEMALE = '婷丽静敏燕艳娜颖琳雪佳倩晶莉芳娟霞慧玲洁晓欣'.split('');

export type Gender = 'male' | 'female';

export function pickSurname(rng: Prng): string {
  return rng.weighted(SURNAMES);
}

/** A full name of 2–4 characters; `surname` keeps families plausible (a son takes his father's). */
export function personName(rng: Prng, gender: Gender, birthYear: number, surname = pickSurname(rng)): string {
  const older = birthYear < 1966;
  const pool = gender === 'male' ? (older ? OLDER_MALE : YOUNGER_MALE) : older ? OLDER_FEMALE : YOUNGER_FEMALE;
  const first = rng.pick(pool);
  // One-character given names were common; a compound surname keeps the total at 3–4.
  if (rng.chance(0.25)) return surname + first;
  let second = rng.pick(pool);
  if (second === first && rng.chance(0.7)) second = rng.pick(pool);
  return surname + first + second;
}

export function surnameOf(name: string): string {
  const two = name.slice(0, 2);
  return SURNAMES.some(([s]) => s === two) ? two : name.slice(0, 1);
}

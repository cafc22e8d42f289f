import type { AidKind, FundSource } from '../domain/enums';
import type { Aid, Visit } from '../domain/schemas';
import { dayOf, formatDay, formatTimestamp } from './calendar';
import type { Community } from './population';
import type { Prng } from './prng';
import type { RecipientFacts } from './recipients';
import { VOID_REASONS } from './texts';

const KINDS: readonly (readonly [AidKind, number])[] = [
  ['cash', 45],
  ['goods', 22],
  ['medical', 12],
  ['fee_reduction', 12],
  ['service', 8],
  ['housing', 1],
];
/** 宝安、龙岗、龙华 run their own care funds (DOMAIN.md), so district money shows up more there. */
const FUND_HEAVY_DISTRICTS = new Set(['440306', '440307', '440309']);

const GOODS = ['大米10kg、食用油5L', '月饼礼盒', '慰问品（米、油、奶）', '冬衣棉被', '血压计', '轮椅', '助行器', '制氧机'] as const;
const MEDICAL = [
  ['免费体检', 30_000, 120_000],
  ['住院医疗费补助', 200_000, 1_000_000],
  ['送药上门（慢病药品）', 10_000, 50_000],
] as const;
const FEES = ['燃气费减免', '水费减免', '物业管理费减免', '有线电视费减免'] as const;
const SERVICES = [
  ['上门家政服务（小时）', 2, 8],
  ['长者饭堂助餐（餐）', 10, 30],
  ['上门理发（次）', 1, 2],
] as const;

function yuan(rng: Prng, minYuan: number, maxYuan: number, stepYuan: number): number {
  return rng.int(Math.ceil(minYuan / stepYuan), Math.floor(maxYuan / stepYuan)) * stepYuan * 100;
}

function fundFor(rng: Prng, c: Community): FundSource {
  const district = FUND_HEAVY_DISTRICTS.has(c.districtCode) ? 30 : 8;
  return rng.weighted<FundSource>([
    ['government_budget', 30],
    ['city_foundation', 25],
    ['veterans_care_fund', 20],
    ['district_care_fund', district],
    ['social_donation', 10],
  ]);
}

function approverFor(fund: FundSource, c: Community): string {
  switch (fund) {
    case 'city_foundation':
      return '深圳市拥军优属基金会';
    case 'veterans_care_fund':
      return '深圳市退役军人服务中心';
    case 'district_care_fund':
      return `${c.districtName}退役军人事务局`;
    case 'government_budget':
      return `${c.streetName}退役军人服务站`;
    case 'social_donation':
      return `${c.name}居委会`;
  }
}

/**
 * About three aid records a year. Condolence money and goods mostly go out on a festival or
 * condolence visit and link to it; amounts are whole yuan in integer fen, heroes and martyrs'
 * families get more. A few entries were voided and entered again, as happens with a typo.
 */
export function makeAid(rng: Prng, facts: RecipientFacts, community: Community, visits: readonly Visit[], todayDay: number): Aid[] {
  const out: Aid[] = [];
  const years = (facts.endDay - facts.startDay) / 365.25;
  const count = Math.round(years * rng.normalish(3, 1, 0.5, 6));
  const occasions = visits.filter((v) => v.purpose === 'festival' || v.purpose === 'condolence' || v.purpose === 'hardship');
  const martyr = facts.row.categories.some((c) => c.code === 'martyr_family');

  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(KINDS);
    const linked = (kind === 'cash' || kind === 'goods') && occasions.length > 0 && rng.chance(0.75) ? rng.pick(occasions) : null;
    const day = linked ? dayOf(linked.visitedAt.slice(0, 10)) : rng.int(facts.startDay, facts.endDay - 1);
    let amountFen: number | null = null;
    let quantity: number | null = null;
    let item: string | null = null;
    switch (kind) {
      case 'cash':
        amountFen = facts.hero ? yuan(rng, 2000, 5000, 500) : martyr ? yuan(rng, 1000, 2000, 100) : yuan(rng, 300, 1000, 100);
        break;
      case 'goods':
        item = rng.pick(GOODS);
        quantity = rng.int(1, 2);
        amountFen = rng.chance(0.5) ? yuan(rng, 200, 1500, 10) : null;
        break;
      case 'medical': {
        const [name, min, max] = rng.pick(MEDICAL);
        item = name;
        amountFen = Math.round(rng.int(min, max) / 100) * 100;
        break;
      }
      case 'fee_reduction':
        item = rng.pick(FEES);
        amountFen = yuan(rng, 60, 600, 1);
        break;
      case 'service': {
        const [name, min, max] = rng.pick(SERVICES);
        item = name;
        quantity = rng.int(min, max);
        break;
      }
      case 'housing':
        item = '安居工程适老化改造补助';
        amountFen = yuan(rng, 10_000, 50_000, 1000);
        break;
    }
    const fund = fundFor(rng, community);
    const row: Aid = {
      id: rng.uuid(),
      recipientId: facts.row.id,
      stationCode: facts.row.stationCode,
      date: formatDay(day),
      kind,
      amountFen,
      quantity,
      item,
      fundSource: fund,
      approvedBy: approverFor(fund, community),
      visitId: linked?.id ?? null,
      // The recipient signs on delivery; the last month's forms may still be on their way back.
      acknowledged: todayDay - day > 30 || rng.chance(0.5),
      voided: false,
      voidReason: null,
      rev: 1,
      updatedAt: formatTimestamp(day, rng.int(600, 1080)),
    };
    if (rng.chance(0.015)) {
      const reason = rng.pick(VOID_REASONS);
      const voidDay = Math.min(todayDay - 1, day + rng.int(0, 10));
      out.push({ ...row, voided: true, voidReason: reason, updatedAt: formatTimestamp(voidDay, rng.int(600, 1080)) });
      out.push({
        ...row,
        id: rng.uuid(),
        amountFen: row.amountFen === null ? null : row.amountFen + (kind === 'cash' ? 10_000 : 0),
        updatedAt: formatTimestamp(voidDay, 1090),
      });
    } else {
      out.push(row);
    }
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

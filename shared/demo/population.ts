import type { CategoryCode } from '../domain/enums';
import type { Station } from '../domain/schemas';
import { DAPENG_PLACEHOLDER_CODE } from '../stations/shenzhenDivisions';
import { STATIONS, getStation, isInScope } from '../stations/tree';
import { DEMO_COMMUNITY_CODE, DEMO_STREET_CODE } from './accounts';
import { Prng, WeightedTable } from './prng';

/** A community station with what the generator needs of its ancestors. */
export interface Community {
  index: number;
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
  districtCode: string;
  districtName: string;
  /** The 6-digit region of ID numbers issued there (大鹏新区 was part of 龙岗区: 440307). */
  idRegion: string;
}

/** Rough shares of the veteran population by district: the big outer districts hold most. */
const DISTRICT_WEIGHTS: Record<string, number> = {
  '440303': 8,
  '440304': 10,
  '440305': 10,
  '440306': 16,
  '440307': 16,
  '440308': 3,
  '440309': 10,
  '440310': 4,
  '440311': 5,
  [DAPENG_PLACEHOLDER_CODE]: 2,
};

/** Category shares of the recipients that are not the demo hero (the rest are key recipients). */
const PRIMARY_CATEGORY_SHARES: readonly (readonly [CategoryCode, number])[] = [
  ['combat_hero', 0.001],
  ['first_class_merit', 0.001],
  ['martyr_family', 0.08],
  ['duty_death_family', 0.03],
  ['illness_death_family', 0.04],
  ['disabled_veteran', 0.15],
  ['key_recipient', 0.698],
];

/** Share of recipients put in 园岭街道 beyond its natural share, so the demo accounts have work. */
const FOCUS_STREET_SHARE = 0.03;

export interface PopulationOptions {
  recipients: number;
  seed: number;
  scopePrefix: string;
}

/** The part of a recipient decided before any row is written: staff depend on it. */
export interface RecipientPlan {
  community: Community;
  primary: CategoryCode;
  /** The combat hero served by `demo-hero`, with an overdue monthly visit. */
  demoHero: boolean;
}

/**
 * Where recipients live and which category they hold first. Pure and per-index: recipient i's
 * plan depends only on the seed and i, so the staff pass and the row pass agree without
 * keeping 100,000 plans in memory.
 */
export class Population {
  readonly stations: readonly Station[];
  readonly communities: readonly Community[];
  readonly demoCommunity: Community | null;
  /** Recipients 0..focusCount-1 live in the demo community (recipient 0 is the demo hero). */
  readonly focusCount: number;
  private readonly focusStreet: readonly Community[];
  private readonly table: WeightedTable<Community>;

  constructor(private readonly opts: PopulationOptions) {
    const scope = opts.scopePrefix;
    // Ancestors of the scope come too, so every staff row's station exists in the output.
    this.stations = STATIONS.filter((s) => isInScope(s.code, scope) || isInScope(scope, s.code));
    this.communities = this.stations
      .filter((s) => s.level === 'community' && isInScope(s.code, scope))
      .map((s, index) => toCommunity(s, index));
    if (this.communities.length === 0) throw new Error(`no community station in scope ${scope}`);
    this.demoCommunity = this.communities.find((c) => c.code === DEMO_COMMUNITY_CODE) ?? null;
    this.focusStreet = this.communities.filter((c) => c.streetCode === DEMO_STREET_CODE);
    const n = opts.recipients;
    this.focusCount = this.demoCommunity ? Math.min(Math.ceil(n / 4), Math.max(30, Math.min(1500, Math.round(n * 0.015)))) : 0;

    // Community sizes vary (a new estate, an old village): a seeded weight per community.
    const sizeRng = Prng.forStream(opts.seed, 0x5eed_0001);
    const streetsPerDistrict = new Map<string, Set<string>>();
    const communitiesPerStreet = new Map<string, number>();
    for (const c of this.communities) {
      const streets = streetsPerDistrict.get(c.districtCode) ?? new Set<string>();
      streets.add(c.streetCode);
      streetsPerDistrict.set(c.districtCode, streets);
      communitiesPerStreet.set(c.streetCode, (communitiesPerStreet.get(c.streetCode) ?? 0) + 1);
    }
    const weights = this.communities.map((c) => {
      const district = DISTRICT_WEIGHTS[c.districtCode] ?? 1;
      const street = district / streetsPerDistrict.get(c.districtCode)!.size;
      return (street / communitiesPerStreet.get(c.streetCode)!) * (0.4 + 1.2 * sizeRng.next());
    });
    this.table = new WeightedTable(this.communities, weights);
  }

  /** The stream of recipient i; the plan takes its first draws, the rows the rest. */
  rngFor(index: number): Prng {
    return Prng.forStream(this.opts.seed, index + 1);
  }

  plan(index: number, rng: Prng): RecipientPlan {
    if (this.demoCommunity && index === 0) return { community: this.demoCommunity, primary: 'combat_hero', demoHero: true };
    let community: Community;
    if (this.demoCommunity && index < this.focusCount) community = this.demoCommunity;
    else if (this.focusStreet.length > 0 && rng.chance(FOCUS_STREET_SHARE)) community = rng.pick(this.focusStreet);
    else community = this.table.draw(rng);
    return { community, primary: rng.weighted(PRIMARY_CATEGORY_SHARES), demoHero: false };
  }
}

function toCommunity(s: Station, index: number): Community {
  const street = getStation(s.parentCode!)!;
  const district = getStation(street.parentCode!)!;
  return {
    index,
    code: s.code,
    name: s.name,
    streetCode: street.code,
    streetName: street.name,
    districtCode: district.code,
    districtName: district.name,
    idRegion: district.code === DAPENG_PLACEHOLDER_CODE ? '440307' : district.code,
  };
}

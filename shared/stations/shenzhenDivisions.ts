/**
 * Shenzhen's districts and their 74 streets (街道), in the official order, which gives each
 * street its 3-digit code under the district. 大鹏新区 is a functional area without a
 * county-level division code of its own, so it gets the clearly marked placeholder `4403DP`.
 */
export interface DistrictDef {
  code: string;
  name: string;
  placeholderCode?: true;
  streets: readonly string[];
}

export const CITY = { code: '4403', name: '深圳市' } as const;

export const DAPENG_PLACEHOLDER_CODE = '4403DP';

export const DISTRICTS: readonly DistrictDef[] = [
  { code: '440303', name: '罗湖区', streets: ['桂园', '黄贝', '东门', '翠竹', '东晓', '南湖', '笋岗', '东湖', '莲塘', '清水河'] },
  { code: '440304', name: '福田区', streets: ['园岭', '南园', '福田', '沙头', '香蜜湖', '梅林', '莲花', '华富', '福保', '华强北'] },
  { code: '440305', name: '南山区', streets: ['南头', '南山', '沙河', '蛇口', '招商', '粤海', '桃源', '西丽'] },
  { code: '440306', name: '宝安区', streets: ['新安', '西乡', '航城', '福永', '福海', '沙井', '新桥', '松岗', '燕罗', '石岩'] },
  { code: '440307', name: '龙岗区', streets: ['布吉', '吉华', '坂田', '南湾', '横岗', '园山', '龙城', '龙岗', '坪地', '平湖', '宝龙'] },
  { code: '440308', name: '盐田区', streets: ['沙头角', '海山', '盐田', '梅沙'] },
  { code: '440309', name: '龙华区', streets: ['观澜', '民治', '龙华', '大浪', '福城', '观湖'] },
  { code: '440310', name: '坪山区', streets: ['坪山', '马峦', '碧岭', '石井', '坑梓', '龙田'] },
  { code: '440311', name: '光明区', streets: ['光明', '公明', '新湖', '凤凰', '玉塘', '马田'] },
  { code: DAPENG_PLACEHOLDER_CODE, name: '大鹏新区', placeholderCode: true, streets: ['葵涌', '大鹏', '南澳'] },
];

/**
 * Community names are generated for demo use (about 670 in the city, as DOMAIN.md says):
 * a stem from this list plus 社区, unique within each street.
 */
export const COMMUNITY_STEMS: readonly string[] = [
  '新村',
  '华富',
  '景田',
  '岗厦',
  '上沙',
  '下沙',
  '渔农',
  '皇岗',
  '水围',
  '福民',
  '新洲',
  '石厦',
  '益田',
  '金地',
  '香梅',
  '侨香',
  '竹林',
  '碧海',
  '莲花',
  '彩田',
  '红荔',
  '华新',
  '通新',
  '城中',
  '东园',
  '西园',
  '南华',
  '北站',
  '湖景',
  '翠湖',
  '桂花',
  '荔枝',
  '榕树',
  '龙泉',
  '凤凰',
  '玉龙',
  '锦绣',
  '和平',
  '幸福',
  '文华',
  '怡景',
  '新秀',
  '长岭',
  '大望',
  '梧桐',
  '松坪',
  '桃源',
  '丽山',
  '麻磡',
  '白芒',
  '海滨',
  '沙湾',
  '新围',
  '老围',
  '上屋',
  '下屋',
  '石龙',
  '水库',
  '花园',
  '东风',
];

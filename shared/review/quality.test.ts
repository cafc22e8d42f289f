import { describe, expect, it } from 'vitest';
import { categoryEntrySchema } from '../domain/schemas';
import { contactCadenceDays, duplicateIdGroups, inactiveWithOpenDuties, missingContactInfo, noContactItems } from './quality';
import { stationDetails } from './drill';

const cat = (code: string, grade: number | null = null) => categoryEntrySchema.parse({ code, disabilityGrade: grade });
const A = '440304001001';
const B = '440304001002';

describe('data quality', () => {
  it('finds one ID number at two stations, not twice at one', () => {
    const groups = duplicateIdGroups([
      { id: '1', name: '甲', stationCode: A, status: 'active', idBlind: 'x' },
      { id: '2', name: '甲', stationCode: B, status: 'active', idBlind: 'x' },
      { id: '3', name: '乙', stationCode: A, status: 'active', idBlind: 'y' },
      { id: '4', name: '乙', stationCode: A, status: 'active', idBlind: 'y' },
    ]);
    expect(groups).toEqual([{ key: 'x', records: [expect.objectContaining({ id: '1' }), expect.objectContaining({ id: '2' })] }]);
  });

  it("knows each category's contact cadence", () => {
    expect(contactCadenceDays([cat('combat_hero')])).toBe(7);
    expect(contactCadenceDays([cat('martyr_family')])).toBe(91);
    expect(contactCadenceDays([cat('disabled_veteran', 7)])).toBe(182);
  });

  it('lists active recipients out of contact for more than twice their cadence, and those never contacted', () => {
    const people = [
      { id: 'hero', name: '英雄', stationCode: A, status: 'active' as const, categories: [cat('combat_hero')] },
      { id: 'fine', name: '正常', stationCode: A, status: 'active' as const, categories: [cat('combat_hero')] },
      { id: 'never', name: '从未', stationCode: A, status: 'active' as const, categories: [cat('martyr_family')] },
      { id: 'gone', name: '已故', stationCode: A, status: 'deceased' as const, categories: [cat('combat_hero')] },
    ];
    const visits = [
      { recipientId: 'hero', visitedAt: '2026-11-13T10:00:00+08:00' }, // 15 days > 14
      { recipientId: 'fine', visitedAt: '2026-11-14T10:00:00+08:00' }, // 14 days, not more than twice
    ];
    const items = noContactItems(people, visits, '2026-11-28');
    expect(items.map((i) => [i.id, i.daysSince])).toEqual([
      ['never', null],
      ['hero', 15],
    ]);
  });

  it('lists deceased or moved recipients with pending duties, and missing phones or addresses', () => {
    const people = [
      { id: 'd', name: '甲', stationCode: A, status: 'deceased' as const },
      { id: 'm', name: '乙', stationCode: A, status: 'moved' as const },
      { id: 'a', name: '丙', stationCode: A, status: 'active' as const },
    ];
    const occ = [
      { recipientId: 'd', status: 'pending' as const },
      { recipientId: 'd', status: 'pending' as const },
      { recipientId: 'm', status: 'done' as const },
      { recipientId: 'a', status: 'pending' as const },
    ];
    expect(inactiveWithOpenDuties(people, occ)).toEqual([{ id: 'd', name: '甲', stationCode: A, status: 'deceased', openDuties: 2 }]);
    expect(
      missingContactInfo([
        { ...people[2]!, phones: [], address: ' ' },
        { id: 'b', name: '丁', stationCode: A, status: 'active', phones: ['13800138000'], address: '园岭' },
      ]),
    ).toEqual([{ id: 'a', name: '丙', stationCode: A, status: 'active', missing: ['phone', 'address'] }]);
  });
});

describe('station drill-down', () => {
  it("lists the records behind a row with the review's definitions, heroes first", () => {
    const d = stationDetails(
      {
        recipients: [
          { id: 'p', name: '普通', stationCode: A, status: 'active', statusDate: null, categories: [cat('key_recipient')] },
          { id: 'h', name: '英雄', stationCode: A, status: 'active', statusDate: null, categories: [cat('combat_hero')] },
          { id: 'o', name: '别站', stationCode: B, status: 'active', statusDate: null, categories: [cat('key_recipient')] },
        ],
        duties: [{ id: 'v', kind: 'home_visit' }],
        dutyOccurrences: [
          { id: 'o1', dutyId: 'v', recipientId: 'p', stationCode: A, dueDate: '2026-11-01', status: 'pending', doneAt: null },
          { id: 'o2', dutyId: 'v', recipientId: 'h', stationCode: A, dueDate: '2026-11-20', status: 'pending', doneAt: null },
        ],
        aid: [
          {
            id: 'a1',
            recipientId: 'h',
            stationCode: A,
            date: '2026-11-24',
            fundSource: 'city_foundation',
            amountFen: 20000,
            voided: false,
          },
        ],
        requests: [
          {
            id: 'r1',
            recipientId: 'p',
            stationCode: A,
            topic: 'medical',
            status: 'open',
            openedAt: '2026-11-18T09:00:00+08:00',
            closedAt: null,
          },
        ],
      },
      A,
      '2026-11-25',
      '2026-11-28',
    );
    expect(d.recipients.map((r) => r.id)).toEqual(['h', 'p']);
    expect(d.overdue.map((o) => [o.id, o.hero, o.daysOverdue])).toEqual([
      ['o2', true, 8],
      ['o1', false, 27],
    ]);
    expect(d.aid.map((a) => a.id)).toEqual(['a1']);
    expect(d.requests).toEqual([{ id: 'r1', recipientId: 'p', name: '普通', topic: 'medical', opened: '2026-11-18', ageDays: 10 }]);
  });
});

import type { RequestStatus, Urgency } from '../domain/enums';
import type { Request, Visit } from '../domain/schemas';
import { dayOf, formatDay, formatTimestamp } from './calendar';
import type { Community } from './population';
import type { Prng } from './prng';
import type { RecipientFacts } from './recipients';
import { REQUEST_TEXTS } from './texts';
import type { RequestTopic } from './types';
import type { Team } from './visits';

const TOPICS: readonly (readonly [RequestTopic, number])[] = [
  ['medical', 30],
  ['policy', 25],
  ['living', 20],
  ['housing', 10],
  ['other', 10],
  ['employment', 5],
];
const URGENCIES: readonly (readonly [Urgency, number])[] = [
  ['low', 45],
  ['normal', 35],
  ['high', 15],
  ['critical', 5],
];
const OLD_STATUS: readonly (readonly [RequestStatus, number])[] = [
  ['resolved', 75],
  ['referred', 15],
  ['in_progress', 4],
  ['open', 6],
];
const RECENT_STATUS: readonly (readonly [RequestStatus, number])[] = [
  ['open', 40],
  ['in_progress', 30],
  ['resolved', 25],
  ['referred', 5],
];

/**
 * About one request every three years per recipient, most raised on a visit. Old ones are
 * mostly closed; a few stayed open far too long, which is what a supervisor should see.
 */
export function makeRequests(
  rng: Prng,
  facts: RecipientFacts,
  community: Community,
  team: Team,
  visits: readonly Visit[],
  todayDay: number,
): Request[] {
  const out: Request[] = [];
  const years = (facts.endDay - facts.startDay) / 365.25;
  const count = Math.floor(years * 0.3 + rng.next());
  for (let i = 0; i < count; i++) {
    const source = rng.weighted([
      ['visit', 60],
      ['hotline', 25],
      ['walk_in', 15],
    ] as const);
    const visit = source === 'visit' && visits.length > 0 ? rng.pick(visits) : null;
    const openDay = visit ? dayOf(visit.visitedAt.slice(0, 10)) : rng.int(facts.startDay, facts.endDay - 1);
    const openMinute = rng.int(540, 1080);
    const openedAt = visit ? visit.updatedAt : formatTimestamp(openDay, openMinute);
    const topic = rng.weighted(TOPICS);
    const text = rng.pick(REQUEST_TEXTS[topic]);
    let status = rng.weighted(todayDay - openDay > 90 ? OLD_STATUS : RECENT_STATUS);
    const closeDay = openDay + rng.int(1, 45);
    if ((status === 'resolved' || status === 'referred') && closeDay >= todayDay) status = 'in_progress';
    const closed = status === 'resolved' || status === 'referred';
    const referredTo = status === 'referred' ? (rng.chance(0.6) ? community.streetCode : community.districtCode) : null;
    const touchedDay = closed ? closeDay : status === 'in_progress' ? Math.min(todayDay - 1, openDay + rng.int(1, 10)) : openDay;
    // Drawn in the order the generator always drew them (id, urgency, assignee, closing time).
    const id = rng.uuid();
    const urgency = rng.weighted(URGENCIES);
    const assigneeId = team.dedicatedStaffId ?? rng.pick(team.caseworkers);
    out.push({
      id,
      recipientId: facts.row.id,
      stationCode: facts.row.stationCode,
      visitId: visit?.id ?? null,
      source: visit ? 'visit' : source === 'visit' ? 'hotline' : source,
      topic,
      description: text.description,
      urgency,
      assigneeId,
      status,
      resolution: status === 'resolved' ? text.resolution : status === 'referred' ? '超出本站处理权限，已上报上级服务中心。' : '',
      referredTo,
      openedAt,
      closedAt: closed ? formatTimestamp(closeDay, rng.int(540, 1080)) : null,
      callerName: '',
      callerPhone: '',
      // A resolved request was called back the day it was closed (issue 16's rule); no draw of
      // the generator here, so every other demo row stays as it was.
      callback:
        status === 'resolved'
          ? { at: formatDay(closeDay), result: '已电话回访，对方表示问题已解决。', satisfied: true, by: assigneeId }
          : null,
      rev: 1,
      updatedAt: closed || status === 'in_progress' ? formatTimestamp(touchedDay, 1085) : openedAt,
    });
  }
  return out;
}

import type { Aid, DutyOccurrence, Visit } from '../domain/schemas';
import type { DemoRow } from './types';

/**
 * One NDJSON line per row, byte for byte what `JSON.stringify({table, row})` gives.
 *
 * Visits, occurrences and aid are 90% of a city's rows, and V8's generic JSON.stringify spends
 * more time on them than the generator does; these hand-written serialisers are about 2.5×
 * faster. They may skip escaping only for values that are safe by construction (uuids, dates,
 * timestamps, enum codes, station codes); free text goes through JSON.stringify. A test holds
 * them to JSON.stringify's exact output for every row of a generated data set, so a field
 * added to a schema and the generator, but not here, fails loudly.
 */
const safe = (s: string | null): string => (s === null ? 'null' : `"${s}"`);
const text = (s: string | null): string => JSON.stringify(s);

function visitLine(v: Visit): string {
  const staff = v.staffIds.length === 1 ? `["${v.staffIds[0]}"]` : JSON.stringify(v.staffIds);
  const photos = v.photos.length === 0 ? '[]' : JSON.stringify(v.photos);
  const c = v.condition;
  return `{"table":"visits","row":{"id":"${v.id}","recipientId":"${v.recipientId}","stationCode":"${v.stationCode}","visitedAt":"${v.visitedAt}","mode":"${v.mode}","outcome":"${v.outcome}","purpose":"${v.purpose}","festival":${safe(v.festival)},"staffIds":${staff},"condition":{"health":${safe(c.health)},"living":${safe(c.living)},"mood":${safe(c.mood)}},"notes":${text(v.notes)},"dutyOccurrenceId":${safe(v.dutyOccurrenceId)},"photos":${photos},"rev":${v.rev},"updatedAt":"${v.updatedAt}"}}`;
}

function occurrenceLine(o: DutyOccurrence): string {
  return `{"table":"dutyOccurrences","row":{"id":"${o.id}","dutyId":"${o.dutyId}","recipientId":"${o.recipientId}","stationCode":"${o.stationCode}","dueDate":"${o.dueDate}","status":"${o.status}","doneAt":${safe(o.doneAt)},"visitId":${safe(o.visitId)},"rev":${o.rev},"updatedAt":"${o.updatedAt}"}}`;
}

function aidLine(a: Aid): string {
  return `{"table":"aid","row":{"id":"${a.id}","recipientId":"${a.recipientId}","stationCode":"${a.stationCode}","date":"${a.date}","kind":"${a.kind}","amountFen":${a.amountFen},"quantity":${a.quantity},"item":${text(a.item)},"fundSource":"${a.fundSource}","approvedBy":${text(a.approvedBy)},"visitId":${safe(a.visitId)},"acknowledged":${a.acknowledged},"voided":${a.voided},"voidReason":${text(a.voidReason)},"rev":${a.rev},"updatedAt":"${a.updatedAt}"}}`;
}

/** The NDJSON line of a row, without the newline. */
export function demoRowToLine(r: DemoRow): string {
  switch (r.table) {
    case 'visits':
      return visitLine(r.row);
    case 'dutyOccurrences':
      return occurrenceLine(r.row);
    case 'aid':
      return aidLine(r.row);
    default:
      return JSON.stringify(r);
  }
}

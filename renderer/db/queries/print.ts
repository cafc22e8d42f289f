import type { Aid, Recipient, Request, Visit } from '../../../shared/domain/schemas';
import type { YoufuDb } from '../database';
import type { EntitySummary } from '../codec';

/** The printed forms' reads (issue 16): one record with what hangs on it, and a station's visit list. */

/** One visit, opened; null when there is none with that id. */
export async function visitById(db: YoufuDb, id: string): Promise<Visit | null> {
  const stored = await db.visits.get(id);
  return stored ? db.codec.decode('visits', stored) : null;
}

/** The aid lines handed out at a visit, opened, in the order they were entered. */
export async function aidOfVisit(db: YoufuDb, visitId: string): Promise<Aid[]> {
  const stored = await db.aid.where('visitId').equals(visitId).toArray();
  const rows = await Promise.all(stored.map((a) => db.codec.decode('aid', a)));
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** One request, opened; null when there is none with that id. */
export async function requestById(db: YoufuDb, id: string): Promise<Request | null> {
  const stored = await db.requests.get(id);
  return stored ? db.codec.decode('requests', stored) : null;
}

export interface VisitListLine {
  visit: Visit;
  recipient: Recipient | undefined;
}

/** A station's own visits, clear fields only (nothing decrypted): the list picks its lines from these. */
export async function visitSummariesOfStation(db: YoufuDb, station: string): Promise<EntitySummary<'visits'>[]> {
  const stored = await db.visits.where('stationCode').equals(station).toArray();
  return stored.map((v) => db.codec.decodeSummary('visits', v));
}

/** The visits picked for a list, opened with their recipients, in the order given. */
export async function openVisitLines(db: YoufuDb, picked: readonly { id: string; recipientId: string }[]): Promise<VisitListLine[]> {
  const [stored, people] = await Promise.all([
    db.visits.bulkGet(picked.map((v) => v.id)),
    db.recipients.bulkGet([...new Set(picked.map((v) => v.recipientId))]),
  ]);
  const [visits, opened] = await Promise.all([
    Promise.all(stored.flatMap((v) => (v ? [db.codec.decode('visits', v)] : []))),
    Promise.all(people.flatMap((p) => (p ? [db.codec.decode('recipients', p)] : []))),
  ]);
  const byId = new Map(opened.map((r) => [r.id, r]));
  return visits.map((visit) => ({ visit, recipient: byId.get(visit.recipientId) }));
}

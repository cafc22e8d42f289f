import type { Signoff } from '../../../shared/domain/schemas';
import type { DrillRows } from '../../../shared/review/drill';
import type { ReviewRows } from '../../../shared/review/compute';
import type { StoredRecipient, StoredRow } from '../codec';
import { shanghaiDate } from '../../../shared/calendar/shanghai';
import type { YoufuDb } from '../database';
import { openRows } from './rows';

/** The review screens' reads: the offline review's rows, a station's drill-down, the sign-offs. */

type ReviewRecipient = ReviewRows['recipients'][number] & { name: string };

/**
 * A recipient as the review counts it, from clear columns only: categories are sealed, so the
 * hero rule reads the clear `categoryCodes`; the name (sealed) is left empty, for the screen
 * to open on the lines it shows.
 */
export function reviewRecipient(r: StoredRecipient): ReviewRecipient {
  return {
    id: r.id,
    name: '',
    stationCode: r.stationCode,
    status: r.status,
    statusDate: r.statusDate,
    categories: r.categoryCodes.map((code) => ({ code })),
  };
}

/**
 * The rows a review of `scope` counts, from this device's own database: the offline path of a
 * supervisor, whose bootstrap pulled the whole district. It reads only clear (never sealed)
 * fields straight from the tables (sensitive.ts keeps every field a figure needs clear), so it
 * decrypts nothing; computeReview does the counting (shared/review).
 */
export async function loadReviewRows(db: YoufuDb, scope: string, weekStart: string): Promise<ReviewRows> {
  const inScope = <T>(name: 'duties' | 'dutyOccurrences' | 'visits' | 'aid' | 'requests' | 'attachments') =>
    db.table<T>(name).where('stationCode').startsWith(scope).toArray();
  const [recipients, duties, dutyOccurrences, visits, aid, requests, attachments] = await Promise.all([
    db.recipients
      .where('stationCode')
      .startsWith(scope)
      .toArray()
      .then((rows) => rows.map(reviewRecipient)),
    inScope<ReviewRows['duties'][number]>('duties'),
    inScope<ReviewRows['dutyOccurrences'][number]>('dutyOccurrences'),
    inScope<ReviewRows['visits'][number]>('visits'),
    inScope<ReviewRows['aid'][number]>('aid'),
    inScope<StoredRow<'requests'>>('requests'),
    inScope<ReviewRows['attachments'][number]>('attachments'),
  ]);
  return { recipients, duties, dutyOccurrences, visits, aid, requests: await withUrgency(db, requests, weekStart), attachments };
}

/**
 * The requests with their urgency (sealed: escalation needs it), opened only for those that
 * can be open at the end of a day of the week reviewed: not closed, or closed on or after its
 * Monday. The others keep `urgency: null`; they count for nothing the review shows.
 */
async function withUrgency(db: YoufuDb, stored: readonly StoredRow<'requests'>[], weekStart: string): Promise<ReviewRows['requests']> {
  return Promise.all(
    stored.map(async (r) => {
      const mayBeOpen = r.closedAt === null ? r.status === 'open' || r.status === 'in_progress' : shanghaiDate(r.closedAt) >= weekStart;
      const urgency = mayBeOpen ? (await db.codec.decode('requests', r)).urgency : null;
      return { stationCode: r.stationCode, status: r.status, openedAt: r.openedAt, closedAt: r.closedAt, urgency };
    }),
  );
}

/** The recipients and records behind one review row (a station and the stations under it), clear fields only. */
export async function stationDrillRows(db: YoufuDb, code: string): Promise<DrillRows> {
  const read = <T>(name: string) => db.table<T>(name).where('stationCode').startsWith(code).toArray();
  return {
    // Names are sealed: each name cell opens its own row when its page is shown (OpenedName),
    // so the lists come heroes first, then in station order, not in name order.
    recipients: (await db.recipients.where('stationCode').startsWith(code).toArray()).map(reviewRecipient),
    duties: await read<DrillRows['duties'][number]>('duties'),
    dutyOccurrences: await read<DrillRows['dutyOccurrences'][number]>('dutyOccurrences'),
    aid: await read<DrillRows['aid'][number]>('aid'),
    requests: await read<DrillRows['requests'][number]>('requests'),
  };
}

/** A station's sign-off of a week, opened (the comment is sealed); null when not signed. */
export async function signoffOf(db: YoufuDb, stationCode: string, weekStart: string): Promise<Signoff | null> {
  const stored = await db.signoffs.where('[stationCode+weekStart]').equals([stationCode, weekStart]).first();
  return stored ? db.codec.decode('signoffs', stored) : null;
}

/** Every sign-off of a week, opened. */
export async function signoffsOfWeek(db: YoufuDb, weekStart: string): Promise<Signoff[]> {
  return openRows(db, 'signoffs', await db.signoffs.where('weekStart').equals(weekStart).toArray());
}

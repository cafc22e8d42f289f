import type { Review } from '../../../shared/review/api';
import { type ReviewRows, computeReview } from '../../../shared/review/compute';
import type { StoredRecipient } from '../../db/codec';
import type { YoufuDb } from '../../db/database';

type ReviewRecipient = ReviewRows['recipients'][number] & { name: string };

/**
 * A recipient as the review counts it, from clear columns only: categories are sealed, so the
 * hero rule reads the clear `categoryCodes`; the name (sealed) is left empty, for the screen
 * to open on the lines it shows.
 */
export function reviewRecipient(r: StoredRecipient): ReviewRecipient {
  return { id: r.id, name: '', stationCode: r.stationCode, status: r.status, statusDate: r.statusDate, categories: r.categoryCodes.map((code) => ({ code })) };
}

/**
 * The review from this device's own database: the offline path of a supervisor, whose
 * bootstrap pulled the whole district. It reads only clear (never sealed) fields straight from
 * the tables (sensitive.ts keeps every field a figure needs clear), so it decrypts nothing;
 * computeReview does the counting (shared/review).
 */
export async function loadReviewRows(db: YoufuDb, scope: string): Promise<ReviewRows> {
  const inScope = <T>(name: 'duties' | 'dutyOccurrences' | 'visits' | 'aid' | 'requests') =>
    db.table<T>(name).where('stationCode').startsWith(scope).toArray();
  const [recipients, duties, dutyOccurrences, visits, aid, requests] = await Promise.all([
    db.recipients.where('stationCode').startsWith(scope).toArray().then((rows) => rows.map(reviewRecipient)),
    inScope<ReviewRows['duties'][number]>('duties'),
    inScope<ReviewRows['dutyOccurrences'][number]>('dutyOccurrences'),
    inScope<ReviewRows['visits'][number]>('visits'),
    inScope<ReviewRows['aid'][number]>('aid'),
    inScope<ReviewRows['requests'][number]>('requests'),
  ]);
  return { recipients, duties, dutyOccurrences, visits, aid, requests };
}

export async function localReview(db: YoufuDb, opts: { scope: string; week: string; today: string; lastSync?: ReadonlyMap<string, string> }): Promise<Review> {
  return computeReview(await loadReviewRows(db, opts.scope), opts);
}

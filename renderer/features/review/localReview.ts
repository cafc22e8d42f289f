import type { Review } from '../../../shared/review/api';
import { type ReviewRows, computeReview } from '../../../shared/review/compute';
import type { YoufuDb } from '../../db/database';

/**
 * The review from this device's own database: the offline path of a supervisor, whose
 * bootstrap pulled the whole district. It reads only clear (never sealed) fields straight from
 * the tables, so it decrypts nothing; computeReview does the counting (shared/review).
 */
export async function loadReviewRows(db: YoufuDb, scope: string): Promise<ReviewRows> {
  const inScope = <T>(name: 'recipients' | 'duties' | 'dutyOccurrences' | 'visits' | 'aid' | 'requests') =>
    db.table<T>(name).where('stationCode').startsWith(scope).toArray();
  const [recipients, duties, dutyOccurrences, visits, aid, requests] = await Promise.all([
    inScope<ReviewRows['recipients'][number]>('recipients'),
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

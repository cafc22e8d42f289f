import type { Review } from '../../../shared/review/api';
import { computeReview } from '../../../shared/review/compute';
import { reviewWeek } from '../../../shared/review/week';
import type { YoufuDb } from '../../db/handle';
import { loadReviewRows } from '../../db/queries/review';

/** The review from this device's own database (the offline path): its rows read, then counted. */
export async function localReview(
  db: YoufuDb,
  opts: { scope: string; week: string; today: string; lastSync?: ReadonlyMap<string, string> },
): Promise<Review> {
  return computeReview(await loadReviewRows(db, opts.scope, reviewWeek(opts.week, opts.today).weekStart), opts);
}

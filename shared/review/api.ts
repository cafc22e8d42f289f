import { z } from 'zod';
import { FUND_SOURCE, type FundSource } from '../domain/enums';
import { localDate, stationCode } from '../domain/primitives';

/** `GET /api/v1/review?week=YYYY-MM-DD&station=CODE` (any day of the week; station defaults to the caller's). */
export const reviewQuerySchema = z.object({
  week: localDate,
  station: stationCode.optional(),
});
export type ReviewQuery = z.infer<typeof reviewQuerySchema>;

const count = z.number().int().nonnegative();

export const fundFiguresSchema = z.object({ count, fen: count });
export type FundFigures = z.infer<typeof fundFiguresSchema>;

/** Aid per fund source, every fund present (zeros included) so two computations compare equal. */
export const aidByFundSchema = z.object(
  Object.fromEntries(FUND_SOURCE.values.map((f) => [f, fundFiguresSchema])) as Record<FundSource, typeof fundFiguresSchema>,
);
export type AidByFund = z.infer<typeof aidByFundSchema>;

/** One row of the review table: a station (a community, or a district in the city's review). */
export const stationFiguresSchema = z.object({
  code: stationCode,
  recipients: count,
  visitsDue: count,
  visitsDone: count,
  overdue: count,
  heroesOverdue: count,
  visitsLogged: count,
  /** Of visitsLogged, those with photo evidence (an image attached to the visit, not withdrawn). */
  visitsWithPhotos: count,
  aid: aidByFundSchema,
  openRequests: count,
  /** Of openRequests, those escalated past the station by the end of asOf (shared/requests/deadlines.ts). */
  escalatedRequests: count,
  /** Days since the oldest open request was opened; null when none is open. */
  oldestRequestDays: count.nullable(),
  /** The latest sync of any device of an account stationed there (or below); null if never or unknown. */
  lastSyncAt: z.string().nullable(),
});
export type StationFigures = z.infer<typeof stationFiguresSchema>;

export const reviewTrendsSchema = z.object({
  /** 12 months × every fund, oldest first; aid dated up to the week's end. */
  aidByMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), fund: z.enum(FUND_SOURCE.values), count, fen: count })),
  /** 52 weeks ending with the reviewed week, oldest first. */
  visitsByWeek: z.array(z.object({ weekStart: localDate, count })),
});
export type ReviewTrends = z.infer<typeof reviewTrendsSchema>;

export const ROW_LEVELS = ['district', 'street', 'community'] as const;

export const reviewSchema = z.object({
  scope: stationCode,
  weekStart: localDate,
  weekEnd: localDate,
  asOf: localDate,
  rowLevel: z.enum(ROW_LEVELS),
  stations: z.array(stationFiguresSchema),
  trends: reviewTrendsSchema,
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewResponseSchema = reviewSchema.extend({ serverTime: z.string() });
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;

/** `GET /api/v1/quality/duplicates`: the same ID number registered at two or more stations. */
export const duplicateIdsResponseSchema = z.object({
  duplicates: z.array(
    z.object({
      /** Masked (`440304********123X`): the list is for finding records, not for copying numbers. */
      idNumberMasked: z.string(),
      records: z
        .array(
          z.object({
            /** Null for a record outside the caller's scope: only its station is told. */
            recipientId: z.string().nullable(),
            name: z.string().nullable(),
            stationCode,
          }),
        )
        .min(2),
    }),
  ),
});
export type DuplicateIdsResponse = z.infer<typeof duplicateIdsResponseSchema>;

-- 003_review_indexes: the district review (server/review/reviewSql.ts) selects rows by dates
-- kept inside the jsonb data. Dates and ISO instants compare as text in the C collation, so
-- each query narrows by a text range on these indexes first and applies the exact Shanghai-date
-- rule to what is left. Partial indexes: only the table each one serves, tombstones left out.

-- Occurrences due within a week (visits due and done).
CREATE INDEX rows_review_due ON rows (((data ->> 'dueDate') COLLATE "C"), station_code)
  WHERE table_name = 'dutyOccurrences' AND NOT deleted;
-- Overdue as of a day: still pending, or done after that day.
CREATE INDEX rows_review_pending ON rows (station_code)
  WHERE table_name = 'dutyOccurrences' AND NOT deleted AND data ->> 'status' = 'pending';
CREATE INDEX rows_review_done_at ON rows (((data ->> 'doneAt') COLLATE "C"), station_code)
  WHERE table_name = 'dutyOccurrences' AND NOT deleted;
-- Visits logged in a week and per week over a year.
CREATE INDEX rows_review_visited_at ON rows (((data ->> 'visitedAt') COLLATE "C"), station_code)
  WHERE table_name = 'visits' AND NOT deleted;
-- Aid in a week and per month over a year.
CREATE INDEX rows_review_aid_date ON rows (((data ->> 'date') COLLATE "C"), station_code)
  WHERE table_name = 'aid' AND NOT deleted;

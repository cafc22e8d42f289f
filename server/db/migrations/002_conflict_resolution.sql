-- 002_conflict_resolution: who resolved a conflict and from which device, for the
-- supervisors' review (server/conflicts). resolved_at and resolution exist since 001.
-- A resolution also writes an audit_log entry: table_name 'conflicts', row_id the conflict id,
-- op 'resolve_keep_winner' or 'resolve_restore_loser', fields [the field], rev 0 and seq 0
-- (a resolution changes no synced row, so it has no change seq).

ALTER TABLE conflicts ADD COLUMN resolved_by text REFERENCES accounts (id);
ALTER TABLE conflicts ADD COLUMN resolved_device_id text;
ALTER TABLE conflicts ADD CONSTRAINT conflicts_resolution_valid
  CHECK ((resolved_at IS NULL AND resolution IS NULL) OR (resolved_at IS NOT NULL AND resolution IN ('keep_winner', 'restore_loser')));

-- The review lists a scope's open conflicts, newest first.
CREATE INDEX conflicts_open ON conflicts (station_code, id) WHERE resolved_at IS NULL;

-- 005_push_verdicts: each pushed mutation's first answer, so that a retried batch (its answer
-- was lost) is answered with the same verdict instead of a bare "duplicate"; and an index for
-- trimming the conflict log to the newest entries per row and field. See README.md.

CREATE TABLE push_verdicts (
  client_id   text NOT NULL,
  mutation_id text NOT NULL,
  seq         bigint NOT NULL,
  -- sha256 of the mutation's content (seq, table, rowId, op, baseRev, fields; not the HLC,
  -- which the client may re-stamp after a clock repair): a replay must be the same mutation.
  fingerprint text NOT NULL,
  -- The MutationResult as first answered (status, reason, detail, rev, conflicts).
  result      jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (client_id, mutation_id)
);
-- One verdict per seq and client: a seq reused by another mutation is found here; retention
-- trims by seq.
CREATE UNIQUE INDEX push_verdicts_seq ON push_verdicts (client_id, seq);

-- The conflict log keeps the newest entries per row and field (server/conflicts/README.md).
CREATE INDEX conflicts_row_field ON conflicts (table_name, row_id, field, id);

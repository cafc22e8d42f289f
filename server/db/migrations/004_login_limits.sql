-- 004_login_limits: sign-in limits as windowed counters in the database, so that the check and
-- the count are one statement and every server process on the database shares them.
-- See migrations/README.md.

CREATE TABLE login_limits (
  kind         text NOT NULL CHECK (kind IN ('account', 'ip')),
  key          text NOT NULL,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX login_limits_window ON login_limits (window_start);

-- The failures per username and IP that 001 counted (read before the password check, written
-- after it, so parallel guesses all got through); only unexpired attempts ever mattered.
DROP TABLE login_attempts;

-- 001_init: accounts and tokens, the synced rows, the change log, conflicts and audit.
-- See migrations/README.md for why the layout is what it is.

CREATE TABLE server_settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);
-- tombstone_horizon_seq: pulls with a cursor below it must refetch (their tombstones are gone).
INSERT INTO server_settings (key, value) VALUES
  ('server_id', gen_random_uuid()::text),
  ('tombstone_horizon_seq', '0');

-- The change sequence is a counter ROW, locked by every writing transaction until it commits,
-- so sequence numbers become visible strictly in order and a pull can never skip a commit.
CREATE TABLE counters (
  name  text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0);

CREATE TABLE accounts (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('city_admin', 'district_supervisor', 'caseworker', 'dedicated_staff')),
  station_code  text COLLATE "C" NOT NULL,
  password_hash text NOT NULL,
  password_salt text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);

CREATE TABLE tokens (
  token_hash  text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id),
  device_id   text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX tokens_account ON tokens (account_id);

CREATE TABLE login_attempts (
  username     text NOT NULL,
  ip           text NOT NULL,
  attempted_at timestamptz NOT NULL,
  succeeded    boolean NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts (username, ip, attempted_at);

-- Every synced entity row, whatever its table: the server merges fields, it does not query
-- them, and the zod schemas in shared/ are the single definition of each entity.
CREATE TABLE rows (
  table_name     text NOT NULL,
  row_id         text NOT NULL,
  station_code   text COLLATE "C" NOT NULL,
  rev            integer NOT NULL,
  data           jsonb NOT NULL,
  field_versions jsonb NOT NULL,
  deleted        boolean NOT NULL DEFAULT false,
  updated_seq    bigint NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (table_name, row_id)
);
CREATE INDEX rows_station ON rows (station_code, table_name);
-- A recipient's case file (visits, aid, duties …) follows it when it moves station.
CREATE INDEX rows_recipient ON rows ((data ->> 'recipientId')) WHERE table_name <> 'recipients';

CREATE TABLE changes (
  seq              bigint PRIMARY KEY,
  table_name       text NOT NULL,
  row_id           text NOT NULL,
  station_code     text COLLATE "C" NOT NULL,
  -- Set when the change moved the row from another station: that scope must see it leave.
  old_station_code text COLLATE "C",
  rev              integer NOT NULL,
  op               text NOT NULL CHECK (op IN ('upsert', 'delete'))
);
-- Scope is a prefix; with the C collation a prefix is a plain btree range.
CREATE INDEX changes_station_seq ON changes (station_code, seq);
CREATE INDEX changes_old_station_seq ON changes (old_station_code, seq) WHERE old_station_code IS NOT NULL;
CREATE INDEX changes_row ON changes (table_name, row_id);

CREATE TABLE client_state (
  client_id         text PRIMARY KEY,
  account_id        text NOT NULL REFERENCES accounts (id),
  last_seq          bigint NOT NULL DEFAULT 0,
  -- The scopes under which this client's cursor was issued; a change forces a refetch.
  scope_fingerprint text,
  updated_at        timestamptz NOT NULL
);

CREATE TABLE conflicts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_name    text NOT NULL,
  row_id        text NOT NULL,
  station_code  text COLLATE "C" NOT NULL,
  field         text NOT NULL,
  winner_value  jsonb,
  loser_value   jsonb,
  winner_hlc    text NOT NULL,
  loser_hlc     text NOT NULL,
  winner        text NOT NULL CHECK (winner IN ('client', 'server')),
  client_id     text NOT NULL,
  account_id    text NOT NULL,
  mutation_id   text NOT NULL,
  created_at    timestamptz NOT NULL,
  resolved_at   timestamptz,
  resolution    text
);
CREATE INDEX conflicts_station ON conflicts (station_code, created_at);

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id  text,
  device_id   text,
  client_id   text,
  mutation_id text,
  at          timestamptz NOT NULL,
  table_name  text NOT NULL,
  row_id      text NOT NULL,
  op          text NOT NULL,
  fields      jsonb NOT NULL,
  rev         integer NOT NULL,
  seq         bigint NOT NULL
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);

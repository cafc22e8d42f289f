#!/bin/bash
# Runs inside a private mount namespace (unshare -m): a small tmpfs at $1 holds the database
# (PGlite's folder, or a PostgreSQL cluster started here), then the server with demo data.
# Exits with the server's exit code. Used by server/fullDisk.test.ts.
set -e
M=$1; MODE=$2; SIZE=$3
# The account PostgreSQL runs as (test/support/postgres.ts picks postgres, else nobody).
PG_USER=${PG_USER:-postgres}
mount -t tmpfs -o size="$SIZE" tmpfs "$M"
if [ "$MODE" = postgres ]; then
  chown "$PG_USER" "$M"; chmod 700 "$M"
  runuser -u "$PG_USER" -- "$PG_BIN/initdb" -D "$M/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >/dev/null
  runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$M/pg" -w -t 120 -l "$M/pg.log" -o "-p $PG_PORT -k $M -c listen_addresses=127.0.0.1" start >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
else
  export DATA_DIR="$M/server"
fi
set +e
node --import tsx server/main.ts --quiet --demo --demo-recipients 3
code=$?
if [ "$MODE" = postgres ]; then
  runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$M/pg" -m immediate -w stop >/dev/null 2>&1
fi
exit $code

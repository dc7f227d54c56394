#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the tests that need one, from Debian's packages.
# Prints the URL to use as CLAIMLEDGER_TEST_PG. Safe to run twice.
set -euo pipefail
PGPORT=${PGPORT:-55432}
PGDATA=${PGDATA:-/tmp/claimledger-pg}
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if ! "$bindir/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q 2>/dev/null; then
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres "$PGDATA"
    su postgres -c "$bindir/initdb -D $PGDATA -A trust -U postgres" >/dev/null
  fi
  su postgres -c "$bindir/pg_ctl -D $PGDATA -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp' -l $PGDATA/server.log -w start" >/dev/null
fi
"$bindir/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='claimledger_test'" | grep -q 1 \
  || "$bindir/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE DATABASE claimledger_test" >/dev/null
echo "postgresql://postgres@127.0.0.1:$PGPORT/claimledger_test"

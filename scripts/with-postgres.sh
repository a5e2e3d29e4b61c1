#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server, then stops and removes it.
#   scripts/with-postgres.sh npx vitest run tests/server
# The server lives in a temporary folder, listens on a free loopback port and trusts local
# connections; DATABASE_URL_TEST points at its empty database runtut_test. initdb and pg_ctl
# refuse to run as root, so as root they run as the postgres user.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ]; then echo "with-postgres: $1 not found (install PostgreSQL server binaries)" >&2; exit 1; fi
  echo "$found"
}
INITDB=$(find_bin initdb)
PG_CTL=$(find_bin pg_ctl)
PSQL=$(find_bin psql)

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/runtut-pg.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR"; fi
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

cleanup() {
  as_pg "$PG_CTL" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT INT TERM

as_pg "$INITDB" -D "$PG_DIR/data" -A trust -U postgres --no-sync >"$PG_DIR/initdb.log" 2>&1 ||
  { cat "$PG_DIR/initdb.log" >&2; exit 1; }
as_pg "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null ||
  { cat "$PG_DIR/server.log" >&2; exit 1; }
"$PSQL" -h 127.0.0.1 -p "$PORT" -U postgres -q -c 'CREATE DATABASE runtut_test' postgres

export DATABASE_URL_TEST="postgres://postgres@127.0.0.1:$PORT/runtut_test"
# Fault runs restart the server under load (tests/load): a script that does it, as postgres.
cat >"$PG_DIR/restart.sh" <<RESTART
#!/usr/bin/env bash
set -e
if [ "\$(id -u)" -eq 0 ]; then exec runuser -u postgres -- "$PG_CTL" -D "$PG_DIR/data" -m fast -w restart -l "$PG_DIR/server.log" -o "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1" >/dev/null; fi
exec "$PG_CTL" -D "$PG_DIR/data" -m fast -w restart -l "$PG_DIR/server.log" -o "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1" >/dev/null
RESTART
chmod 755 "$PG_DIR/restart.sh"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR/restart.sh"; fi
export DATABASE_TEST_RESTART="$PG_DIR/restart.sh"
# Its data directory (postmaster.pid names the server process, for CPU figures).
export PG_TEST_DATA_DIR="$PG_DIR/data"
echo "with-postgres: PostgreSQL $("$PSQL" -h 127.0.0.1 -p "$PORT" -U postgres -tAc 'SHOW server_version' postgres) on 127.0.0.1:$PORT" >&2
set +e
"$@"
status=$?
set -e
exit "$status"

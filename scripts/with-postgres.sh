#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb in a temporary
# directory, a free loopback port, run as an unprivileged user (the tests
# run as root, and PostgreSQL refuses root). The command finds the server
# in NOIBO_TEST_POSTGRES (a URL to its `postgres` database; each test makes
# databases of its own there). The cluster is stopped and deleted when the
# command ends, whatever its outcome.
#
#   scripts/with-postgres.sh make test-native test-e2e
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-postgres.sh
BIN=$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1)
DIR=$(mktemp -d /tmp/noibo-postgres.XXXXXX)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

AS=()
if [[ $(id -u) -eq 0 ]]; then
  OWNER=postgres
  id "$OWNER" >/dev/null 2>&1 || OWNER=nobody
  chown "$OWNER" "$DIR"
  AS=(runuser -u "$OWNER" --)
fi

stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U noibo --auth=trust --no-locale --encoding=UTF8 >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }
# Durability is worth nothing in a cluster deleted afterwards; speed is.
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o \
  "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
echo "==> PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (throwaway, $DIR)"

export NOIBO_TEST_POSTGRES="postgres://noibo@127.0.0.1:$PORT/postgres"
"$@"

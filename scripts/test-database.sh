#!/usr/bin/env bash
# Prints the URL of a new, empty database for a test run, of either kind:
#   sqlite NAME    a file under target/ (earlier files of that name deleted);
#   postgres NAME  a database NAME on the throwaway cluster that
#                  scripts/with-postgres.sh started (NOIBO_TEST_POSTGRES),
#                  any earlier one of that name dropped first.
# A file rather than `sqlite::memory:`: an in-memory database lives on one
# connection, and a request aborted mid-transaction can cost the pool that
# connection and all the data.
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=${1:?usage: test-database.sh sqlite|postgres NAME}
NAME=${2:?usage: test-database.sh sqlite|postgres NAME}
case "$KIND" in
  sqlite)
    mkdir -p target
    rm -f "target/$NAME.db" "target/$NAME.db-wal" "target/$NAME.db-shm"
    echo "sqlite://$PWD/target/$NAME.db"
    ;;
  postgres)
    : "${NOIBO_TEST_POSTGRES:?run under scripts/with-postgres.sh}"
    PSQL="$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1)/psql"
    PGOPTIONS="-c client_min_messages=warning" "$PSQL" -q -v ON_ERROR_STOP=1 "$NOIBO_TEST_POSTGRES" \
      -c "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" -c "CREATE DATABASE $NAME" >/dev/null
    echo "${NOIBO_TEST_POSTGRES%/*}/$NAME"
    ;;
  *) echo "error: unknown database kind $KIND (sqlite or postgres)" >&2; exit 2 ;;
esac

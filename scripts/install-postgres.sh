#!/usr/bin/env bash
# Installs Debian's PostgreSQL server programs for the tests on PostgreSQL,
# unless they are already there. The tests start their own throwaway
# cluster (scripts/with-postgres.sh); nothing here runs a server.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
exec "$(dirname "$0")/apt-install.sh" "PostgreSQL (/usr/lib/postgresql/<version>/bin/initdb)" postgresql

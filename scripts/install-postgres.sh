#!/usr/bin/env bash
# Installs Debian's PostgreSQL server programs for the tests on PostgreSQL,
# unless they are already there. The tests start their own throwaway
# cluster (scripts/with-postgres.sh); nothing here runs a server.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "error: PostgreSQL is missing. Install it by hand, then run make test again:" >&2
    echo "  apt-get install postgresql" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: PostgreSQL is missing and this is not a Debian system." >&2
  echo "  Install PostgreSQL so that /usr/lib/postgresql/<version>/bin/initdb exists." >&2
  exit 1
fi
echo "==> installing postgresql (apt)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql

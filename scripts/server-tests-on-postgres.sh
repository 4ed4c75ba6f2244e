#!/usr/bin/env bash
# The server's tests once more, on the PostgreSQL that scripts/with-postgres.sh
# started. It runs the test binaries `cargo test --workspace` has built, from
# the server's folder as cargo would: `cargo test -p noibo-server` would build
# them all again, since features unify over the packages asked for (over two
# minutes on CI's two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${NOIBO_TEST_POSTGRES:?run under scripts/with-postgres.sh}"
mapfile -t binaries < <(cargo test --workspace --no-run --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if message.get("reason") == "compiler-artifact" and message["profile"]["test"] \
            and "#noibo-server@" in message["package_id"] and message.get("executable"):
        print(message["executable"])
')
[[ ${#binaries[@]} -gt 0 ]] || { echo "error: no server test binaries; run cargo test --workspace first" >&2; exit 1; }
cd server
for binary in "${binaries[@]}"; do
  echo "==> $(basename "$binary") on PostgreSQL"
  "$binary"
done

#!/usr/bin/env bash
# Runs tests/contract.rs in headless Chromium against both backends: starts
# the reference server on a free loopback port with a fresh database of the
# kind asked (sqlite, the default, or postgres under scripts/with-postgres.sh),
# lets the test page's origin call it with credentials, and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE=$(scripts/test-database.sh "${1:-sqlite}" contract_suite)

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
SERVER_PORT=$(free_port)
PAGE_PORT=$(free_port)

# Both backends' clocks read this instant, whatever day the suite runs.
export NOIBO_NOW="2026-11-20T10:00:00+07:00"

cargo build -q -p noibo-server
target/debug/noibo-server --listen "127.0.0.1:$SERVER_PORT" --database "$DATABASE" --seed demo \
  --cors-origin "http://127.0.0.1:$PAGE_PORT" > target/contract-suite-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$SERVER_PORT/api/v1/health" >/dev/null && break; sleep 0.2; done

export NOIBO_CONTRACT_SERVER="http://127.0.0.1:$SERVER_PORT"
export WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$PAGE_PORT"
# The test page must be able to read the server's CORS answers.
export WASM_BINDGEN_TEST_NO_ORIGIN_ISOLATION=1
# Every scenario runs twice and signs in often (argon2 in a debug server): more than the 20 s default.
export WASM_BINDGEN_TEST_TIMEOUT=300
# Without the split point: a wasm-bindgen test binary with one never starts.
cargo test --no-default-features --target wasm32-unknown-unknown --test contract

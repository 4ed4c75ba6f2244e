#!/usr/bin/env bash
# Installs what building the app needs, skipping whatever is already there:
# the wasm target, Trunk, wasm-bindgen-cli at the Cargo.lock version,
# wasm-split-cli (scripts/split-hook.sh), and wasm-opt (npm `binaryen`) with
# the other Node tools in e2e/node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required: $2" >&2; exit 1; }; }
need cargo "install Rust with rustup (https://rustup.rs)"
need npm "install Node.js 20+ and npm (Debian: apt-get install nodejs npm)"

# rust-toolchain.toml pins the toolchain and the wasm target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "==> installing the pinned Rust toolchain and its wasm32 target"
  rustup toolchain install "$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)" --profile minimal --target wasm32-unknown-unknown
fi
# make lint needs these (rust-toolchain.toml lists them; an older install may lack them).
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    echo "==> installing the $component component"
    rustup component add "$component"
  fi
done

TRUNK_VERSION=0.21.14
if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  echo "==> installing trunk $TRUNK_VERSION"
  # --locked: Trunk's own lock file; newer dependency releases do not build.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]]; then
  echo "==> installing wasm-bindgen-cli $WBG_VERSION (must match Cargo.lock)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

WASM_SPLIT_VERSION=0.2.4
# It has no --version; cargo's list of installed packages says which.
if ! command -v wasm-split-cli >/dev/null 2>&1 || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  echo "==> installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if [[ ! -x e2e/node_modules/.bin/wasm-opt || e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]]; then
  echo "==> installing Node tools (wasm-opt, Playwright, axe-core)"
  (cd e2e && npm ci --no-fund --no-audit)
fi

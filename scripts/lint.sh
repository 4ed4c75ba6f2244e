#!/usr/bin/env bash
# The gates `make test` runs first: formatting and Clippy with warnings as
# errors, natively (every workspace crate) and for wasm32 (the SPA, with the
# split point as the Trunk build has it and without, as the wasm test
# binaries are built). Runs every gate and fails if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    echo "error: the Rust component '$component' is missing: rustup component add $component" >&2
    exit 1
  fi
done

failed=()
gate() {
  echo "==> $*"
  "$@" || failed+=("$*")
}

# Inside view!, a bare `>` in an attribute's closure ends the tag, and the
# rest of the line is drawn as text ("= pages on : click = move …"): such a
# comparison must be in braces, `disabled=move || { page.get() >= pages }`.
no_bare_comparison_in_view_attributes() {
  ! grep -rnE '=move \|[^|]*\|[^{"]* >=? ' src --include=*.rs
}

gate cargo fmt --all --check
gate no_bare_comparison_in_view_attributes
gate cargo clippy --workspace --all-targets -- -D warnings
gate cargo clippy -p noibo --target wasm32-unknown-unknown --all-targets -- -D warnings
gate cargo clippy -p noibo --target wasm32-unknown-unknown --no-default-features --all-targets -- -D warnings

if ((${#failed[@]})); then
  printf 'lint failed:\n' >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "lint: all gates passed in $SECONDS s"

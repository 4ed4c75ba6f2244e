#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests, unless
# they are already there. Playwright's own browser download cannot be used.
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "error: Chromium is missing. Install it by hand, then run make test again:" >&2
    echo "  apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: Chromium and ChromeDriver are missing and this is not a Debian system." >&2
  echo "  Install them so that /usr/bin/chromium and /usr/bin/chromedriver exist." >&2
  exit 1
fi
echo "==> installing chromium and chromium-driver (apt)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver

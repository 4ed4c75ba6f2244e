#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests, unless
# they are already there. Playwright's own browser download cannot be used.
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
exec "$(dirname "$0")/apt-install.sh" "Chromium (/usr/bin/chromium and /usr/bin/chromedriver)" chromium chromium-driver

#!/usr/bin/env bash
# Installs Debian packages a step of `make` needs, as root or through sudo;
# where it cannot, says what to install by hand and fails.
#   scripts/apt-install.sh WHAT PACKAGE...   (WHAT names them in messages)
set -euo pipefail
WHAT=$1
shift
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "error: $WHAT is missing. Install it by hand, then run make again:" >&2
    echo "  apt-get install $*" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: $WHAT is missing and this is not a Debian system; install $* by hand." >&2
  exit 1
fi
echo "==> installing $* (apt)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@"

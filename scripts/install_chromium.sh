#!/usr/bin/env bash
# The HTML graph's tests drive headless Chromium (tests/chromium.py): Debian's package, installed when
# missing, as root (through sudo otherwise). Used by the README's test command and by .ci/run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null

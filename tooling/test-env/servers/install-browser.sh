#!/usr/bin/env bash
# Installs Debian's Chromium (for the browser-build tests) when it is missing and we are root; otherwise
# says what to run and exits 3 (the browser tests then skip visibly, or fail under CI=true).
set -euo pipefail
if [ -n "${SESSIONKIT_CHROMIUM:-}" ] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is not installed. Run as root: apt-get update && apt-get install -y --no-install-recommends chromium" >&2
  exit 3
fi
echo "installing Chromium from Debian for the browser-build tests (once) ..."
LOG=$(mktemp)
apt-get update -qq > "$LOG" 2>&1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >> "$LOG" 2>&1 || { cat "$LOG" >&2; exit 1; }
rm -f "$LOG"

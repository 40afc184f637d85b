#!/usr/bin/env bash
# Browser test of the router's bundled GraphiQL (Playwright + Debian's
# Chromium, no downloaded browsers). Usage: router/graphiql/ui/run-browser-test.sh
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "chromium not found: apt-get install -y chromium" >&2
  exit 1
fi
[ -d node_modules ] || npm ci --no-audit --no-fund
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npx playwright test "$@"

#!/usr/bin/env bash
# Browser test of the router's bundled GraphiQL (Playwright + Debian's
# Chromium, no downloaded browsers). Ends with "browser: N passed, N failed"
# for CI. Usage: router/graphiql/ui/run-browser-test.sh
set -uo pipefail
cd "$(dirname "$0")"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "chromium not found: apt-get install -y chromium" >&2
  exit 1
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
[ -d node_modules/@playwright/test ] || npm ci --no-audit --no-fund || exit 1
results=$(mktemp)
trap 'rm -f "$results"' EXIT
PLAYWRIGHT_JSON_OUTPUT_NAME="$results" npx playwright test --reporter=list,json "$@"
status=$?
node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).stats || {};
  console.log(`browser: ${s.expected || 0} passed, ${(s.unexpected || 0) + (s.flaky || 0)} failed`);
' "$results" || echo "browser: 0 passed, 1 failed"
exit $status

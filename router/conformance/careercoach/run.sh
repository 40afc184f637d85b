#!/bin/sh
# Gateway adapter for graphql-hive/federation-gateway-audit: fetches the
# suite's supergraph and runs our router on it. The suite sends no tokens,
# so client token verification is off (--auth=off); its supergraphs are not
# our API, so the cost limit (sized for our lists) is lifted: the audit
# checks planning and execution. COACH_BIN names the `coach` binary
# (default: coach on PATH).
set -e
cd "$(dirname "$0")"
curl -fsS --retry 20 --retry-all-errors --retry-delay 1 "http://localhost:4200/$1/supergraph" -o supergraph.graphql
exec "${COACH_BIN:-coach}" router --supergraph ./supergraph.graphql \
  --addr 127.0.0.1:4000 --auth off --service-secret conformance-suite-secret --max-cost 1000000000 \
  --log-level "${COACH_LOG_LEVEL:-warn}"

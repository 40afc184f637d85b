# Career Coach. `make run` and `make test` are all a newcomer needs.
GO          ?= go
GOTESTFLAGS ?=
# Every gqlgen project: the five subgraphs, the router's test subgraphs (edge, oracle) and the benchmark's subgraphs.
GQLGEN_DIRS := $(patsubst %/gqlgen.yml,%,$(wildcard subgraphs/*/gqlgen.yml)) router/internal/eventgraph \
  $(patsubst %/gqlgen.yml,%,$(wildcard router/internal/oracle/*/gqlgen.yml)) \
  $(patsubst %/gqlgen.yml,%,$(wildcard bench/subgraphs/*/gqlgen.yml))
STATICCHECK := $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: run test test-go crosscheck-deps generate compose check-generated lint build deploy-check up down graphiql test-browser bench-subscriptions loadtest
.PHONY: web web-deps test-web bench-gateway bench oracle

## run: every service in one process on embedded defaults (SQLite in ./data, in-process bus)
run: web
	$(GO) run ./cmd/coach dev

## test: the whole suite; set TEST_DATABASE_URL / TEST_REDIS_URL to include PostgreSQL and Redis
test: test-go test-web test-browser

test-go: crosscheck-deps
	$(GO) test -count=1 $(GOTESTFLAGS) ./...
	$(GO) test -count=1 $(GOTESTFLAGS) -tags routeronly ./cmd/coach
	@# deploy/imagecheck is a module of its own (buildkit, compose-go): ./... does not enter it.
	cd deploy/imagecheck && $(GO) test -count=1 $(GOTESTFLAGS) ./...

# The composition cross-check against @apollo/composition and the router's
# GraphQL-over-HTTP audit run when Node is present; their packages are
# installed on first use.
crosscheck-deps:
	@if command -v npm >/dev/null 2>&1 && [ ! -d schema/crosscheck/node_modules/@apollo/composition ]; then \
	  npm ci --prefix schema/crosscheck --no-audit --no-fund --loglevel=error; fi
	@# The GraphQL-over-HTTP audit (graphql-http) of router/httpaudit likewise.
	@if command -v npm >/dev/null 2>&1 && [ ! -d router/httpaudit/node_modules/graphql-http ]; then \
	  npm ci --prefix router/httpaudit --no-audit --no-fund --loglevel=error; fi

# --- web app (web/): Node 20 + npm; see web/README.md ---------------------
NPM ?= npm

## web: install the web app's packages when missing or stale, build it into web/dist
web: web-deps
	cd web && $(NPM) run --silent build

web-deps: web/node_modules/.package-lock.json

# npm ci rewrites node_modules/.package-lock.json, so it is newer than the lock file afterwards.
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && $(NPM) ci --no-audit --no-fund

## test-web: type-check, lint, generated-code check, vitest, Playwright (real stack, Debian Chromium)
# Every step runs even when an earlier one fails, so one run reports everything.
test-web: web
	@cd web && rm -f test-results/vitest.json test-results/playwright.json && rc=0; \
	  for s in typecheck lint codegen:check test:unit test:e2e; do \
	    echo "=== web: npm run $$s"; $(NPM) run --silent $$s || rc=1; \
	  done; exit $$rc
# --------------------------------------------------------------------------

## generate: gqlgen for every subgraph (generated code is committed)
generate:
	@set -e; for d in $(GQLGEN_DIRS); do echo "gqlgen: $$d"; (cd $$d && $(GO) tool gqlgen generate --config gqlgen.yml); done

## compose: regenerate schema/supergraph.graphql and schema/api.graphql from supergraph.yaml (and bench/'s)
compose:
	$(GO) run ./cmd/coach compose
	$(GO) run ./cmd/coach compose --config bench/supergraph.yaml --out bench
	@# The web app's typed documents follow the API schema (web/src/gql, committed).
	@if [ -d web/node_modules ]; then cd web && $(NPM) run --silent codegen -- --silent; fi

## check-generated: fail when committed generated code or the composed schema is stale
check-generated: generate compose
	@git diff --exit-code -- subgraphs router schema bench go.mod go.sum web/src/gql || { echo "generated code is stale: run make generate and commit"; exit 1; }

## lint: gofmt, go vet, staticcheck
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags routeronly ./cmd/coach
	cd deploy/imagecheck && $(GO) vet ./...
	@out=$$(cd deploy/imagecheck && $(STATICCHECK) ./... 2>&1 | grep -vE '^exit status [0-9]+$$|^go: (downloading|finding) '); \
	  if [ -n "$$out" ]; then echo "$$out"; exit 1; fi
	@# gqlgen's generated files are not ours to fix; every other finding fails.
	@out=$$($(STATICCHECK) ./... 2>&1 | grep -vE '^exit status [0-9]+$$|^go: (downloading|finding) |/graph/(generated|federation)\.go:|/graph/model/[a-z_]+_gen\.go:'); \
	  if [ -n "$$out" ]; then echo "$$out"; exit 1; fi

build:
	$(GO) build -o bin/coach ./cmd/coach
	$(GO) build -tags routeronly -o bin/coach-router ./cmd/coach

## up: the production topology here: router + five subgraph processes on PostgreSQL and Redis (Ctrl-C stops all)
up: build
	@mkdir -p data && chmod 700 data && if [ ! -s data/key-encryption.key ]; then \
	  (umask 077 && head -c 32 /dev/urandom | base64 > data/key-encryption.key) && echo "generated data/key-encryption.key"; fi
	COACH_KEY_ENCRYPTION_KEY=$${COACH_KEY_ENCRYPTION_KEY:-$$(cat data/key-encryption.key)} bin/coach up

## down: stop a running `make up` (from another terminal) and wait until every process has stopped
down:
	@pid=$$(cat data/up.pid 2>/dev/null); \
	if [ -z "$$pid" ]; then echo "nothing is up (no data/up.pid)"; \
	elif ! cat /proc/$$pid/cmdline 2>/dev/null | tr '\0' ' ' | grep -q 'coach up'; then \
	  echo "stale data/up.pid (process $$pid is not coach up); removed"; rm -f data/up.pid; \
	else kill -TERM $$pid && echo "stopping Career Coach (pid $$pid)"; \
	  for i in $$(seq 60); do [ -d /proc/$$pid ] || exit 0; sleep 0.5; done; \
	  echo "coach up ($$pid) still running after 30 s"; exit 1; fi

KUSTOMIZE := $(GO) run sigs.k8s.io/kustomize/kustomize/v5@v5.7.1

## deploy-check: render every Kubernetes overlay with kustomize and validate it (deploy/check); check deploy/Dockerfile and deploy/compose.yaml (deploy/imagecheck)
deploy-check:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  $(KUSTOMIZE) build --load-restrictor LoadRestrictionsNone deploy/k8s/overlays/dev > $$tmp/dev.yaml; \
	  $(GO) run ./deploy/check < $$tmp/dev.yaml; \
	  $(KUSTOMIZE) build --load-restrictor LoadRestrictionsNone deploy/k8s/overlays/prod > $$tmp/prod.yaml; \
	  $(GO) run ./deploy/check --external-secrets coach-secrets,coach-databases,coach-users-keys --min-replicas 2 < $$tmp/prod.yaml; \
	  cd deploy/imagecheck && $(GO) run . -repo ../..

## graphiql: rebuild the router's bundled GraphiQL (npm + Vite) into router/graphiql/dist, committed
graphiql:
	cd router/graphiql/ui && npm ci --no-audit --no-fund && npm run build

## test-browser: GraphiQL from the router in Debian's Chromium (Playwright), outside network blocked
test-browser:
	router/graphiql/ui/run-browser-test.sh

## oracle: the router's differential oracle on random seeds (ORACLE_N cases, default 20000; a third as many with @defer, a tenth as many mutations, a thirtieth subscriptions); mismatches go to oracle-found.json
ORACLE_N ?= 20000
oracle:
	ORACLE_SEED=random ORACLE_N=$(ORACLE_N) ORACLE_RECORD=$(CURDIR)/oracle-found.json $(GO) test -count=1 -timeout 30m -run 'TestOracle$$|TestOracleDefer$$|TestOracleMutations$$|TestOracleSubscriptions$$' -v ./router/internal/oracle/

## bench-subscriptions: 1,000 WebSocket clients through the router on one topic: events/s, latency p50/p95/p99
bench-subscriptions:
	$(GO) test -run '^$$' -bench SubscriptionFanout -benchtime 20x ./router/server/

## loadtest: the production topology on local PostgreSQL (+ a private redis-server), seeded users, the web app's mix at 1/10/50/100 clients (about 2 minutes)
loadtest: build
	$(GO) run ./deploy/loadtest --binary bin/coach $(LOADTEST_FLAGS)

BENCH_DURATION ?= 60s
BENCH_FLAGS    ?=

## bench-gateway: the federation gateway benchmark (bench/README.md): router vs. one subgraph directly, 50 clients
bench-gateway: build
	$(GO) build -o bin/gwbench ./bench/cmd/gwbench
	bin/gwbench -coach bin/coach-router -duration $(BENCH_DURATION) $(BENCH_FLAGS)

## bench: the router's microbenchmarks on the gateway benchmark's query (bench/README.md), then bench-gateway
bench:
	$(GO) test -run '^$$' -bench 'GatewayQuery|ParseValidate|Plan' -benchmem ./router/server/
	$(GO) test -run '^$$' -bench . -benchmem ./router/execute/
	$(MAKE) bench-gateway

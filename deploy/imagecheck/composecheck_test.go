package main

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepoPasses: the committed Dockerfile and compose file pass every check.
func TestRepoPasses(t *testing.T) {
	if errs := CheckRepo(context.Background(), repoRoot(), Coach{Binary: coachBinary}); len(errs) > 0 {
		t.Fatalf("want no problems, got:\n%v", errors.Join(errs...))
	}
}

func TestComposeLoad(t *testing.T) {
	file := filepath.Join(repoRoot(), "deploy", "compose.yaml")
	src := string(readRepoFile(t, "deploy/compose.yaml"))
	for _, tc := range []struct {
		name    string
		edit    func(string) string
		env     map[string]string
		wantErr string
	}{
		{name: "with the secret", env: testEnv},
		{name: "without the secret", env: map[string]string{}, wantErr: "set COACH_SERVICE_SECRET (at least 16 characters)"},
		{name: "unknown key", env: testEnv, edit: func(s string) string { return strings.Replace(s, "restart:", "restrat:", 1) },
			wantErr: "restrat"},
		{name: "wrong type", env: testEnv, edit: func(s string) string { return strings.Replace(s, "read_only: true", "read_only: [yes]", 1) },
			wantErr: "read_only"},
		{name: "undefined anchor", env: testEnv, edit: func(s string) string { return strings.Replace(s, "<<: *env", "<<: *envs", 1) },
			wantErr: "envs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := src
			if tc.edit != nil {
				s = tc.edit(s)
			}
			p, err := loadComposeBytes(context.Background(), file, []byte(s), tc.env)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Services) != 8 {
					t.Fatalf("want 8 services, got %d", len(p.Services))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("want an error containing %q, got %v", tc.wantErr, err)
			}
		})
	}
}

// TestComposeCheckFails breaks the compose file one way at a time: each
// break must be reported.
func TestComposeCheckFails(t *testing.T) {
	src := string(readRepoFile(t, "deploy/compose.yaml"))
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("compose.yaml has no %q to break", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	for _, tc := range []struct {
		name string
		edit func(string) string
		want string
	}{
		{"unknown command", replace("command: [planning,", "command: [planer,"), `service planning: command ["planer" "--addr" ":4003"] is not a coach command`},
		{"unknown flag", replace(`[cv, --addr, ":4002"]`, `[cv, --adr, ":4002"]`), "service cv: coach cv --adr :4002: coach: flag provided but not defined: -adr"},
		{"flag without value", replace(`[courses, --addr, ":4005"]`, `[courses, --addr]`), "service courses: coach courses --addr: coach: --addr"},
		{"variable coach does not read", replace("COACH_USERS_URL:", "COACH_USER_URL:"), "service router: sets COACH_USER_URL, which coach router does not read"},
		{"AI variable misspelt", replace("AZURE_OPENAI_DEPLOYMENT:", "AZURE_OPENAI_MODEL:"), "service cv: sets AZURE_OPENAI_MODEL, which coach cv does not read"},
		{"no Redis", replace("COACH_REDIS_URL: redis://redis:6379/0", "COACH_LOG_LEVEL: info"), "service cv: no Redis URL"},
		{"Redis on the wrong port", replace("redis://redis:6379/0", "redis://redis:6380/0"), "service cv: --redis-url redis://redis:6380/0: service redis listens on port 6379"},
		{"shared database", replace("careercoach_progress?", "careercoach_planning?"), "services planning and progress share the database careercoach_planning"},
		{"database on a missing host", replace("@postgres:5432/careercoach_cv", "@db:5432/careercoach_cv"), `service cv: --database-url postgres://postgres:xxxxx@db:5432/careercoach_cv?sslmode=disable: no service "db"`},
		{"database password", replace("postgres:${POSTGRES_PASSWORD:-coach}@postgres:5432/careercoach_cv", "postgres:hunter2@postgres:5432/careercoach_cv"), "service cv: database password is not postgres's POSTGRES_PASSWORD"},
		{"subgraph URL on the wrong port", replace("cv=http://cv:4002/graphql", "cv=http://cv:4012/graphql"), "service router: --subgraph cv http://cv:4012/graphql: service cv listens on port 4002"},
		{"subgraph URL to the wrong service", replace("planning=http://planning:4003/graphql", "planning=http://progress:4004/graphql"), `service router: --subgraph planning http://progress:4004/graphql: service progress runs "progress", not planning`},
		{"subgraph URL with the wrong path", replace("courses=http://courses:4005/graphql", "courses=http://courses:4005/"), "service router: subgraph courses at http://courses:4005/: the subgraphs serve /graphql"},
		{"subgraph left at the supergraph's URL", replace(",courses=http://courses:4005/graphql", ""), `service router: --subgraph courses http://127.0.0.1:4005/graphql: no service "127.0.0.1"`},
		{"subgraph the supergraph lacks", replace("users=http://users:4001/graphql,", "users=http://users:4001/graphql,jobs=http://users:4001/graphql,"), "service router: --subgraph-urls names jobs, which the supergraph does not have"},
		{"JWKS of the wrong service", replace("COACH_JWKS_URL: http://users:4001", "COACH_JWKS_URL: http://router:4000"), `--jwks-url http://router:4000/.well-known/jwks.json: service router runs "router", not users`},
		{"issuer mismatch", replace("COACH_PUBLIC_URL: ${COACH_PUBLIC_URL:-http://localhost:4000}", "COACH_PUBLIC_URL: http://localhost:8080"), `service cv: token issuer "http://localhost:4000" is not the users service's public URL "http://localhost:8080"`},
		{"no service secret", replace("COACH_SERVICE_SECRET: ${COACH_SERVICE_SECRET:?set COACH_SERVICE_SECRET (at least 16 characters)}", "COACH_LOG_LEVEL: info"), "service cv: no service secret"},
		{"router not published", replace(`ports: ["4000:4000"]`, `ports: ["8080:8080"]`), "service router: listens on 4000 but publishes no port to it"},
		{"router without the subgraphs", replace("depends_on: [users, cv, planning, progress, courses]", "depends_on: [users, cv, planning, progress]"), "service router: --subgraph courses http://courses:4005/graphql: does not depend_on courses"},
		{"subgraph without users", replace("    users: { condition: service_started }\n", ""), "service cv: --jwks-url http://users:4001/.well-known/jwks.json: does not depend_on users"},
		{"healthy without a healthcheck", replace("    healthcheck: { test: [CMD, redis-cli, ping], interval: 5s, retries: 20 }\n", ""), "service cv: waits for redis to be healthy, which has no healthcheck"},
		{"read-only without /tmp", replace("  tmpfs: [/tmp]\n", ""), "service cv: read_only without a tmpfs on /tmp"},
		{"build context", replace("context: ..,", "context: .,"), "is not the repository root"},
		{"entrypoint", replace("  restart: unless-stopped\n", "  restart: unless-stopped\n  entrypoint: [/bin/sh, -c]\n"), `service cv: entrypoint ["/bin/sh" "-c"] is not the image's ["/usr/local/bin/coach"]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := checkComposeSource(t, tc.edit(src))
			for _, e := range errs {
				if strings.Contains(e.Error(), tc.want) {
					return
				}
			}
			t.Fatalf("want a problem containing %q, got:\n%v", tc.want, errors.Join(errs...))
		})
	}
}

// checkComposeSource loads and checks compose file text as if it were
// deploy/compose.yaml.
func checkComposeSource(t *testing.T, src string) []error {
	t.Helper()
	ctx := context.Background()
	repo := repoRoot()
	df, err := ParseDockerfile(filepath.Join(repo, "deploy", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := loadComposeBytes(ctx, filepath.Join(repo, "deploy", "compose.yaml"), []byte(src), testEnv)
	if err != nil {
		t.Fatal(err)
	}
	return CheckCompose(ctx, ComposeInput{Project: p, Image: df.Config(), Coach: Coach{Binary: coachBinary}, Repo: repo,
		Supergraph: filepath.Join(repo, "schema", "supergraph.graphql")})
}

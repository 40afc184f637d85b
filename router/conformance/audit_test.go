// Package conformance holds the federation-gateway-audit adapter for
// `coach router` (see router/CONFORMANCE.md) and a test that runs it.
package conformance

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestFederationAudit runs all 199 tests of graphql-hive's
// federation-gateway-audit against `coach router` with audit-driver.mjs.
// The suite is not vendored: set ROUTER_AUDIT_DIR to a checkout where `npm
// install` was run. It uses ports 4200 (the suite's subgraphs) and 4000
// (the router), so it never runs in parallel with anything else.
func TestFederationAudit(t *testing.T) {
	dir := os.Getenv("ROUTER_AUDIT_DIR")
	if dir == "" {
		t.Skip("ROUTER_AUDIT_DIR not set")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	bin := filepath.Join(t.TempDir(), "coach")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/coach")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build coach: %v\n%s", err, out)
	}
	polyfill, err := filepath.Abs("with-resolvers.mjs")
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "NODE_OPTIONS=--import="+polyfill)

	serve := exec.Command(filepath.Join(dir, "node_modules", ".bin", "tsx"), "./src/cli.ts", "serve")
	serve.Dir, serve.Env = dir, env
	serve.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // tsx runs node as a child
	if err := serve.Start(); err != nil {
		t.Fatalf("start the suite's subgraphs: %v", err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-serve.Process.Pid, syscall.SIGTERM)
		_ = serve.Wait()
	})
	waitUp(t, "http://localhost:4200/abstract-types/tests")

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	run := exec.CommandContext(ctx, node, "audit-driver.mjs")
	run.Env = append(env, "COACH_BIN="+bin, "AUDIT_DIR="+dir)
	out, err := run.CombinedOutput()
	if err != nil {
		t.Fatalf("audit failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

func waitUp(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(url); err == nil {
			_ = res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("%s did not come up", url)
}

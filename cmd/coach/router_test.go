//go:build !routeronly

package main

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
)

func TestRouterAuthFlag(t *testing.T) {
	const secret = "0123456789abcdef0"
	tests := []struct {
		name     string
		args     []string
		wantErr  string // empty: accepted
		wantMode string
	}{
		{"verification on by default", []string{"--service-secret", secret}, "", authJWT},
		{"default mode needs a jwks url", []string{"--service-secret", secret, "--jwks-url", ""}, "jwks-url", ""},
		{"off needs no jwks url", []string{"--service-secret", secret, "--auth", "off", "--jwks-url", ""}, "", authOff},
		{"unknown mode rejected", []string{"--service-secret", secret, "--auth", "none"}, `--auth must be "jwt" or "off"`, ""},
		{"off still needs the service secret", []string{"--auth", "off"}, "--service-secret", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &routerMain{env: env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}}
			err := m.ParseFlags(tt.args)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ParseFlags: %v", err)
				}
				if m.authMode != tt.wantMode {
					t.Errorf("auth mode = %q, want %q", m.authMode, tt.wantMode)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestRouterConfigWithoutVerifierAuthenticatesNothing(t *testing.T) {
	if cfg := routerConfig(nil, "0123456789abcdef0", nil, true); cfg.Authenticate != nil {
		t.Error("routerConfig(nil verifier) installed an Authenticate hook")
	}
}

func TestRouterDedupe(t *testing.T) {
	cfg := routerConfig(nil, "0123456789abcdef0", nil, true)
	if !cfg.DeduplicateQueries || !cfg.DeduplicateSubgraphRequests {
		t.Errorf("routerConfig (coach router and coach dev): queries shared %v, subgraph requests shared %v, want both",
			cfg.DeduplicateQueries, cfg.DeduplicateSubgraphRequests)
	}
	for _, tc := range []struct {
		args             []string
		queries, fetches bool
	}{
		{nil, true, true},
		{[]string{"--dedupe-queries=false"}, false, true},
		{[]string{"--dedupe-subgraph-requests=false"}, true, false},
	} {
		m := &routerMain{env: env{getenv: func(string) string { return "" }}}
		if err := m.ParseFlags(append([]string{"--service-secret", "0123456789abcdef0"}, tc.args...)); err != nil {
			t.Fatal(err)
		}
		if m.dedupeQueries != tc.queries || m.dedupeFetches != tc.fetches {
			t.Errorf("%v: dedupeQueries = %v, dedupeFetches = %v, want %v, %v", tc.args, m.dedupeQueries, m.dedupeFetches, tc.queries, tc.fetches)
		}
	}
}

// TestRouterDebugAddrServesProfilerOnlyThere: --debug-addr serves
// net/http/pprof on its own listener; the public listener does not.
func TestRouterDebugAddrServesProfilerOnlyThere(t *testing.T) {
	debug := freeAddr(t)
	public := startRouter(t, "--debug-addr", debug, "--metrics-addr", "", "--supergraph", "../../bench/supergraph.graphql")
	if code := waitStatus(t, "http://"+debug+"/debug/pprof/cmdline"); code != http.StatusOK {
		t.Errorf("debug listener: /debug/pprof/cmdline = %d, want 200", code)
	}
	if code := waitStatus(t, public+"/debug/pprof/cmdline"); code == http.StatusOK {
		t.Error("public listener serves the profiler")
	}
}

func TestRouterDebugAddrValidated(t *testing.T) {
	m := &routerMain{env: env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}}
	err := m.ParseFlags([]string{"--auth", "off", "--service-secret", "0123456789abcdef0", "--debug-addr", "no-port"})
	if err == nil || !strings.Contains(err.Error(), "debug-addr") {
		t.Fatalf("err = %v, want one about --debug-addr", err)
	}
}

func TestRouterDeletedAccountsPollValidated(t *testing.T) {
	tests := []struct {
		name, value string
		ok          bool
	}{{"default", "", true}, {"fast", "100ms", true}, {"too fast", "10ms", false}, {"too slow", "2m", false}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &routerMain{env: env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}}
			args := []string{"--service-secret", "0123456789abcdef0"}
			if tt.value != "" {
				args = append(args, "--deleted-accounts-poll", tt.value)
			}
			err := m.ParseFlags(args)
			if tt.ok != (err == nil) || (err != nil && !strings.Contains(err.Error(), "deleted-accounts-poll")) {
				t.Fatalf("err = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

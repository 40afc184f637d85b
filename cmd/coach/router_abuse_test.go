//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// startRouter runs `coach router` with args (plus what every test needs)
// until the test ends, and waits until it answers.
func startRouter(t *testing.T, args ...string) string {
	t.Helper()
	public := freeAddr(t)
	m := &routerMain{env: env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}}
	base := []string{"--auth", "off", "--service-secret", "0123456789abcdef0", "--addr", public,
		"--users-url", "", "--web-dir", "", "--log-level", "warn"}
	if err := m.ParseFlags(append(base, args...)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	waitStatus(t, "http://"+public+"/healthz")
	return "http://" + public
}

// waitStatus polls url until it answers and returns its status.
func waitStatus(t *testing.T, url string) int {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		res, err := http.Get(url)
		if err == nil {
			res.Body.Close()
			return res.StatusCode
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: %v", url, err)
		}
	}
}

// /metrics is served on --metrics-addr only, never on the public port.
func TestRouterMetricsAddr(t *testing.T) {
	metrics := freeAddr(t)
	public := startRouter(t, "--metrics-addr", metrics, "--supergraph", "../../bench/supergraph.graphql")
	if code := waitStatus(t, "http://"+metrics+"/metrics"); code != http.StatusOK {
		t.Errorf("metrics listener: /metrics = %d, want 200", code)
	}
	if code := waitStatus(t, public+"/metrics"); code == http.StatusOK {
		t.Error("the public port serves /metrics")
	}
}

func TestRouterLimitFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"defaults", nil, ""},
		{"zero batch", []string{"--max-batch", "0"}, "--max-batch"},
		{"negative cost", []string{"--max-cost", "-1"}, "--max-cost"},
		{"zero fragments", []string{"--max-fragments", "0"}, "--max-fragments"},
		{"bad metrics address", []string{"--metrics-addr", "nope"}, "metrics-addr"},
		{"metrics off", []string{"--metrics-addr", ""}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &routerMain{env: env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}}
			err := m.ParseFlags(append([]string{"--auth", "off", "--service-secret", "0123456789abcdef0"}, tc.args...))
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if l := m.limits; l.MaxBatch <= 0 || l.MaxCost <= 0 || l.MaxFields <= 0 || l.MaxFragments <= 0 || l.MaxRepeats <= 0 {
					t.Errorf("limits %+v: all on by default", m.limits)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want one about %s", err, tc.wantErr)
			}
		})
	}
}

// Issue 20 item 10 against `coach router` with its defaults and the real
// supergraph: 300 operations of 20 aliased courses(first: 50) (450 KB)
// ran 40 s and returned 38.6 MB. Now the batch is refused before the
// courses service hears of it, down to two such operations (20,080 over
// --max-cost 20,000). One alone (10,040: at most 1,000 courses) is within
// the limit, which our own clients' costliest operations need with
// headroom (TestDefaultLimitsPassOurClients).
func TestRouterRefusesBatchAttack(t *testing.T) {
	var calls atomic.Int64
	courses := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"data":null}`)
	}))
	t.Cleanup(courses.Close)
	base := startRouter(t, "--metrics-addr", "", "--supergraph", "../../schema/supergraph.graphql",
		"--subgraph-urls", "courses="+courses.URL)
	var op strings.Builder
	op.WriteString("{")
	for i := range 20 {
		fmt.Fprintf(&op, " c%d: courses(first: 50) { edges { node { id title provider url level durationHours free rating skills } } }", i)
	}
	op.WriteString(" }")
	batch := func(n int) []byte {
		ops := make([]map[string]string, n)
		for i := range ops {
			ops[i] = map[string]string{"query": op.String()}
		}
		b, _ := json.Marshal(ops)
		return b
	}
	tests := []struct {
		name string
		body []byte
		want string
	}{
		{"300 operations", batch(300), `"MAX_BATCH_EXCEEDED"`},
		{"10 operations", batch(10), `"MAX_COST_EXCEEDED"`},
		{"2 operations", batch(2), `"MAX_COST_EXCEEDED"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			res, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if !bytes.Contains(body, []byte(tc.want)) || bytes.Contains(body, []byte(`"data"`)) {
				t.Errorf("%d bytes: %.300s, want %s and no data", len(body), body, tc.want)
			}
			t.Logf("%d KB request: %d bytes answered in %v", len(tc.body)>>10, len(body), time.Since(start))
		})
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("the courses service got %d requests", n)
	}
}

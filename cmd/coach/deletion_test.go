//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/careercoach/coach/deploy/stack/deletetest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

// devStack is a `coach dev` running in this test process.
type devStack struct {
	base    string            // the router's origin
	subs    map[string]string // subgraph name → listen address
	dataDir string
	logs    *bytes.Buffer
}

// startDev runs `coach dev` as `make run` does until the test ends, when it
// must stop cleanly.
func startDev(t *testing.T) *devStack {
	t.Helper()
	addr := freeAddr(t)
	s := &devStack{base: "http://" + addr, subs: map[string]string{}, dataDir: t.TempDir(), logs: &bytes.Buffer{}}
	args := []string{"dev", "--data-dir", s.dataDir, "--addr", addr, "--public-url", s.base}
	for _, sg := range devSubgraphs {
		s.subs[sg.name] = freeAddr(t)
		args = append(args, "--"+sg.name+"-addr", s.subs[sg.name])
	}
	ctx, cancel := context.WithCancel(context.Background())
	e := env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: s.logs}
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, e) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("dev stopped with %v\n%s", err, s.logs)
			}
		case <-time.After(20 * time.Second):
			t.Error("dev did not stop after its context ended")
		}
	})
	for _, a := range s.subs {
		waitReady(t, "http://"+a+"/readyz", done)
	}
	waitReady(t, s.base+"/healthz", done)
	return s
}

// TestDeletedAccountIsRefusedEverywhere replays issue 20 item 6 on `coach
// dev` (SQLite, in-process bus): the production topology runs the same
// replay on PostgreSQL and Redis in deploy/stack.
func TestDeletedAccountIsRefusedEverywhere(t *testing.T) {
	s := startDev(t)
	subs := map[string]string{}
	for name, a := range s.subs {
		subs[name] = "http://" + a
	}
	deletetest.Replay(t, deletetest.Target{
		Router:    s.base,
		Subgraphs: subs,
		CV:        "../../subgraphs/cv/extract/testdata/fpdf-two-page.pdf",
		SignUp: func(t *testing.T, email string) string {
			raw := postJSON(t, s.base+"/auth/signup", "", map[string]string{"email": email, "password": "violet-Harbour-42", "displayName": "Mallory"})
			var out struct{ AccessToken string }
			if err := json.Unmarshal(raw, &out); err != nil || out.AccessToken == "" {
				t.Fatalf("signup: %s", raw)
			}
			return out.AccessToken
		},
		DB: func(t *testing.T, service string) *db.DB {
			d, err := db.Open(t.Context(), db.Config{DataDir: s.dataDir, Name: "careercoach_" + service}, dbtest.Logger())
			if err != nil {
				t.Fatalf("opening the %s database: %v", service, err)
			}
			return d
		},
	})
	if resp, err := http.Get(s.base + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("coach dev unhealthy after the replay: %v", err)
	}
}

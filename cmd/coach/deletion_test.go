//go:build !routeronly

package main

import (
	"net/http"
	"testing"

	"github.com/careercoach/coach/deploy/stack/deletetest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

// TestDeletedAccountIsRefusedEverywhere replays issue 20 item 6 on `coach
// dev` (SQLite, in-process bus): the production topology runs the same
// replay on PostgreSQL and Redis in deploy/stack.
func TestDeletedAccountIsRefusedEverywhere(t *testing.T) {
	dataDir := t.TempDir() // a later --data-dir wins over startDev's own
	s := startDev(t, "--data-dir", dataDir)
	base := "http://" + s.addr
	subs := map[string]string{}
	for name, a := range s.subAddrs {
		subs[name] = "http://" + a
	}
	deletetest.Replay(t, deletetest.Target{
		Router:    base,
		Subgraphs: subs,
		CV:        "../../subgraphs/cv/extract/testdata/fpdf-two-page.pdf",
		SignUp:    func(t *testing.T, email string) string { return signUpToken(t, base, email) },
		DB: func(t *testing.T, service string) *db.DB {
			d, err := db.Open(t.Context(), db.Config{DataDir: dataDir, Name: "careercoach_" + service}, dbtest.Logger())
			if err != nil {
				t.Fatalf("opening the %s database: %v", service, err)
			}
			return d
		},
	})
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatalf("coach dev after the replay: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("coach dev unhealthy after the replay: %s", resp.Status)
	}
}

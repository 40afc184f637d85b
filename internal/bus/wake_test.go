package bus

import (
	"database/sql"
	"log/slog"
	"testing"

	"github.com/careercoach/coach/internal/db"
)

// A relay wakes when a transaction on its database commits, whoever
// committed it: no caller has to remember Notify.
func TestRelayWakesOnCommit(t *testing.T) {
	d, err := db.Open(t.Context(), db.Config{DataDir: t.TempDir(), Name: "wake", Migrations: []db.Migrations{Migrations()}}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close() })
	r := NewRelay(d, nil, slog.New(slog.DiscardHandler), RelayOptions{})
	if len(r.wake) != 0 {
		t.Fatal("woken before any commit")
	}
	err = d.WithTx(t.Context(), func(tx *sql.Tx) error {
		return Enqueue(t.Context(), tx, Event{Type: GoalChanged, Subject: "u1"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.wake) != 1 {
		t.Error("the relay was not woken by the commit")
	}
}

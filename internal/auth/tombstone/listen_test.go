package tombstone_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/waitfor"
)

// TestAnnouncedDeletionIsRefusedAtOnce: a service that listens on the
// announcement topic refuses the account without waiting for the durable
// event (none is sent here), on every bus and database.
func TestAnnouncedDeletionIsRefusedAtOnce(t *testing.T) {
	for _, f := range bustest.Factories() {
		t.Run(f.Name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				b := f.New(t)
				ts := tombstone.New(d)
				ctx, cancel := context.WithCancel(t.Context())
				sw := &tombstone.Sweeper{DB: d, Store: ts, Erase: tombstone.Handle(service{d}.handle), Announcements: b, Log: logging.Discard()}
				done := make(chan error, 1)
				go func() { done <- sw.Run(ctx) }()
				// Pub/sub reaches current subscribers only: announce until heard.
				waitfor.Check(t, 10*time.Second, "the announced deletion to be recorded", func() (bool, string) {
					tombstone.Announce(ctx, b, "ada", logging.Discard())
					revoked, err := ts.Revoked(ctx, "ada")
					return revoked, fmt.Sprintf("revoked=%v err=%v", revoked, err)
				})
				if revoked, _ := ts.Revoked(ctx, "bob"); revoked {
					t.Fatal("bob was recorded deleted")
				}
				cancel()
				select {
				case <-done:
				case <-time.After(5 * time.Second):
					t.Fatal("Run did not end with its context")
				}
			}, tombstone.Migrations(), notes)
		})
	}
}

package tombstone_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
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

// TestAnnouncedDeletionIsRefusedDuringTheErase: the durable user.deleted
// handler records the tombstone first and then erases, holding the
// tombstone's key uncommitted meanwhile (on PostgreSQL an INSERT of the same
// key waits; on SQLite the write lock is held). The announcement must
// refuse the account at once all the same, not when the erase commits.
func TestAnnouncedDeletionIsRefusedDuringTheErase(t *testing.T) {
	f := bustest.Factories()[0]
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := f.New(t)
		ts := tombstone.New(d)
		erasing, finish := make(chan struct{}), make(chan struct{})
		slowErase := func(ctx context.Context, tx *sql.Tx, ev bus.Event) error {
			close(erasing)
			<-finish // an erase that takes its time
			return nil
		}
		durable := make(chan error, 1)
		go func() {
			ev, err := bus.NewEvent("ada", bus.UserDeletedPayload{UserID: "ada"})
			if err != nil {
				durable <- err
				return
			}
			ev.ID = "e1"
			durable <- d.WithTx(t.Context(), func(tx *sql.Tx) error { return tombstone.Handle(slowErase)(t.Context(), tx, ev) })
		}()
		<-erasing
		ctx, cancel := context.WithCancel(t.Context())
		sw := &tombstone.Sweeper{DB: d, Store: ts, Erase: tombstone.Handle(service{d}.handle), Announcements: b, Log: logging.Discard()}
		done := make(chan error, 1)
		go func() { done <- sw.Run(ctx) }()
		waitfor.Check(t, 3*time.Second, "the announced deletion to be refused while the erase runs", func() (bool, string) {
			tombstone.Announce(ctx, b, "ada", logging.Discard())
			revoked, err := ts.Revoked(ctx, "ada")
			return revoked, fmt.Sprintf("revoked=%v err=%v", revoked, err)
		})
		close(finish)
		if err := <-durable; err != nil {
			t.Fatalf("the durable erase: %v", err)
		}
		cancel()
		<-done
	}, tombstone.Migrations(), notes)
}

package tombstone

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
)

// Sweep defaults. A write that passed the token checks (at the request's
// first byte and again when the operation starts) just before the tombstone
// landed commits within the time its resolver takes, far below
// DefaultSweepWindow; the short interval erases it within seconds, and a
// sweep of a user with nothing left costs a few indexed DELETEs.
const (
	DefaultSweepWindow   = 10 * time.Minute
	DefaultSweepInterval = 5 * time.Second
	// sweepBatch bounds one sweep; more recent deletions than this wait for
	// the next round.
	sweepBatch = 1000
)

// Sweeper erases, again, the data of accounts deleted recently: a write
// that raced the deletion (its token was checked just before this service
// recorded the tombstone, and it committed just after the erase) is caught
// by the next sweep. Erase is the service's own user.deleted handler, run
// with a user.deleted event rebuilt from the tombstone.
type Sweeper struct {
	DB       *db.DB
	Store    *Store
	Erase    bus.TxHandler
	Window   time.Duration // sweep tombstones recorded this recently; DefaultSweepWindow when 0
	Interval time.Duration // between sweeps; DefaultSweepInterval when 0
	// Announcements, when set, is the bus on which Run also listens for
	// deletions announced on Topic (see Listen).
	Announcements bus.Bus
	Log           *slog.Logger
}

// Run sweeps every Interval (and listens, see Announcements) until ctx
// ends; a failed sweep is logged and retried at the next tick.
func (w *Sweeper) Run(ctx context.Context) error {
	if w.Announcements != nil {
		listened := make(chan struct{})
		go func() {
			defer close(listened)
			if err := Listen(ctx, w.Announcements, w.Store, w.Log); err != nil {
				w.Log.ErrorContext(ctx, "deleted accounts are learnt from events only", "err", err)
			}
		}()
		defer func() { <-listened }()
	}
	interval := w.Interval
	if interval <= 0 {
		interval = DefaultSweepInterval
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if _, err := w.Sweep(ctx, time.Now()); err != nil && ctx.Err() == nil {
				w.Log.ErrorContext(ctx, "erasing late writes of deleted accounts", "err", err)
			}
		}
	}
}

// Sweep runs Erase once for every tombstone recorded within Window before
// now, one transaction each, and reports how many it swept.
func (w *Sweeper) Sweep(ctx context.Context, now time.Time) (int, error) {
	window := w.Window
	if window <= 0 {
		window = DefaultSweepWindow
	}
	ts, err := w.Store.RecordedSince(ctx, now.Add(-window), sweepBatch)
	if err != nil {
		return 0, err
	}
	var errs []error
	n := 0
	for _, t := range ts {
		ev, err := bus.NewEvent(t.Subject, bus.UserDeletedPayload{UserID: t.Subject})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ev.ID, ev.OccurredAt = "sweep:"+t.Subject, t.DeletedAt
		if err := w.DB.WithTx(ctx, func(tx *sql.Tx) error { return w.Erase(ctx, tx, ev) }); err != nil {
			errs = append(errs, fmt.Errorf("erasing data of deleted account %s: %w", t.Subject, err))
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

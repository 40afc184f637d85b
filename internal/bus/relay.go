package bus

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/careercoach/coach/internal/db"
)

// txTimeout bounds one batch transaction, including after shutdown began.
const txTimeout = 30 * time.Second

// RelayOptions tune a Relay; zero values take the defaults.
type RelayOptions struct {
	PollInterval time.Duration // how often to look for rows without Notify; default 1s
	BatchSize    int           // rows per transaction; default 100
	MaxBackoff   time.Duration // longest wait between retries while the bus fails; default 30s
}

// Relay moves events from a database's outbox to a Bus, oldest first. It is
// safe to run several relays on one database (replicas): on PostgreSQL each
// batch is claimed with FOR UPDATE SKIP LOCKED, on SQLite the batch
// transaction holds the write lock. Delivery is at-least-once: an event is
// appended again if the relay dies between Append and deleting the row.
type Relay struct {
	db   *db.DB
	bus  Bus
	log  *slog.Logger
	opts RelayOptions
	wake chan struct{}
}

// NewRelay returns a relay from d's outbox to b; start it with Run. It
// wakes after every transaction d.WithTx commits (db.DB.OnCommit), so
// events go out at once without anyone calling Notify; the poll catches
// writes made outside WithTx.
func NewRelay(d *db.DB, b Bus, log *slog.Logger, opts RelayOptions) *Relay {
	if opts.PollInterval <= 0 {
		opts.PollInterval = time.Second
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 100
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 30 * time.Second
	}
	r := &Relay{db: d, bus: b, log: log, opts: opts, wake: make(chan struct{}, 1)}
	d.OnCommit(r.Notify)
	return r
}

// Notify wakes the relay now instead of at the next poll; it never blocks.
// Commits through d.WithTx notify by themselves.
func (r *Relay) Notify() {
	select {
	case r.wake <- struct{}{}:
	default: // a wake-up is already pending
	}
}

// Run relays until ctx ends, then returns nil. While the bus or database
// fails it logs and retries with exponential backoff.
func (r *Relay) Run(ctx context.Context) error {
	failures := 0
	for {
		_, err := r.Flush(ctx)
		if ctx.Err() != nil {
			return nil
		}
		wait, wake := r.opts.PollInterval, r.wake
		if err != nil {
			failures++
			wait = min(r.opts.PollInterval<<min(failures-1, 16), r.opts.MaxBackoff)
			wake = nil // while failing, Notify must not turn backoff into a busy loop
			r.log.WarnContext(ctx, "relaying outbox failed; will retry", "database", r.db.Name(), "retry_in", wait, "err", err)
		} else if failures > 0 {
			failures = 0
			r.log.InfoContext(ctx, "relaying outbox recovered", "database", r.db.Name())
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case <-timer.C:
		case <-wake:
			timer.Stop()
		}
	}
}

// Flush relays every row in the outbox now and reports how many it sent.
func (r *Relay) Flush(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := r.flushBatch(ctx)
		total += n
		if err != nil || n < r.opts.BatchSize {
			return total, err
		}
	}
}

func (r *Relay) flushBatch(ctx context.Context) (int, error) {
	query := `SELECT id, type, subject, payload, occurred_at FROM bus_outbox ORDER BY occurred_at, id LIMIT $1`
	if r.db.Dialect() == db.Postgres {
		query += ` FOR UPDATE SKIP LOCKED` // concurrent relays take disjoint batches
	}
	// Cheap check first: on SQLite a batch transaction takes the write lock.
	var pending bool
	if err := r.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM bus_outbox)`).Scan(&pending); err != nil {
		return 0, fmt.Errorf("relay outbox of %s: check for events: %w", r.db.Name(), err)
	}
	if !pending {
		return 0, nil
	}
	sent := 0
	var appendErr error
	// The transaction outlives a cancelled ctx (bounded by txTimeout) so
	// that rows already appended are deleted rather than sent again later.
	txCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), txTimeout)
	defer cancel()
	err := r.db.WithTx(txCtx, func(tx *sql.Tx) error {
		events, err := queryEvents(txCtx, tx, query, r.opts.BatchSize)
		if err != nil {
			return err
		}
		for _, ev := range events {
			if appendErr = ctx.Err(); appendErr != nil {
				break
			}
			if appendErr = r.bus.Append(ctx, ev); appendErr != nil {
				break // commit what was sent; the rest waits for the retry
			}
			if _, err := tx.ExecContext(txCtx, `DELETE FROM bus_outbox WHERE id = $1`, ev.ID); err != nil {
				return fmt.Errorf("delete relayed event %s: %w", ev.ID, err)
			}
			sent++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("relay outbox of %s: %w", r.db.Name(), err)
	}
	if appendErr != nil {
		return sent, fmt.Errorf("relay outbox of %s: %w", r.db.Name(), appendErr)
	}
	return sent, nil
}

func queryEvents(ctx context.Context, tx *sql.Tx, query string, limit int) ([]Event, error) {
	rows, err := tx.QueryContext(ctx, query, limit)
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	defer rows.Close()
	var events []Event
	for rows.Next() {
		var (
			ev      Event
			payload string
		)
		if err := rows.Scan(&ev.ID, &ev.Type, &ev.Subject, &payload, &ev.OccurredAt); err != nil {
			return nil, fmt.Errorf("read outbox row: %w", err)
		}
		ev.Payload = json.RawMessage(payload)
		events = append(events, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	return events, nil
}

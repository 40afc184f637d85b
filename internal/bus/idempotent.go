package bus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/careercoach/coach/internal/db"
)

// TxHandler handles an event inside the transaction that records it as
// processed; whatever it writes through tx commits together with that record.
type TxHandler func(ctx context.Context, tx *sql.Tx, ev Event) error

// Idempotent makes h run at most once per event id for consumer (normally the
// Consume group name) despite redelivery. In one transaction it records
// (consumer, event id) in bus_processed_events and, unless the record already
// existed, runs h: if h fails, both roll back and the event is retried.
//
// The one malformed-event policy of every consumer: when h's error wraps
// ErrMalformed, h's writes roll back, the event is logged as an error,
// recorded as processed and acknowledged. Retrying it could never succeed
// and would only keep it pending forever.
func Idempotent(d *db.DB, consumer string, log *slog.Logger, h TxHandler) Handler {
	return func(ctx context.Context, ev Event) error {
		if ev.ID == "" {
			return errors.New("handle event: event has no id")
		}
		err := d.WithTx(ctx, func(tx *sql.Tx) error {
			first, err := markProcessed(ctx, tx, consumer, ev)
			if err != nil || !first {
				return err // !first: handled before
			}
			return h(ctx, tx, ev)
		})
		if !errors.Is(err, ErrMalformed) {
			return err
		}
		log.ErrorContext(ctx, "dropping malformed event", "consumer", consumer, "event_type", ev.Type,
			"event_id", ev.ID, "subject", ev.Subject, "err", err)
		return d.WithTx(ctx, func(tx *sql.Tx) error {
			_, err := markProcessed(ctx, tx, consumer, ev)
			return err
		})
	}
}

// markProcessed records ev as processed by consumer and reports whether
// this is the first record.
func markProcessed(ctx context.Context, tx *sql.Tx, consumer string, ev Event) (bool, error) {
	res, err := tx.ExecContext(ctx,
		`INSERT INTO bus_processed_events (consumer, event_id, processed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
		consumer, ev.ID, db.UTC(time.Now()))
	if err != nil {
		return false, fmt.Errorf("record %s event %s as processed by %s: %w", ev.Type, ev.ID, consumer, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record %s event %s as processed by %s: %w", ev.Type, ev.ID, consumer, err)
	}
	return n > 0, nil
}

// PruneProcessed forgets events processed before cutoff and reports how many.
// Keep cutoff well beyond the stream's retention, or an old event redelivered
// after pruning would be handled twice.
func PruneProcessed(ctx context.Context, d *db.DB, cutoff time.Time) (int64, error) {
	res, err := d.ExecContext(ctx, `DELETE FROM bus_processed_events WHERE processed_at < $1`, db.UTC(cutoff))
	if err != nil {
		return 0, fmt.Errorf("prune processed events: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune processed events: %w", err)
	}
	return n, nil
}

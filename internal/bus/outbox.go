package bus

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/db"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migrations creates the outbox and processed-events tables. Every service
// that enqueues or consumes events adds it to its db.Config.
func Migrations() db.Migrations {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		panic(err) // "migrations" is embedded above; cannot fail
	}
	return db.Migrations{Name: "bus", FS: sub}
}

// Enqueue writes ev to the outbox within tx, so it is published if and only
// if tx commits. It fills ev.ID and ev.OccurredAt when empty. The relay
// wakes when a transaction of db.DB.WithTx commits (see NewRelay).
func Enqueue(ctx context.Context, tx *sql.Tx, ev Event) error {
	if ev.Type == "" {
		return errors.New("enqueue event: type is empty")
	}
	if ev.ID == "" {
		ev.ID = uuid.NewString()
	}
	if ev.OccurredAt.IsZero() {
		ev.OccurredAt = time.Now()
	}
	payload := ev.Payload
	if len(payload) == 0 {
		payload = json.RawMessage("null")
	}
	if !json.Valid(payload) {
		return fmt.Errorf("enqueue %s event: payload is not valid JSON", ev.Type)
	}
	_, err := tx.ExecContext(ctx,
		`INSERT INTO bus_outbox (id, type, subject, payload, occurred_at) VALUES ($1, $2, $3, $4, $5)`,
		ev.ID, ev.Type, ev.Subject, string(payload), db.UTC(ev.OccurredAt))
	if err != nil {
		return fmt.Errorf("enqueue %s event: %w", ev.Type, err)
	}
	return nil
}

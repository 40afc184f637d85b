// Package store implements progress.Store on SQL that runs unchanged on
// PostgreSQL and SQLite (see internal/db for the portable-SQL rules), and
// the event handlers that keep its read models.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/progress"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migrations returns the database migrations the progress service needs,
// its own after the shared outbox and tombstone tables.
func Migrations() []db.Migrations {
	sub, _ := fs.Sub(migrationFiles, "migrations") // cannot fail: the directory is embedded
	return []db.Migrations{bus.Migrations(), tombstone.Migrations(), {Name: "progress", FS: sub}}
}

// Store is the SQL implementation of progress.Store.
type Store struct {
	db *db.DB
	// Profiler combines evidence into the skill profile; the zero value
	// infers no related skills (the server sets the taxonomy's).
	Profiler progress.Profiler
}

var _ progress.Store = (*Store)(nil)

// New returns a store on an open, migrated database.
func New(d *db.DB) *Store { return &Store{db: d} }

// Ping checks the database for readiness probes.
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type scanner interface{ Scan(dest ...any) error }

// addActivity records a feed item (and thereby an active day) within tx.
func addActivity(ctx context.Context, q querier, a progress.Activity) error {
	if a.ID == "" {
		a.ID = uuid.NewString()
	}
	at := db.UTC(a.OccurredAt)
	_, err := q.ExecContext(ctx,
		`INSERT INTO activity (id, user_id, kind, ref_id, title, hours, occurred_at, day) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		a.ID, a.UserID, string(a.Kind), a.RefID, a.Title, a.Hours, at, at.Format(time.DateOnly))
	if err != nil {
		return fmt.Errorf("recording %s activity: %w", a.Kind, err)
	}
	return nil
}

func nullTime(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.Time.UTC()
	return &v
}

// eachChunk calls fn with ids in slices of at most progress.MaxBatch, so an
// IN list stays within every engine's parameter limit; batches the router
// sends are normally one chunk, i.e. one query.
func eachChunk(ids []string, fn func(part []string) error) error {
	for len(ids) > 0 {
		n := min(len(ids), progress.MaxBatch)
		if err := fn(ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// Package store implements cv.Store on SQL that runs unchanged on
// PostgreSQL and SQLite (see internal/db for the portable-SQL rules); only
// the job claim differs, to use FOR UPDATE SKIP LOCKED on PostgreSQL.
package store

import (
	"context"
	"embed"
	"io/fs"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/cv"
)

//go:embed migrations
var migrationFiles embed.FS

// Migrations returns the database migrations the cv service needs, its own
// after the shared outbox and tombstone tables.
func Migrations() []db.Migrations {
	sub, _ := fs.Sub(migrationFiles, "migrations") // cannot fail: the directory is embedded
	return []db.Migrations{bus.Migrations(), tombstone.Migrations(), {Name: "cv", FS: sub}}
}

// Store is the SQL implementation of cv.Store.
type Store struct {
	db *db.DB
	// MaxAttempts bounds how often a job is tried (claims, including after
	// a dead worker); default 3.
	MaxAttempts int
}

var _ cv.Store = (*Store)(nil)

// New returns a store on an open, migrated database.
func New(d *db.DB) *Store { return &Store{db: d, MaxAttempts: 3} }

// Ping checks the database for readiness probes.
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

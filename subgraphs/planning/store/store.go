// Package store implements planning.Store on SQL that runs unchanged on
// PostgreSQL and SQLite (see internal/db for the portable-SQL rules).
package store

import (
	"context"
	"embed"
	"io/fs"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/planning"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migrations returns the planning service's migrations, after the shared
// outbox, processed-events and tombstone tables.
func Migrations() []db.Migrations {
	sub, _ := fs.Sub(migrationFiles, "migrations") // cannot fail: the directory is embedded
	return []db.Migrations{bus.Migrations(), tombstone.Migrations(), {Name: "planning", FS: sub}}
}

// Store is the SQL implementation of planning.Store.
type Store struct {
	db *db.DB
	// Readiness computes a role's readiness from skills (Catalog.Readiness),
	// for the snapshot a new goal starts its history with; nil records none.
	Readiness func(roleID string, skills []planning.SkillLevel) (int, bool)
}

var _ planning.Store = (*Store)(nil)

// New returns a store on an open, migrated database.
func New(d *db.DB) *Store { return &Store{db: d} }

// Ping checks the database for readiness probes.
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

type scanner interface{ Scan(dest ...any) error }

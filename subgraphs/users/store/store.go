// Package store implements users.Store on SQL that runs unchanged on
// PostgreSQL and SQLite (see internal/db for the portable-SQL rules).
package store

import (
	"context"
	"embed"
	"io/fs"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migrations returns the database migrations the users service needs, its
// own after the shared outbox and tombstone tables.
func Migrations() []db.Migrations {
	sub, _ := fs.Sub(migrationFiles, "migrations") // cannot fail: the directory is embedded
	return []db.Migrations{bus.Migrations(), tombstone.Migrations(), {Name: "users", FS: sub}}
}

// Store is the SQL implementation of users.Store.
type Store struct {
	db *db.DB
	// Deleted, when set, is called after an account's deletion committed,
	// to announce it at once (auth:deleted); the relay wakes on the commit.
	Deleted func(ctx context.Context, id string)
}

var _ users.Store = (*Store)(nil)

// New returns a store on an open, migrated database.
func New(d *db.DB) *Store { return &Store{db: d} }

// Ping checks the database for readiness probes.
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

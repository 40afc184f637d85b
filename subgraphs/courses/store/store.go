// Package store implements courses.Store on SQL that runs on PostgreSQL and
// SQLite. Full-text search is the one place the engines differ: a generated
// tsvector column with a GIN index ranked by ts_rank on PostgreSQL, an FTS5
// table ranked by bm25 on SQLite (see search.go).
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/courses"
)

//go:embed migrations
var migrationFiles embed.FS

// Migrations returns the database migrations the courses service needs, its
// own after the shared outbox and tombstone tables.
func Migrations() []db.Migrations {
	sub, _ := fs.Sub(migrationFiles, "migrations") // cannot fail: the directory is embedded
	return []db.Migrations{bus.Migrations(), tombstone.Migrations(), {Name: "courses", FS: sub}}
}

// Store is the SQL implementation of courses.Store.
type Store struct {
	db    *db.DB
	canon courses.Canon
}

var _ courses.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithTaxonomy makes the skill names of incoming events canonical (an alias
// such as "k8s" is stored as Kubernetes) so that they match the catalogue.
func WithTaxonomy(tax *skills.Taxonomy) Option {
	return func(s *Store) { s.canon = courses.CanonicalSkills(tax) }
}

// New returns a store on an open, migrated database.
func New(d *db.DB, opts ...Option) *Store {
	s := &Store{db: d}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Ping checks the database for readiness probes.
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

// querier is what both *sql.DB and *sql.Tx offer, so reads run inside or
// outside a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// placeholders returns "$from, ..., $(from+n-1)".
func placeholders(from, n int) string {
	ph := make([]string, n)
	for i := range ph {
		ph[i] = fmt.Sprintf("$%d", from+i)
	}
	return strings.Join(ph, ", ")
}

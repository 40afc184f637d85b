package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// Dialect names a database engine.
type Dialect string

// The supported engines. The values double as subtest names in dbtest.
const (
	Postgres Dialect = "postgres"
	SQLite   Dialect = "sqlite"
)

// DB is an open, migrated database. The embedded *sql.DB is safe for
// concurrent use; use it directly for single statements.
type DB struct {
	*sql.DB
	dialect Dialect
	name    string

	hooksMu  sync.RWMutex
	onCommit []func()
}

// OnCommit registers fn to run after every transaction WithTx commits. The
// outbox relay wakes itself this way, so an event enqueued in a
// transaction goes out right after the commit whoever committed it. fn
// must not block.
func (d *DB) OnCommit(fn func()) {
	d.hooksMu.Lock()
	defer d.hooksMu.Unlock()
	d.onCommit = append(d.onCommit, fn)
}

// Open opens the database cfg describes and applies its migrations.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*DB, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	var (
		d   *DB
		err error
	)
	if cfg.URL == "" {
		d, err = openSQLite(ctx, cfg)
	} else {
		d, err = openPostgres(ctx, cfg, log)
	}
	if err != nil {
		return nil, err
	}
	if err := d.migrate(ctx, cfg.Migrations, log); err != nil {
		_ = d.Close()
		return nil, err
	}
	return d, nil
}

// Dialect reports which engine d runs on, for the rare statement that differs.
func (d *DB) Dialect() Dialect { return d.dialect }

// Name is the database name from the Config (or the URL).
func (d *DB) Name() string { return d.name }

// Ping checks the database answers; meant for readiness probes.
func (d *DB) Ping(ctx context.Context) error {
	if err := d.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s database %s: %w", d.dialect, d.name, err)
	}
	return nil
}

// WithTx runs fn in a transaction: committed when fn returns nil, rolled back
// when it returns an error or panics (the panic continues). fn's own error is
// returned as is, so callers' sentinel errors and messages pass through
// unchanged; failures to begin, commit or roll back are wrapped.
func (d *DB) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			// The panic (if any) continues after this deferred call.
			if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) && err != nil {
				err = errors.Join(err, fmt.Errorf("roll back transaction: %w", rbErr))
			}
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	committed = true
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit transaction: %w", err)
	}
	d.hooksMu.RLock()
	defer d.hooksMu.RUnlock()
	for _, fn := range d.onCommit {
		fn()
	}
	return nil
}

// UTC returns t in UTC truncated to microseconds: the form to bind for a
// TIMESTAMP column so that it reads back identical on both engines.
func UTC(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// InList expands the %s in query to the placeholders of vals, numbered
// after prefix ($len(prefix)+1 …), and returns prefix and vals as the
// arguments: the portable IN (…) (SQLite has no arrays). Callers bound
// len(vals).
func InList(query string, prefix []any, vals []string) (string, []any) {
	ph := make([]string, len(vals))
	args := append(make([]any, 0, len(prefix)+len(vals)), prefix...)
	for i, v := range vals {
		ph[i] = fmt.Sprintf("$%d", len(prefix)+i+1)
		args = append(args, v)
	}
	return fmt.Sprintf(query, strings.Join(ph, ", ")), args
}

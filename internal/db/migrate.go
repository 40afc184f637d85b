package db

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"slices"
	"strings"

	"github.com/pressly/goose/v3"
)

// migrateLockKey is the PostgreSQL advisory lock taken while migrating, so
// that replicas starting together apply each migration once.
const migrateLockKey int64 = 0x636f6163685f6d67 // "coach_mg"

func (d *DB) migrate(ctx context.Context, sets []Migrations, log *slog.Logger) (err error) {
	if len(sets) == 0 {
		return nil
	}
	if d.dialect == Postgres {
		conn, err := d.Conn(ctx)
		if err != nil {
			return fmt.Errorf("get connection for migration lock: %w", err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrateLockKey); err != nil {
			return fmt.Errorf("take migration lock on %s: %w", d.name, err)
		}
		defer func() {
			// Unlock even if ctx is done: the connection goes back to the pool.
			_, unlockErr := conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLockKey)
			if unlockErr != nil {
				err = errors.Join(err, fmt.Errorf("release migration lock on %s: %w", d.name, unlockErr))
			}
		}()
	}
	gooseDialect := goose.DialectSQLite3
	if d.dialect == Postgres {
		gooseDialect = goose.DialectPostgres
	}
	for _, set := range sets {
		fsys, err := dialectFS(set.FS, string(d.dialect))
		if err != nil {
			return fmt.Errorf("read migrations %q: %w", set.Name, err)
		}
		p, err := goose.NewProvider(gooseDialect, d.DB, fsys,
			goose.WithTableName("goose_"+set.Name),
			goose.WithDisableGlobalRegistry(true),
			goose.WithSlog(log),
		)
		if err != nil {
			return fmt.Errorf("load migrations %q: %w", set.Name, err)
		}
		results, err := p.Up(ctx)
		if err != nil {
			return fmt.Errorf("apply migrations %q to %s: %w", set.Name, d.name, err)
		}
		for _, r := range results {
			log.InfoContext(ctx, "applied migration", "database", d.name, "set", set.Name,
				"file", r.Source.Path, "duration", r.Duration)
		}
	}
	return nil
}

// dialectFS returns base with the *.sql files of base/dir taking the place of
// root files of the same name, or base itself when dir does not exist.
func dialectFS(base fs.FS, dir string) (fs.FS, error) {
	entries, err := fs.ReadDir(base, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return base, nil
	}
	if err != nil {
		return nil, err
	}
	o := overlayFS{base: base, dir: dir, over: map[string]fs.DirEntry{}}
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".sql" {
			o.over[e.Name()] = e
		}
	}
	return o, nil
}

// overlayFS shows base's root with some files replaced by those in dir.
// goose only globs the root and opens what it found, so Open and ReadDir of
// the root are all it needs.
type overlayFS struct {
	base fs.FS
	dir  string
	over map[string]fs.DirEntry
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if _, ok := o.over[name]; ok {
		return o.base.Open(path.Join(o.dir, name))
	}
	return o.base.Open(name)
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil || name != "." {
		return entries, err
	}
	out := make([]fs.DirEntry, 0, len(entries)+len(o.over))
	for _, e := range entries {
		if _, ok := o.over[e.Name()]; !ok {
			out = append(out, e)
		}
	}
	for _, e := range o.over {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

package db_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

// schema is a service-like migration set using only the portable subset.
var schema = db.Migrations{Name: "test", FS: fstest.MapFS{
	"001_items.sql": {Data: []byte(`-- +goose Up
CREATE TABLE owners (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE);
CREATE TABLE items (
	id TEXT PRIMARY KEY,
	owner_id TEXT NOT NULL REFERENCES owners (id) ON DELETE CASCADE,
	at TIMESTAMP NOT NULL,
	done_at TIMESTAMP,
	flag BOOLEAN NOT NULL DEFAULT FALSE,
	n BIGINT NOT NULL DEFAULT 0,
	score DOUBLE PRECISION NOT NULL DEFAULT 0,
	body TEXT NOT NULL DEFAULT ''
);
-- +goose Down
DROP TABLE items;
DROP TABLE owners;
`)},
}}

func TestTypesRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := t.Context()
		mustExec(t, d, `INSERT INTO owners (id, email) VALUES ($1, $2)`, "o1", "a@example.com")
		berlin := time.FixedZone("CEST", 2*3600)
		at := db.UTC(time.Date(2026, 5, 1, 12, 30, 45, 123456789, berlin))
		mustExec(t, d, `INSERT INTO items (id, owner_id, at, flag, n, score, body) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			"i1", "o1", at, true, int64(1)<<40, 0.25, `{"k":"v"}`)

		var (
			gotAt   time.Time
			doneAt  sql.NullTime
			flag    bool
			n       int64
			score   float64
			body    string
			ownerID string
		)
		err := d.QueryRowContext(ctx, `SELECT owner_id, at, done_at, flag, n, score, body FROM items WHERE id = $1`, "i1").
			Scan(&ownerID, &gotAt, &doneAt, &flag, &n, &score, &body)
		if err != nil {
			t.Fatalf("select: %v", err)
		}
		if !gotAt.Equal(at) || gotAt.Location() != time.UTC {
			t.Errorf("at = %v (%v), want %v in UTC", gotAt, gotAt.Location(), at)
		}
		if gotAt.Nanosecond() != 123456000 {
			t.Errorf("at nanoseconds = %d, want truncation to microseconds", gotAt.Nanosecond())
		}
		if doneAt.Valid || !flag || n != 1<<40 || score != 0.25 || body != `{"k":"v"}` || ownerID != "o1" {
			t.Errorf("got done_at=%v flag=%v n=%d score=%v body=%q owner=%q", doneAt, flag, n, score, body, ownerID)
		}

		// Comparisons and ordering on timestamps, with a reused placeholder.
		later := at.Add(1500 * time.Millisecond)
		mustExec(t, d, `INSERT INTO items (id, owner_id, at, done_at) VALUES ($1, $2, $3, $3)`, "i2", "o1", later)
		var ids []string
		rows, err := d.QueryContext(ctx, `SELECT id FROM items WHERE at >= $1 AND flag = FALSE OR id = $2 ORDER BY at DESC`, at, "i1")
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if strings.Join(ids, ",") != "i2,i1" {
			t.Errorf("ordered ids = %v, want [i2 i1]", ids)
		}
	}, schema)
}

func TestUpsertReturning(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := t.Context()
		mustExec(t, d, `INSERT INTO owners (id, email) VALUES ($1, $2)`, "o1", "a@example.com")
		const upsert = `INSERT INTO items (id, owner_id, at, n) VALUES ($1, $2, $3, $4)
			ON CONFLICT (id) DO UPDATE SET n = items.n + excluded.n RETURNING n`
		now := db.UTC(time.Now())
		for i, want := range []int64{5, 12} {
			var got int64
			if err := d.QueryRowContext(ctx, upsert, "i1", "o1", now, int64(5+2*i)).Scan(&got); err != nil {
				t.Fatalf("upsert %d: %v", i, err)
			}
			if got != want {
				t.Errorf("upsert %d returned n=%d, want %d", i, got, want)
			}
		}
		res, err := d.ExecContext(ctx, `INSERT INTO owners (id, email) VALUES ($1, $2) ON CONFLICT DO NOTHING`, "o1", "b@example.com")
		if err != nil {
			t.Fatalf("insert do nothing: %v", err)
		}
		if n, _ := res.RowsAffected(); n != 0 {
			t.Errorf("ON CONFLICT DO NOTHING affected %d rows, want 0", n)
		}
	}, schema)
}

func TestConstraintErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		mustExec(t, d, `INSERT INTO owners (id, email) VALUES ($1, $2)`, "o1", "a@example.com")
		tests := []struct {
			name           string
			query          string
			args           []any
			unique, foreig bool
		}{
			{name: "duplicate primary key", query: `INSERT INTO owners (id, email) VALUES ($1, $2)`, args: []any{"o1", "x@example.com"}, unique: true},
			{name: "duplicate unique column", query: `INSERT INTO owners (id, email) VALUES ($1, $2)`, args: []any{"o2", "a@example.com"}, unique: true},
			{name: "missing foreign row", query: `INSERT INTO items (id, owner_id, at) VALUES ($1, $2, $3)`, args: []any{"i1", "nobody", db.UTC(time.Now())}, foreig: true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := d.ExecContext(t.Context(), tt.query, tt.args...)
				if err == nil {
					t.Fatal("no error")
				}
				wrapped := errors.Join(errors.New("context"), err)
				if got := db.IsUniqueViolation(wrapped); got != tt.unique {
					t.Errorf("IsUniqueViolation(%v) = %v", err, got)
				}
				if got := db.IsForeignKeyViolation(wrapped); got != tt.foreig {
					t.Errorf("IsForeignKeyViolation(%v) = %v", err, got)
				}
			})
		}
		if db.IsUniqueViolation(errors.New("plain")) || db.IsForeignKeyViolation(nil) {
			t.Error("plain errors must not count as violations")
		}
	}, schema)
}

func TestWithTx(t *testing.T) {
	errBoom := errors.New("boom")
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		insert := func(tx *sql.Tx, id string) error {
			_, err := tx.ExecContext(t.Context(), `INSERT INTO owners (id, email) VALUES ($1, $1)`, id)
			return err
		}
		commits := 0
		d.OnCommit(func() { commits++ }) // WithTx calls below do not overlap
		t.Run("commit", func(t *testing.T) {
			if err := d.WithTx(t.Context(), func(tx *sql.Tx) error { return insert(tx, "commit") }); err != nil {
				t.Fatal(err)
			}
			wantOwners(t, d, "commit", 1)
			if commits != 1 {
				t.Errorf("OnCommit hook ran %d times after one commit, want 1", commits)
			}
		})
		t.Run("error rolls back", func(t *testing.T) {
			err := d.WithTx(t.Context(), func(tx *sql.Tx) error {
				if err := insert(tx, "error"); err != nil {
					return err
				}
				return errBoom
			})
			if !errors.Is(err, errBoom) {
				t.Fatalf("err = %v, want boom", err)
			}
			wantOwners(t, d, "error", 0)
			if commits != 1 {
				t.Errorf("OnCommit hook ran after a rollback (%d runs)", commits)
			}
		})
		t.Run("panic rolls back and re-panics", func(t *testing.T) {
			func() {
				defer func() {
					if r := recover(); r != "kaboom" {
						t.Errorf("recovered %v, want kaboom", r)
					}
				}()
				_ = d.WithTx(t.Context(), func(tx *sql.Tx) error {
					if err := insert(tx, "panic"); err != nil {
						t.Error(err)
					}
					panic("kaboom")
				})
			}()
			wantOwners(t, d, "panic", 0)
		})
		t.Run("canceled context fails to begin", func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			err := d.WithTx(ctx, func(*sql.Tx) error { return nil })
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
		})
	}, schema)
}

// TestConcurrentWriters checks that many goroutines doing read-modify-write
// transactions all succeed (no SQLITE_BUSY) and none loses an update.
func TestConcurrentWriters(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		mustExec(t, d, `INSERT INTO owners (id, email) VALUES ($1, $2)`, "o1", "a@example.com")
		mustExec(t, d, `INSERT INTO items (id, owner_id, at) VALUES ($1, $2, $3)`, "counter", "o1", db.UTC(time.Now()))
		const workers, perWorker = 16, 10
		var wg sync.WaitGroup
		errs := make(chan error, 2*workers*perWorker)
		for range workers {
			wg.Go(func() {
				for range perWorker {
					errs <- d.WithTx(t.Context(), func(tx *sql.Tx) error {
						var n int64
						// SELECT … FOR UPDATE is PostgreSQL-only; an UPDATE first locks on both.
						if _, err := tx.ExecContext(t.Context(), `UPDATE items SET body = body WHERE id = $1`, "counter"); err != nil {
							return err
						}
						if err := tx.QueryRowContext(t.Context(), `SELECT n FROM items WHERE id = $1`, "counter").Scan(&n); err != nil {
							return err
						}
						_, err := tx.ExecContext(t.Context(), `UPDATE items SET n = $1 WHERE id = $2`, n+1, "counter")
						return err
					})
					// Plain reads run alongside the writers.
					var n int64
					errs <- d.QueryRowContext(t.Context(), `SELECT n FROM items WHERE id = $1`, "counter").Scan(&n)
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent transaction: %v", err)
			}
		}
		var n int64
		if err := d.QueryRowContext(t.Context(), `SELECT n FROM items WHERE id = $1`, "counter").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != workers*perWorker {
			t.Errorf("counter = %d, want %d", n, workers*perWorker)
		}
	}, schema)
}

func wantOwners(t *testing.T, d *db.DB, id string, want int) {
	t.Helper()
	var n int
	if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM owners WHERE id = $1`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != want {
		t.Errorf("owners with id %q = %d, want %d", id, n, want)
	}
}

func mustExec(t *testing.T, d *db.DB, query string, args ...any) {
	t.Helper()
	if _, err := d.ExecContext(t.Context(), query, args...); err != nil {
		t.Fatalf("exec %q: %v", query, err)
	}
}

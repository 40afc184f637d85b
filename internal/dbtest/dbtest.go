// Package dbtest gives each test a fresh, migrated database: always an SQLite
// file in a temp dir, and also a PostgreSQL database when TEST_DATABASE_URL
// is set (e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable).
//
// On PostgreSQL the migrations run once into a template database named after
// a hash of their contents (so an edited migration never reuses a stale
// template); each test then gets CREATE DATABASE … TEMPLATE, dropped at
// cleanup. Building a template is guarded by an advisory lock, so the
// parallel processes of `go test ./...` share it safely.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
)

// EnvURL names the environment variable holding the PostgreSQL server URL.
const EnvURL = "TEST_DATABASE_URL"

// cleanupTimeout bounds dropping a test database after the test.
const cleanupTimeout = 30 * time.Second

// Dialects lists the engines tests run on: SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set.
func Dialects() []db.Dialect {
	if os.Getenv(EnvURL) == "" {
		return []db.Dialect{db.SQLite}
	}
	return []db.Dialect{db.SQLite, db.Postgres}
}

// Each runs fn as a subtest per engine of [Dialects] ("sqlite", "postgres"),
// each with its own fresh database migrated with migrations.
func Each(t *testing.T, fn func(t *testing.T, d *db.DB), migrations ...db.Migrations) {
	t.Helper()
	for _, dialect := range Dialects() {
		t.Run(string(dialect), func(t *testing.T) {
			fn(t, Open(t, dialect, migrations...))
		})
	}
}

// Open returns a fresh database on dialect with migrations applied, closed
// (and on PostgreSQL dropped) when the test ends. PostgreSQL without
// TEST_DATABASE_URL skips the test.
func Open(t testing.TB, dialect db.Dialect, migrations ...db.Migrations) *db.DB {
	t.Helper()
	switch dialect {
	case db.SQLite:
		d, err := db.Open(t.Context(), db.Config{DataDir: t.TempDir(), Name: "test", Migrations: migrations}, Logger())
		if err != nil {
			t.Fatalf("open test sqlite database: %v", err)
		}
		t.Cleanup(func() { _ = d.Close() })
		return d
	case db.Postgres:
		serverURL := os.Getenv(EnvURL)
		if serverURL == "" {
			t.Skipf("%s not set", EnvURL)
		}
		return openPostgres(t, serverURL, migrations)
	default:
		t.Fatalf("dbtest: unknown dialect %q", dialect)
		return nil
	}
}

// Logger discards: migration logs would drown test output, and logging to
// t after the test ends panics.
func Logger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func openPostgres(t testing.TB, serverURL string, migrations []db.Migrations) *db.DB {
	t.Helper()
	ctx := t.Context()
	tpl, err := ensureTemplate(ctx, serverURL, migrations)
	if err != nil {
		t.Fatalf("prepare template database: %v", err)
	}
	name := "coachtest_" + randomHex(12)
	if err := createFromTemplate(ctx, serverURL, name, tpl); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
		defer cancel()
		if err := dropDatabase(ctx, serverURL, name); err != nil {
			t.Errorf("drop test database: %v", err)
		}
	})
	d, err := db.Open(ctx, db.Config{URL: withDatabase(serverURL, name), Name: name}, Logger())
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { _ = d.Close() }) // runs before the drop above
	return d
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails
	return hex.EncodeToString(b)
}

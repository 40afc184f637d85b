package db_test

import (
	"context"
	"crypto/rand"
	"net/url"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

func TestOpenRejectsBadConfig(t *testing.T) {
	fsys := fstest.MapFS{}
	tests := []struct {
		name string
		cfg  db.Config
		want string
	}{
		{name: "no name", cfg: db.Config{DataDir: t.TempDir()}, want: "name"},
		{name: "name with dash", cfg: db.Config{DataDir: t.TempDir(), Name: "a-b"}, want: `name "a-b"`},
		{name: "sqlite without data dir", cfg: db.Config{Name: "x"}, want: "data dir is required"},
		{name: "create-if-missing on sqlite", cfg: db.Config{DataDir: t.TempDir(), Name: "x", CreateIfMissing: true}, want: "PostgreSQL only"},
		{name: "mysql URL", cfg: db.Config{URL: "mysql://h/x", Name: "x"}, want: `scheme "mysql"`},
		{name: "URL without host", cfg: db.Config{URL: "postgres:///x", Name: "x"}, want: "no host"},
		{name: "bad URL keeps password out", cfg: db.Config{URL: "postgres://u:secret@h:port/x", Name: "x"}, want: "not a valid URL"},
		{name: "duplicate sets", cfg: db.Config{DataDir: t.TempDir(), Name: "x", Migrations: []db.Migrations{{Name: "a", FS: fsys}, {Name: "a", FS: fsys}}}, want: "duplicate"},
		{name: "set without FS", cfg: db.Config{DataDir: t.TempDir(), Name: "x", Migrations: []db.Migrations{{Name: "a"}}}, want: "FS is nil"},
		{name: "set with bad name", cfg: db.Config{DataDir: t.TempDir(), Name: "x", Migrations: []db.Migrations{{Name: "A", FS: fsys}}}, want: `name "A"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := db.Open(t.Context(), tt.cfg, dbtest.Logger())
			if err == nil {
				_ = d.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "secret") {
				t.Errorf("error %q should contain %q and no password", err, tt.want)
			}
		})
	}
}

func TestMigrationSets(t *testing.T) {
	// Both sets start at version 1: each has its own goose_<name> table.
	first := db.Migrations{Name: "first", FS: fstest.MapFS{
		"001_a.sql": {Data: []byte("-- +goose Up\nCREATE TABLE a (id TEXT PRIMARY KEY);\n")},
	}}
	second := db.Migrations{Name: "second", FS: fstest.MapFS{
		"001_engine.sql":          {Data: []byte("-- +goose Up\nCREATE TABLE engine (name TEXT);\nINSERT INTO engine VALUES ('portable');\n")},
		"postgres/001_engine.sql": {Data: []byte("-- +goose Up\nCREATE TABLE engine (name TEXT);\nINSERT INTO engine VALUES ('postgres');\n")},
		"sqlite/001_engine.sql":   {Data: []byte("-- +goose Up\nCREATE TABLE engine (name TEXT);\nINSERT INTO engine VALUES ('sqlite');\n")},
		"sqlite/002_only.sql":     {Data: []byte("-- +goose Up\nCREATE TABLE lite_only (id TEXT);\n")},
	}}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		var engine string
		if err := d.QueryRowContext(t.Context(), `SELECT name FROM engine`).Scan(&engine); err != nil {
			t.Fatal(err)
		}
		if engine != string(d.Dialect()) {
			t.Errorf("engine override applied %q, want %q", engine, d.Dialect())
		}
		_, err := d.ExecContext(t.Context(), `INSERT INTO lite_only (id) VALUES ('x')`)
		if (err == nil) != (d.Dialect() == db.SQLite) {
			t.Errorf("sqlite-only migration on %s: insert err = %v", d.Dialect(), err)
		}
		for _, table := range []string{"goose_first", "goose_second"} {
			var n int
			if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM `+table+` WHERE version_id > 0`).Scan(&n); err != nil || n == 0 {
				t.Errorf("version table %s: %d rows, err %v", table, n, err)
			}
		}
		if err := d.Ping(t.Context()); err != nil {
			t.Errorf("Ping: %v", err)
		}
	}, first, second)
}

func TestSQLiteReopen(t *testing.T) {
	cfg := db.Config{DataDir: t.TempDir() + "/nested/dir", Name: "svc", Migrations: []db.Migrations{schema}}
	for i := range 2 {
		d, err := db.Open(t.Context(), cfg, dbtest.Logger())
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		if _, err := d.ExecContext(t.Context(), `INSERT INTO owners (id, email) VALUES ($1, $1)`, i); err != nil {
			t.Errorf("insert after open #%d: %v", i+1, err)
		}
		if d.Dialect() != db.SQLite || d.Name() != "svc" {
			t.Errorf("Dialect, Name = %s, %s", d.Dialect(), d.Name())
		}
		_ = d.Close()
	}
	if _, err := os.Stat(cfg.DataDir + "/svc.db"); err != nil {
		t.Errorf("database file: %v", err)
	}
}

func TestPostgresCreateIfMissing(t *testing.T) {
	serverURL := os.Getenv(dbtest.EnvURL)
	if serverURL == "" {
		t.Skipf("%s not set", dbtest.EnvURL)
	}
	name := "coachtest_create_" + strings.ToLower(rand.Text())
	t.Cleanup(func() { dropDB(t, serverURL, name) })

	// The URL names no database, so Name is used.
	u, err := url.Parse(serverURL)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = ""
	cfg := db.Config{URL: u.String(), Name: name, Migrations: []db.Migrations{schema}}
	if d, err := db.Open(t.Context(), cfg, dbtest.Logger()); err == nil {
		_ = d.Close()
		t.Fatal("Open of a missing database without CreateIfMissing succeeded")
	}
	cfg.CreateIfMissing = true
	for i := range 2 { // the second Open finds it existing and migrated
		d, err := db.Open(t.Context(), cfg, dbtest.Logger())
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		if d.Name() != name || d.Dialect() != db.Postgres {
			t.Errorf("Name, Dialect = %s, %s", d.Name(), d.Dialect())
		}
		if err := d.Ping(t.Context()); err != nil {
			t.Error(err)
		}
		_ = d.Close()
	}
}

func dropDB(t *testing.T, serverURL, name string) {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), serverURL)
	if err != nil {
		t.Errorf("connect: %v", err)
		return
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		t.Errorf("drop %s: %v", name, err)
	}
}

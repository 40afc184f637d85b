package dbtest

import (
	"context"
	"crypto/rand"
	"os"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5"

	"github.com/careercoach/coach/internal/db"
)

var counter = db.Migrations{Name: "counter", FS: fstest.MapFS{
	"001_counter.sql": {Data: []byte("-- +goose Up\nCREATE TABLE counter (n INTEGER NOT NULL);\nINSERT INTO counter (n) VALUES (0);\n")},
}}

// TestEachGivesFreshDatabases writes in one database and expects the next
// one untouched.
func TestEachGivesFreshDatabases(t *testing.T) {
	for _, round := range []string{"first", "second"} {
		t.Run(round, func(t *testing.T) {
			Each(t, func(t *testing.T, d *db.DB) {
				var n int
				if err := d.QueryRowContext(t.Context(), `SELECT n FROM counter`).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != 0 {
					t.Errorf("counter = %d in a fresh database", n)
				}
				if _, err := d.ExecContext(t.Context(), `UPDATE counter SET n = n + 1`); err != nil {
					t.Fatal(err)
				}
			}, counter)
		})
	}
}

func TestDialects(t *testing.T) {
	got := Dialects()
	want := 1
	if os.Getenv(EnvURL) != "" {
		want = 2
	}
	if len(got) != want || got[0] != db.SQLite {
		t.Errorf("Dialects() = %v", got)
	}
}

func TestMigrationsHash(t *testing.T) {
	edited := db.Migrations{Name: "counter", FS: fstest.MapFS{
		"001_counter.sql": {Data: []byte("-- +goose Up\nCREATE TABLE counter (n BIGINT NOT NULL);\n")},
	}}
	renamed := db.Migrations{Name: "other", FS: counter.FS}
	tests := []struct {
		name  string
		a, b  []db.Migrations
		equal bool
	}{
		{name: "same sets", a: []db.Migrations{counter}, b: []db.Migrations{counter}, equal: true},
		{name: "edited file", a: []db.Migrations{counter}, b: []db.Migrations{edited}},
		{name: "renamed set", a: []db.Migrations{counter}, b: []db.Migrations{renamed}},
		{name: "order matters", a: []db.Migrations{counter, renamed}, b: []db.Migrations{renamed, counter}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := migrationsHash(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			b, err := migrationsHash(tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if (a == b) != tt.equal {
				t.Errorf("hashes equal = %v, want %v", a == b, tt.equal)
			}
		})
	}
}

// TestTemplateBuiltOnceUnderContention builds a template for a never-seen
// migration set from several sessions at once, as parallel test processes
// would: all must agree on it, and its migration must have run once.
func TestTemplateBuiltOnceUnderContention(t *testing.T) {
	serverURL := os.Getenv(EnvURL)
	if serverURL == "" {
		t.Skipf("%s not set", EnvURL)
	}
	unique := db.Migrations{Name: "unique", FS: fstest.MapFS{
		"001_runs.sql": {Data: []byte("-- +goose Up\n-- " + rand.Text() + "\nCREATE TABLE runs (n INTEGER);\nINSERT INTO runs VALUES (1);\n")},
	}}
	const sessions = 4
	names := make([]string, sessions)
	errs := make([]error, sessions)
	var wg sync.WaitGroup
	for i := range sessions {
		wg.Go(func() { names[i], errs[i] = ensureTemplate(t.Context(), serverURL, []db.Migrations{unique}) })
	}
	wg.Wait()
	t.Cleanup(func() { dropTemplate(t, serverURL, names[0]) })
	for i := range sessions {
		if errs[i] != nil || names[i] != names[0] {
			t.Fatalf("session %d: template %q, err %v; want %q", i, names[i], errs[i], names[0])
		}
	}
	d := Open(t, db.Postgres, unique)
	var runs int
	if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM runs`).Scan(&runs); err != nil {
		t.Fatal(err)
	}
	if runs != 1 {
		t.Errorf("migration ran %d times into the template", runs)
	}
}

func dropTemplate(t *testing.T, serverURL, name string) {
	t.Helper()
	ctx := context.Background()
	admin, err := connectAdmin(ctx, serverURL)
	if err != nil {
		t.Error(err)
		return
	}
	defer admin.Close(ctx)
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+ident+" IS_TEMPLATE false"); err != nil {
		t.Error(err)
	}
	if _, err := admin.Exec(ctx, "DROP DATABASE "+ident); err != nil {
		t.Error(err)
	}
}

package db_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

// The attack: with the usual umask 022 SQLite created every database file
// (and its -wal and -shm) 0644 in a 0750 directory, readable by any local
// user. Now the directory is 0700 and the files 0600, also when an older
// version left them wider.
func TestSQLiteFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	t.Cleanup(func() { syscall.Umask(old) })
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
	}{
		{name: "fresh data dir", setup: func(*testing.T, string) {}},
		{name: "files left wide by an older version", setup: func(t *testing.T, dir string) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"svc.db", "svc.db-wal", "svc.db-shm"} {
				if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			tt.setup(t, dir)
			d, err := db.Open(t.Context(), db.Config{DataDir: dir, Name: "svc", Migrations: []db.Migrations{schema}}, dbtest.Logger())
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			// A write makes SQLite create the -wal and -shm files.
			if _, err := d.ExecContext(t.Context(), `INSERT INTO owners (id, email) VALUES ('a', 'a')`); err != nil {
				t.Fatal(err)
			}
			want := map[string]os.FileMode{"": 0o700, "svc.db": 0o600, "svc.db-wal": 0o600, "svc.db-shm": 0o600}
			for name, mode := range want {
				st, err := os.Stat(filepath.Join(dir, name))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if st.Mode().Perm() != mode {
					t.Errorf("%q has mode %o, want %o", name, st.Mode().Perm(), mode)
				}
			}
		})
	}
}

package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

const (
	// sqliteBusyTimeoutMS bounds how long a writer waits for the file lock.
	sqliteBusyTimeoutMS = 10_000
	// sqliteMaxConns allows concurrent readers; writers serialise anyway.
	sqliteMaxConns = 8
)

func openSQLite(ctx context.Context, cfg Config) (*DB, error) {
	path := filepath.Join(cfg.DataDir, cfg.Name+".db")
	if err := privateFiles(cfg.DataDir, path); err != nil {
		return nil, err
	}
	q := url.Values{}
	// Applied by the driver on every new connection (these are per-connection settings).
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", sqliteBusyTimeoutMS))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "synchronous(NORMAL)") // safe with WAL; loses at most the last commits on power loss
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite") // "2006-01-02 15:04:05.999999999-07:00": sortable for UTC values
	q.Set("_timezone", "UTC")       // times are written and read back in UTC, as pgx does for TIMESTAMP
	dsn := "file:" + path + "?" + q.Encode()

	sqlDB, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	sqlDB.SetMaxOpenConns(sqliteMaxConns)
	sqlDB.SetMaxIdleConns(sqliteMaxConns)
	if err := sqlDB.PingContext(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return &DB{DB: sqlDB, dialect: SQLite, name: cfg.Name}, nil
}

// Modes of the SQLite files and their directory: only the service's own
// user reads them (OWASP ASVS 4.0 V14.1: least privilege for data at rest).
const (
	dataDirMode os.FileMode = 0o700
	dbFileMode  os.FileMode = 0o600
)

// privateFiles creates dir (0700) and the database file (0600) before
// SQLite opens it: SQLite gives its -wal and -shm files the mode of the
// database file, and would create all three 0644 (less the umask). Files
// and a directory left wider by an older version are narrowed; a sticky
// directory (a shared one such as /tmp) is left as it is.
func privateFiles(dir, path string) error {
	if err := os.MkdirAll(dir, dataDirMode); err != nil {
		return fmt.Errorf("create data dir %s: %w", dir, err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("checking data dir %s: %w", dir, err)
	}
	if st.Mode()&os.ModeSticky == 0 && st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, st.Mode().Perm()&dataDirMode); err != nil {
			return fmt.Errorf("making data dir %s private: %w", dir, err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, dbFileMode)
	if err != nil {
		return fmt.Errorf("create sqlite file %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("create sqlite file %s: %w", path, err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(p, dbFileMode); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("making %s private: %w", p, err)
		}
	}
	return nil
}

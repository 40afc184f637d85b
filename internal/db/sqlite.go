package db

import (
	"context"
	"database/sql"
	"fmt"
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
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("create data dir %s: %w", cfg.DataDir, err)
	}
	path := filepath.Join(cfg.DataDir, cfg.Name+".db")
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

package db

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// postgresMaxConns caps each service's pool.
const postgresMaxConns = 10

func openPostgres(ctx context.Context, cfg Config, log *slog.Logger) (*DB, error) {
	u, err := postgresURL(cfg.URL, cfg.Name)
	if err != nil {
		return nil, err
	}
	name := strings.Trim(u.Path, "/")
	if cfg.CreateIfMissing {
		if err := createDatabase(ctx, u, name, log); err != nil {
			return nil, err
		}
	}
	connCfg, err := pgx.ParseConfig(u.String())
	if err != nil {
		return nil, fmt.Errorf("parse postgres URL %s: %w", u.Redacted(), err)
	}
	sqlDB := stdlib.OpenDB(*connCfg)
	// Bounded so that several services and replicas fit in max_connections.
	sqlDB.SetMaxOpenConns(postgresMaxConns)
	sqlDB.SetMaxIdleConns(postgresMaxConns)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	if err := sqlDB.PingContext(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("connect to postgres database %s at %s: %w", name, u.Redacted(), err)
	}
	return &DB{DB: sqlDB, dialect: Postgres, name: name}, nil
}

// createDatabase creates database name on u's server unless it exists.
func createDatabase(ctx context.Context, u *url.URL, name string, log *slog.Logger) error {
	admin, err := connectMaintenance(ctx, u.String())
	if err != nil {
		return err
	}
	defer admin.Close(context.WithoutCancel(ctx))

	var exists bool
	if err := admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return fmt.Errorf("check whether database %s exists: %w", name, err)
	}
	if exists {
		return nil
	}
	_, err = admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && (pgErr.Code == "42P04" || pgErr.Code == "23505") {
		// Another process created it between our check and our CREATE.
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	log.InfoContext(ctx, "created database", "database", name)
	return nil
}

// connectMaintenance connects to the "postgres" maintenance database of the
// server that dbURL points at, for CREATE/DROP DATABASE. The caller closes it.
func connectMaintenance(ctx context.Context, dbURL string) (*pgx.Conn, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return nil, errors.New("database URL is not a valid URL")
	}
	u.Path = "/postgres"
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		return nil, fmt.Errorf("connect to maintenance database at %s: %w", u.Redacted(), err)
	}
	return conn, nil
}

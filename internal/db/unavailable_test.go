package db_test

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

func TestIsUnavailable(t *testing.T) {
	for err, want := range map[error]bool{
		nil:                                    false,
		errors.New("boom"):                     false,
		&pgconn.PgError{Code: "23505"}:         false, // unique violation
		&pgconn.PgError{Code: "42601"}:         false, // syntax error
		&pgconn.PgError{Code: "57P01"}:         true,  // admin shutdown
		&pgconn.PgError{Code: "57P03"}:         true,  // cannot connect now (starting up)
		&pgconn.PgError{Code: "08006"}:         true,  // connection failure
		fmt.Errorf("q: %w", driver.ErrBadConn): true,
		fmt.Errorf("dial: %w", &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}): true,
	} {
		if got := db.IsUnavailable(err); got != want {
			t.Errorf("IsUnavailable(%v) = %v, want %v", err, got, want)
		}
	}
}

// TestIsUnavailablePostgres sees the errors a real server gives: a refused
// connection and a connection the server terminated.
func TestIsUnavailablePostgres(t *testing.T) {
	d := dbtest.Open(t, db.Postgres)
	ctx := t.Context()

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	_, err = db.Open(ctx, db.Config{URL: "postgres://postgres@" + closed + "/x?sslmode=disable", Name: "x"}, dbtest.Logger())
	if err == nil || !db.IsUnavailable(err) {
		t.Errorf("open on a closed port: IsUnavailable(%v) = false", err)
	}

	conn, err := d.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var pid int
	if err := conn.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ExecContext(ctx, `SELECT pg_terminate_backend($1)`, pid); err != nil {
		t.Fatal(err)
	}
	_, err = conn.ExecContext(ctx, `SELECT 1`)
	if err == nil || !db.IsUnavailable(err) {
		t.Errorf("query on a terminated connection: IsUnavailable(%v) = false", err)
	}

	_, err = d.ExecContext(ctx, `SELEC 1`)
	if err == nil || db.IsUnavailable(err) || !strings.Contains(err.Error(), "syntax") {
		t.Errorf("syntax error: %v counted as unavailable", err)
	}
}

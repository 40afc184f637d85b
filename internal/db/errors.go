package db

import (
	"database/sql/driver"
	"errors"
	"io"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// IsUniqueViolation reports whether err comes from a UNIQUE or PRIMARY KEY
// constraint, on either engine.
func IsUniqueViolation(err error) bool {
	return hasCode(err, "23505", sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}

// IsForeignKeyViolation reports whether err comes from a FOREIGN KEY
// constraint, on either engine.
func IsForeignKeyViolation(err error) bool {
	return hasCode(err, "23503", sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY)
}

func hasCode(err error, pgCode string, sqliteCodes ...int) bool {
	if pgErr, ok := errors.AsType[*pgconn.PgError](err); ok {
		return pgErr.Code == pgCode
	}
	if liteErr, ok := errors.AsType[*sqlite.Error](err); ok {
		for _, c := range sqliteCodes {
			if liteErr.Code() == c {
				return true
			}
		}
	}
	return false
}

// IsUnavailable reports whether err means the database server cannot be
// reached right now: a refused or dropped connection, or a server shutting
// down or starting up (SQLSTATE classes 08 and 57P). Such a failure is worth
// retrying later, unlike a bad statement.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	if pgErr, ok := errors.AsType[*pgconn.PgError](err); ok {
		return strings.HasPrefix(pgErr.Code, "08") || strings.HasPrefix(pgErr.Code, "57P")
	}
	if _, ok := errors.AsType[*pgconn.ConnectError](err); ok {
		return true
	}
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF)
}

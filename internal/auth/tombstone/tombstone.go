// Package tombstone remembers deleted accounts in each service's own
// database, so that the service refuses a deleted user's still-unexpired
// access tokens from the moment it learns of the deletion (also after a
// restart) and erases whatever raced the deletion.
//
// Access tokens are short-lived and stateless; revoking them early needs a
// denylist of subjects checked on every request (OWASP JWT cheat sheet,
// "token revocation"; ASVS 4.0 3.3.1/3.5.2). A service learns deletions
// from the durable user.deleted event ([Handle]) and records the
// tombstone in the transaction that erases the user's data; the users
// service records it in the transaction that deletes the account.
package tombstone

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migrations creates the tombstone table; every service that verifies
// tokens adds it to its db.Config.
func Migrations() db.Migrations {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		panic(err) // "migrations" is embedded above; cannot fail
	}
	return db.Migrations{Name: "tombstones", FS: sub}
}

// Tombstone is one deleted subject.
type Tombstone struct {
	Subject    string
	DeletedAt  time.Time // when the account was deleted
	RecordedAt time.Time // when this service learned it
}

// Store reads and writes tombstones. It implements auth.Revocations.
type Store struct {
	db *db.DB
	// known caches deleted subjects: a deletion is never undone, so a hit
	// never goes stale; misses always ask the database, so a deletion that
	// another replica recorded is seen at once.
	known sync.Map
}

// New returns a Store on d (migrated with Migrations).
func New(d *db.DB) *Store { return &Store{db: d} }

// Record writes a tombstone for subject inside tx; recording it again keeps
// the first one.
func Record(ctx context.Context, tx *sql.Tx, subject string, deletedAt time.Time) error {
	if subject == "" {
		return errors.New("recording deleted account: no subject")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO auth_tombstones (subject, deleted_at, recorded_at) VALUES ($1, $2, $3)
		ON CONFLICT (subject) DO NOTHING`, subject, db.UTC(deletedAt), db.UTC(time.Now()))
	if err != nil {
		return fmt.Errorf("recording deleted account %s: %w", subject, err)
	}
	return nil
}

// Revoked reports whether subject has been deleted.
func (s *Store) Revoked(ctx context.Context, subject string) (bool, error) {
	if _, ok := s.known.Load(subject); ok {
		return true, nil
	}
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM auth_tombstones WHERE subject = $1`, subject).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("looking up deleted accounts: %w", err)
	}
	s.known.Store(subject, struct{}{})
	return true, nil
}

// DeletedSince lists subjects deleted at or after t, oldest first, at most
// limit of them.
func (s *Store) DeletedSince(ctx context.Context, t time.Time, limit int) ([]Tombstone, error) {
	return s.list(ctx, `SELECT subject, deleted_at, recorded_at FROM auth_tombstones WHERE deleted_at >= $1 ORDER BY deleted_at, subject LIMIT $2`, db.UTC(t), limit)
}

// RecordedSince lists tombstones this service recorded at or after t.
func (s *Store) RecordedSince(ctx context.Context, t time.Time, limit int) ([]Tombstone, error) {
	return s.list(ctx, `SELECT subject, deleted_at, recorded_at FROM auth_tombstones WHERE recorded_at >= $1 ORDER BY recorded_at, subject LIMIT $2`, db.UTC(t), limit)
}

func (s *Store) list(ctx context.Context, q string, args ...any) ([]Tombstone, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing deleted accounts: %w", err)
	}
	defer rows.Close()
	out := []Tombstone{}
	for rows.Next() {
		var t Tombstone
		if err := rows.Scan(&t.Subject, &t.DeletedAt, &t.RecordedAt); err != nil {
			return nil, fmt.Errorf("listing deleted accounts: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing deleted accounts: %w", err)
	}
	return out, nil
}

// Handle wraps a service's event handler (run inside bus.Idempotent's
// transaction):
//   - user.deleted records the tombstone in the transaction in which next
//     erases the user's data, so refusing and erasing start together;
//   - any other event about a deleted user (its payload's "userId") is
//     dropped, so an event that was already on its way (a CV analysed just
//     before the deletion) cannot recreate the user's data afterwards.
func Handle(next bus.TxHandler) bus.TxHandler {
	return func(ctx context.Context, tx *sql.Tx, ev bus.Event) error {
		user := userOf(ev)
		if ev.Type == bus.UserDeleted && user != "" {
			at := ev.OccurredAt
			if at.IsZero() {
				at = time.Now()
			}
			if err := Record(ctx, tx, user, at); err != nil {
				return err
			}
			return next(ctx, tx, ev)
		}
		if user != "" && ev.Type != bus.UserDeleted {
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM auth_tombstones WHERE subject = $1`, user).Scan(&one)
			if err == nil {
				return nil // about a deleted account: nothing of it may be stored
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("looking up deleted accounts for %s event: %w", ev.Type, err)
			}
		}
		return next(ctx, tx, ev)
	}
}

// userOf returns the user an event is about: its payload's "userId", and
// for user.deleted the subject when the payload names none.
func userOf(ev bus.Event) string {
	var p struct {
		UserID string `json:"userId"`
	}
	_ = json.Unmarshal(ev.Payload, &p) // a payload without userId is about no user
	if p.UserID == "" && ev.Type == bus.UserDeleted {
		return ev.Subject
	}
	return p.UserID
}

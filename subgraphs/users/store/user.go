package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
)

const userColumns = `id, email, display_name, avatar_url, headline, location, created_at, updated_at, email_verified`

type scanner interface{ Scan(dest ...any) error }

func scanUser(row scanner, extra ...any) (*users.User, error) {
	u := &users.User{}
	dest := append([]any{&u.ID, &u.Email, &u.DisplayName, &u.AvatarURL, &u.Headline, &u.Location, &u.CreatedAt, &u.UpdatedAt, &u.EmailVerified}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	return u, nil
}

// UserByID returns one user.
func (s *Store) UserByID(ctx context.Context, id string) (*users.User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, users.ErrUserNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("loading user %s: %w", id, err)
	}
	return u, nil
}

// UsersByIDs returns the users that exist among ids, in no particular order.
func (s *Store) UsersByIDs(ctx context.Context, ids []string) ([]*users.User, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q, args := db.InList(`SELECT `+userColumns+` FROM users WHERE id IN (%s)`, nil, ids)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("loading users: %w", err)
	}
	defer rows.Close()
	var out []*users.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("scanning user: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// UserByEmail returns the user with email and their password hash.
func (s *Store) UserByEmail(ctx context.Context, email string) (*users.User, string, error) {
	var hash string
	u, err := scanUser(s.db.QueryRowContext(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE email = $1`, email), &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", users.ErrUserNotFound
	}
	if err != nil {
		return nil, "", fmt.Errorf("loading user by email: %w", err)
	}
	return u, hash, nil
}

// CreateUser inserts a user; an email in use gives users.ErrEmailTaken.
func (s *Store) CreateUser(ctx context.Context, u *users.User, passwordHash string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO users (`+userColumns+`, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		u.ID, u.Email, u.DisplayName, u.AvatarURL, u.Headline, u.Location, db.UTC(u.CreatedAt), db.UTC(u.UpdatedAt), u.EmailVerified, passwordHash)
	if db.IsUniqueViolation(err) {
		return users.ErrEmailTaken
	}
	if err != nil {
		return fmt.Errorf("creating user: %w", err)
	}
	return nil
}

// UpdateProfile sets the fields given in upd.
func (s *Store) UpdateProfile(ctx context.Context, id string, upd users.ProfileUpdate) (*users.User, error) {
	sets, args := []string{}, []any{}
	add := func(col string, v *string) {
		if v != nil {
			args = append(args, *v)
			sets = append(sets, fmt.Sprintf("%s = $%d", col, len(args)))
		}
	}
	add("display_name", upd.DisplayName)
	add("avatar_url", upd.AvatarURL)
	add("headline", upd.Headline)
	add("location", upd.Location)
	args = append(args, db.UTC(time.Now()), id)
	sets = append(sets, fmt.Sprintf("updated_at = $%d", len(args)-1))
	res, err := s.db.ExecContext(ctx, `UPDATE users SET `+strings.Join(sets, ", ")+fmt.Sprintf(` WHERE id = $%d`, len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("updating profile: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, users.ErrUserNotFound
	}
	return s.UserByID(ctx, id)
}

// DeleteUser deletes the user (identities and sessions cascade) and records
// the account's tombstone and user.deleted in the outbox in the same
// transaction, so other services purge their data exactly when this one has.
func (s *Store) DeleteUser(ctx context.Context, id string) error {
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("deleting user: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return users.ErrUserNotFound
		}
		// SQLite enforces ON DELETE CASCADE only with foreign_keys on; delete
		// explicitly so the rule holds whatever the connection settings.
		for _, q := range []string{`DELETE FROM identities WHERE user_id = $1`, `DELETE FROM refresh_tokens WHERE user_id = $1`, `DELETE FROM email_tokens WHERE user_id = $1`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("deleting user data: %w", err)
			}
		}
		// The tombstone makes this service refuse the account's unexpired
		// tokens from this commit on, and feeds the router's copy.
		now := time.Now()
		if err := tombstone.Record(ctx, tx, id, now); err != nil {
			return err
		}
		ev, err := bus.NewEvent(id, bus.UserDeletedPayload{UserID: id})
		if err != nil {
			return err
		}
		ev.OccurredAt = now
		return bus.Enqueue(ctx, tx, ev)
	})
	if err == nil && s.Deleted != nil {
		s.Deleted(ctx, id)
	}
	return err
}

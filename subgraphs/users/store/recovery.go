package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
)

// SavePendingSignup stores a sign-up and prunes expired ones.
func (s *Store) SavePendingSignup(ctx context.Context, p users.PendingSignup) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM pending_signups WHERE expires_at <= $1`, db.UTC(p.CreatedAt)); err != nil {
			return fmt.Errorf("pruning expired sign-ups: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pending_signups (token_hash, email, display_name, password_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			p.TokenHash, p.Email, p.DisplayName, p.PasswordHash, db.UTC(p.CreatedAt), db.UTC(p.ExpiresAt)); err != nil {
			return fmt.Errorf("storing sign-up: %w", err)
		}
		return nil
	})
}

// RenewPendingSignup replaces the token of the newest live sign-up for email.
func (s *Store) RenewPendingSignup(ctx context.Context, email, tokenHash string, expires, now time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE pending_signups SET token_hash = $1, expires_at = $2
		WHERE token_hash = (SELECT token_hash FROM pending_signups WHERE email = $3 AND expires_at > $4 ORDER BY created_at DESC LIMIT 1)`,
		tokenHash, db.UTC(expires), email, db.UTC(now))
	if err != nil {
		return false, fmt.Errorf("renewing sign-up link: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// CompleteSignup creates the verified account of a pending sign-up. The
// DELETE that takes the sign-up is the single-use check: of two concurrent
// uses only one deletes the row.
func (s *Store) CompleteSignup(ctx context.Context, tokenHash string, u *users.User, now time.Time) (*users.User, error) {
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		var hash string
		var expires time.Time
		err := tx.QueryRowContext(ctx, `SELECT email, display_name, password_hash, expires_at FROM pending_signups WHERE token_hash = $1`, tokenHash).
			Scan(&u.Email, &u.DisplayName, &hash, &expires)
		if errors.Is(err, sql.ErrNoRows) {
			return users.ErrLinkInvalid
		}
		if err != nil {
			return fmt.Errorf("loading sign-up: %w", err)
		}
		if !now.Before(expires) {
			return users.ErrLinkInvalid
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM pending_signups WHERE email = $1`, u.Email)
		if err != nil {
			return fmt.Errorf("taking sign-up: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return users.ErrLinkInvalid
		}
		u.EmailVerified = true
		_, err = tx.ExecContext(ctx, `INSERT INTO users (`+userColumns+`, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			u.ID, u.Email, u.DisplayName, u.AvatarURL, u.Headline, u.Location, db.UTC(u.CreatedAt), db.UTC(u.UpdatedAt), true, hash)
		if db.IsUniqueViolation(err) {
			return users.ErrLinkInvalid // the address got an account (e.g. through a provider) meanwhile
		}
		if err != nil {
			return fmt.Errorf("creating user: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.UserByID(ctx, u.ID)
}

// SaveEmailToken stores a link token, replacing the user's earlier ones of
// the same purpose, and prunes expired tokens.
func (s *Store) SaveEmailToken(ctx context.Context, t users.EmailToken) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM email_tokens WHERE (user_id = $1 AND purpose = $2) OR expires_at <= $3`, t.UserID, t.Purpose, db.UTC(t.CreatedAt)); err != nil {
			return fmt.Errorf("replacing earlier links: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO email_tokens (token_hash, purpose, user_id, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			t.Hash, t.Purpose, t.UserID, t.Email, db.UTC(t.CreatedAt), db.UTC(t.ExpiresAt)); err != nil {
			return fmt.Errorf("storing link token: %w", err)
		}
		return nil
	})
}

// EmailTokenUser returns the user of a live token of purpose.
func (s *Store) EmailTokenUser(ctx context.Context, hash, purpose string, now time.Time) (*users.User, error) {
	var userID string
	err := s.db.QueryRowContext(ctx, `SELECT user_id FROM email_tokens WHERE token_hash = $1 AND purpose = $2 AND expires_at > $3`, hash, purpose, db.UTC(now)).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, users.ErrLinkInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("loading link token: %w", err)
	}
	return s.UserByID(ctx, userID)
}

// takeToken deletes a live token of one of purposes and returns it; the
// DELETE … RETURNING is the single-use check.
func takeToken(ctx context.Context, tx *sql.Tx, hash string, now time.Time, purposes ...string) (users.EmailToken, error) {
	t := users.EmailToken{Hash: hash}
	err := tx.QueryRowContext(ctx, `DELETE FROM email_tokens WHERE token_hash = $1 AND expires_at > $2 RETURNING purpose, user_id, email`, hash, db.UTC(now)).
		Scan(&t.Purpose, &t.UserID, &t.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return t, users.ErrLinkInvalid
	}
	if err != nil {
		return t, fmt.Errorf("taking link token: %w", err)
	}
	for _, p := range purposes {
		if t.Purpose == p {
			return t, nil
		}
	}
	return t, users.ErrLinkInvalid // rolled back: a reset link stays usable as a reset link
}

// ConfirmEmail applies a verify or change_email link.
func (s *Store) ConfirmEmail(ctx context.Context, hash string, now time.Time) (*users.User, error) {
	var userID string
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		t, err := takeToken(ctx, tx, hash, now, users.PurposeVerify, users.PurposeChangeEmail)
		if err != nil {
			return err
		}
		userID = t.UserID
		// WHERE email = … for verify: a link to an address the account no
		// longer has proves nothing.
		q := `UPDATE users SET email_verified = $1, updated_at = $2 WHERE id = $3 AND email = $4`
		if t.Purpose == users.PurposeChangeEmail {
			q = `UPDATE users SET email_verified = $1, updated_at = $2, email = $4 WHERE id = $3`
		}
		res, err := tx.ExecContext(ctx, q, true, db.UTC(now), t.UserID, t.Email)
		if db.IsUniqueViolation(err) {
			return users.ErrEmailTaken
		}
		if err != nil {
			return fmt.Errorf("confirming email: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return users.ErrLinkInvalid
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.UserByID(ctx, userID)
}

// ResetPassword applies a reset link.
func (s *Store) ResetPassword(ctx context.Context, hash, passwordHash string, now time.Time) (*users.User, error) {
	var userID string
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		t, err := takeToken(ctx, tx, hash, now, users.PurposeReset)
		if err != nil {
			return err
		}
		userID = t.UserID
		if err := setPassword(ctx, tx, t.UserID, passwordHash, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET email_verified = $1 WHERE id = $2 AND email = $3`, true, t.UserID, t.Email); err != nil {
			return fmt.Errorf("marking email verified: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.UserByID(ctx, userID)
}

// SetPassword changes the password and revokes every session.
func (s *Store) SetPassword(ctx context.Context, userID, passwordHash string, now time.Time) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error { return setPassword(ctx, tx, userID, passwordHash, now) })
}

func setPassword(ctx context.Context, tx *sql.Tx, userID, passwordHash string, now time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`, passwordHash, db.UTC(now), userID)
	if err != nil {
		return fmt.Errorf("setting password: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return users.ErrUserNotFound
	}
	if _, err := tx.ExecContext(ctx, `UPDATE refresh_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`, db.UTC(now), userID); err != nil {
		return fmt.Errorf("revoking sessions: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM email_tokens WHERE user_id = $1 AND purpose = $2`, userID, users.PurposeReset); err != nil {
		return fmt.Errorf("forgetting reset links: %w", err)
	}
	return nil
}

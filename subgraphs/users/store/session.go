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

// CreateRefreshToken stores a new refresh token.
func (s *Store) CreateRefreshToken(ctx context.Context, t users.RefreshToken) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		t.ID, t.FamilyID, t.UserID, t.Hash, db.UTC(t.ExpiresAt), db.UTC(t.CreatedAt))
	if err != nil {
		return fmt.Errorf("storing refresh token: %w", err)
	}
	return nil
}

// RotateRefreshToken exchanges the token with hash for next (same family
// and user). The used-check and the update are one conditional UPDATE, so
// of concurrent refreshes with one token exactly one stores the successor;
// the others, within grace, find that successor (next.Hash) and return it.
func (s *Store) RotateRefreshToken(ctx context.Context, hash string, next users.RefreshToken, now time.Time, grace time.Duration) (users.RefreshToken, error) {
	var out users.RefreshToken
	reuse := false
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		reuse = false
		var family, userID string
		var expires time.Time
		var usedAt, revokedAt sql.NullTime
		err := tx.QueryRowContext(ctx, `SELECT family_id, user_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1`, hash).
			Scan(&family, &userID, &expires, &usedAt, &revokedAt)
		if errors.Is(err, sql.ErrNoRows) {
			return users.ErrTokenInvalid
		}
		if err != nil {
			return fmt.Errorf("loading refresh token: %w", err)
		}
		if revokedAt.Valid || !now.Before(expires) {
			return users.ErrTokenInvalid
		}
		if !usedAt.Valid {
			res, err := tx.ExecContext(ctx, `UPDATE refresh_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL`, db.UTC(now), hash)
			if err != nil {
				return fmt.Errorf("marking refresh token used: %w", err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("marking refresh token used: %w", err)
			} else if n == 1 {
				next.FamilyID, next.UserID = family, userID
				_, err = tx.ExecContext(ctx, `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
					next.ID, next.FamilyID, next.UserID, next.Hash, db.UTC(next.ExpiresAt), db.UTC(next.CreatedAt))
				if err != nil {
					return fmt.Errorf("storing rotated refresh token: %w", err)
				}
				out = next
				return nil
			}
			// A concurrent refresh used it first (and has committed).
			if err := tx.QueryRowContext(ctx, `SELECT used_at FROM refresh_tokens WHERE token_hash = $1`, hash).Scan(&usedAt); err != nil {
				return fmt.Errorf("loading refresh token: %w", err)
			}
		}
		if grace > 0 && usedAt.Valid && now.Sub(usedAt.Time) <= grace {
			var id string
			var succExpires time.Time
			err := tx.QueryRowContext(ctx, `SELECT id, expires_at FROM refresh_tokens WHERE token_hash = $1 AND family_id = $2 AND revoked_at IS NULL`,
				next.Hash, family).Scan(&id, &succExpires)
			if err == nil {
				out = users.RefreshToken{ID: id, FamilyID: family, UserID: userID, Hash: next.Hash, ExpiresAt: succExpires}
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("loading the rotated refresh token: %w", err)
			}
		}
		reuse = true
		if _, err := tx.ExecContext(ctx, `UPDATE refresh_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL`, db.UTC(now), family); err != nil {
			return fmt.Errorf("revoking token family: %w", err)
		}
		return nil // commit the revocation
	})
	if err != nil {
		return users.RefreshToken{}, err
	}
	if reuse {
		return users.RefreshToken{}, users.ErrTokenReuse
	}
	return out, nil
}

// RevokeRefreshToken revokes the token's whole family (sign-out).
func (s *Store) RevokeRefreshToken(ctx context.Context, hash string, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE refresh_tokens SET revoked_at = $1
		WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $2)`, db.UTC(now), hash)
	if err != nil {
		return fmt.Errorf("revoking refresh token: %w", err)
	}
	return nil
}

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

// RotateRefreshToken exchanges the token with hash for next (same family and
// user). The used-check and the update are one conditional UPDATE, so two
// concurrent refreshes with one token cannot both succeed.
func (s *Store) RotateRefreshToken(ctx context.Context, hash string, next users.RefreshToken, now time.Time) (string, error) {
	var userID string
	reuse := false
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		var family string
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
		res, err := tx.ExecContext(ctx, `UPDATE refresh_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL`, db.UTC(now), hash)
		if err != nil {
			return fmt.Errorf("marking refresh token used: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 || usedAt.Valid {
			reuse = true
			if _, err := tx.ExecContext(ctx, `UPDATE refresh_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL`, db.UTC(now), family); err != nil {
				return fmt.Errorf("revoking token family: %w", err)
			}
			return nil // commit the revocation
		}
		next.FamilyID, next.UserID = family, userID
		_, err = tx.ExecContext(ctx, `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			next.ID, next.FamilyID, next.UserID, next.Hash, db.UTC(next.ExpiresAt), db.UTC(next.CreatedAt))
		if err != nil {
			return fmt.Errorf("storing rotated refresh token: %w", err)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if reuse {
		return "", users.ErrTokenReuse
	}
	return userID, nil
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

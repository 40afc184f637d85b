package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
)

// SigningKeys returns all signing keys, oldest first.
func (s *Store) SigningKeys(ctx context.Context) ([]users.SigningKey, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, algorithm, private_key, created_at, retired_at FROM signing_keys ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("loading signing keys: %w", err)
	}
	defer rows.Close()
	var out []users.SigningKey
	for rows.Next() {
		var k users.SigningKey
		var der string
		var retired sql.NullTime
		if err := rows.Scan(&k.ID, &k.Algorithm, &der, &k.CreatedAt, &retired); err != nil {
			return nil, fmt.Errorf("scanning signing key: %w", err)
		}
		if k.PrivateKey, err = base64.StdEncoding.DecodeString(der); err != nil {
			return nil, fmt.Errorf("decoding signing key %s: %w", k.ID, err)
		}
		if retired.Valid {
			t := retired.Time
			k.RetiredAt = &t
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// AddSigningKey stores a new key.
func (s *Store) AddSigningKey(ctx context.Context, k users.SigningKey) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO signing_keys (id, algorithm, private_key, created_at) VALUES ($1, $2, $3, $4)`,
		k.ID, k.Algorithm, base64.StdEncoding.EncodeToString(k.PrivateKey), db.UTC(k.CreatedAt))
	if err != nil {
		return fmt.Errorf("storing signing key: %w", err)
	}
	return nil
}

// SealSigningKey replaces a plaintext key with its sealed form, in one
// conditional statement so that replicas starting together seal it once.
func (s *Store) SealSigningKey(ctx context.Context, id string, plaintext, sealed []byte) error {
	_, err := s.db.ExecContext(ctx, `UPDATE signing_keys SET private_key = $1 WHERE id = $2 AND private_key = $3`,
		base64.StdEncoding.EncodeToString(sealed), id, base64.StdEncoding.EncodeToString(plaintext))
	if err != nil {
		return fmt.Errorf("sealing signing key: %w", err)
	}
	return nil
}

// RetireSigningKey stops a key from signing.
func (s *Store) RetireSigningKey(ctx context.Context, id string, at time.Time) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE signing_keys SET retired_at = $1 WHERE id = $2 AND retired_at IS NULL`, db.UTC(at), id); err != nil {
		return fmt.Errorf("retiring signing key: %w", err)
	}
	return nil
}

// SaveOAuthState stores a pending OAuth flow and prunes expired ones.
func (s *Store) SaveOAuthState(ctx context.Context, st users.OAuthState) error {
	return s.db.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM oauth_states WHERE expires_at < $1`, db.UTC(time.Now())); err != nil {
			return fmt.Errorf("pruning OAuth states: %w", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO oauth_states (state, provider, code_verifier, nonce, redirect_to, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			st.State, st.Provider, st.CodeVerifier, st.Nonce, st.RedirectTo, db.UTC(st.ExpiresAt))
		if err != nil {
			return fmt.Errorf("storing OAuth state: %w", err)
		}
		return nil
	})
}

// TakeOAuthState returns and deletes a state; the DELETE … RETURNING makes
// it single use even under concurrent callbacks.
func (s *Store) TakeOAuthState(ctx context.Context, state string, now time.Time) (*users.OAuthState, error) {
	st := &users.OAuthState{}
	err := s.db.QueryRowContext(ctx, `DELETE FROM oauth_states WHERE state = $1
		RETURNING state, provider, code_verifier, nonce, redirect_to, expires_at`, state).
		Scan(&st.State, &st.Provider, &st.CodeVerifier, &st.Nonce, &st.RedirectTo, &st.ExpiresAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, users.ErrStateInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("taking OAuth state: %w", err)
	}
	if !now.Before(st.ExpiresAt) {
		return nil, users.ErrStateInvalid
	}
	return st, nil
}

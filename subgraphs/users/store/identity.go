package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
)

// IdentitiesByUserIDs returns the linked identities of each user, in one query.
func (s *Store) IdentitiesByUserIDs(ctx context.Context, ids []string) (map[string][]users.Identity, error) {
	out := map[string][]users.Identity{}
	if len(ids) == 0 {
		return out, nil
	}
	q, args := db.InList(`SELECT user_id, provider, subject, email, created_at FROM identities WHERE user_id IN (%s) ORDER BY created_at`, nil, ids)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("loading identities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var i users.Identity
		if err := rows.Scan(&i.UserID, &i.Provider, &i.Subject, &i.Email, &i.CreatedAt); err != nil {
			return nil, fmt.Errorf("scanning identity: %w", err)
		}
		out[i.UserID] = append(out[i.UserID], i)
	}
	return out, rows.Err()
}

// SignInExternal resolves a provider account to a user in one transaction:
// the identity's user if linked; else the user with the same email, linked
// only when the provider verified that email (otherwise an attacker could
// claim a victim's account by registering their address at a provider) and
// the account's owner verified it too (otherwise whoever registered it with
// a password keeps a way in); else a new user, verified by the provider.
func (s *Store) SignInExternal(ctx context.Context, acct users.ExternalAccount, newUser *users.User) (*users.User, error) {
	var userID string
	err := s.db.WithTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT user_id FROM identities WHERE provider = $1 AND subject = $2`, acct.Provider, acct.Subject).Scan(&userID)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("finding identity: %w", err)
		}
		var verified bool
		err = tx.QueryRowContext(ctx, `SELECT id, email_verified FROM users WHERE email = $1`, acct.Email).Scan(&userID, &verified)
		switch {
		case err == nil && !acct.EmailVerified:
			return users.ErrEmailTaken
		case err == nil && !verified:
			// Pre-account takeover: whoever registered this address with a
			// password never proved they own it (OWASP ASVS 2.5 / account
			// linking); linking would hand the provider's user to them.
			return users.ErrLinkUnverified
		case errors.Is(err, sql.ErrNoRows):
			userID = newUser.ID
			if _, err := tx.ExecContext(ctx, `INSERT INTO users (`+userColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
				newUser.ID, newUser.Email, newUser.DisplayName, newUser.AvatarURL, newUser.Headline, newUser.Location,
				db.UTC(newUser.CreatedAt), db.UTC(newUser.UpdatedAt), true); err != nil {
				return fmt.Errorf("creating user: %w", err)
			}
		case err != nil:
			return fmt.Errorf("finding user by email: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO identities (provider, subject, user_id, email, created_at) VALUES ($1, $2, $3, $4, $5)`,
			acct.Provider, acct.Subject, userID, acct.Email, db.UTC(newUser.CreatedAt)); err != nil {
			return fmt.Errorf("linking identity: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.UserByID(ctx, userID)
}

// Package users is the User Management domain: people, their sign-in
// identities, sessions (refresh tokens) and the keys that sign access tokens.
//
// The store/ package implements the Store interfaces on SQL; graph/ serves
// GraphQL; authhttp/ serves the /auth/* endpoints; oauth/ talks to Microsoft
// and Google. Business rules (validation, password hashing, token issuing,
// throttling) live here so that every adapter applies them the same way.
package users

import (
	"context"
	"time"
)

// User is a person with a Career Coach account.
type User struct {
	ID          string
	Email       string
	DisplayName string
	AvatarURL   string
	Headline    string
	Location    string
	// EmailVerified: the owner of Email followed a link sent to it, or a
	// provider vouched for it.
	EmailVerified bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Identity links a user to an external sign-in provider account.
type Identity struct {
	UserID    string
	Provider  string // "microsoft", "google"
	Subject   string // the provider's stable user id
	Email     string
	CreatedAt time.Time
}

// ProfileUpdate changes the fields that are set.
type ProfileUpdate struct {
	DisplayName *string
	AvatarURL   *string
	Headline    *string
	Location    *string
}

// ExternalAccount is what a provider's verified ID token says about a person.
type ExternalAccount struct {
	Provider      string
	Subject       string
	Email         string
	EmailVerified bool
	Name          string
	Picture       string
}

// RefreshToken is a stored session credential; only its hash is kept.
type RefreshToken struct {
	ID        string
	FamilyID  string // all rotations of one sign-in share a family
	UserID    string
	Hash      string
	ExpiresAt time.Time
	CreatedAt time.Time
}

// SigningKey is a private key that signs access tokens.
type SigningKey struct {
	ID         string // the JWT kid
	Algorithm  string // "EdDSA"
	PrivateKey []byte // PKCS#8 DER, sealed (see Sealer)
	CreatedAt  time.Time
	RetiredAt  *time.Time // no longer signs; still published until tokens expire
}

// OAuthStateTTL bounds how long a person may take at a provider's sign-in
// page.
const OAuthStateTTL = 10 * time.Minute

// OAuthState is a pending authorization-code flow (single use).
type OAuthState struct {
	State        string
	Provider     string
	CodeVerifier string // PKCE
	Nonce        string
	RedirectTo   string // path in the web app to return to
	ExpiresAt    time.Time
}

// UserStore keeps users and identities.
type UserStore interface {
	UserByID(ctx context.Context, id string) (*User, error)
	UsersByIDs(ctx context.Context, ids []string) ([]*User, error)
	// UserByEmail returns the user and the password hash ("" if none).
	UserByEmail(ctx context.Context, email string) (*User, string, error)
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	UpdateProfile(ctx context.Context, id string, upd ProfileUpdate) (*User, error)
	// DeleteUser removes the user and everything of theirs, and records the
	// user.deleted event in the same transaction.
	DeleteUser(ctx context.Context, id string) error
	IdentitiesByUserIDs(ctx context.Context, ids []string) (map[string][]Identity, error)
	// SignInExternal finds the user of an identity, or links it to the user
	// with the same verified email, or creates a user; atomically.
	SignInExternal(ctx context.Context, acct ExternalAccount, newUser *User) (*User, error)
}

// SessionStore keeps refresh tokens.
type SessionStore interface {
	CreateRefreshToken(ctx context.Context, t RefreshToken) error
	// RotateRefreshToken marks the token with hash used, stores next in its
	// family and returns it (with family and user set). A token used before
	// returns its successor again if that was within grace and the
	// successor's hash is next.Hash (the caller derives successors, so the
	// same token always asks for the same one); any other reuse revokes the
	// whole family and returns ErrTokenReuse.
	RotateRefreshToken(ctx context.Context, hash string, next RefreshToken, now time.Time, grace time.Duration) (RefreshToken, error)
	RevokeRefreshToken(ctx context.Context, hash string, now time.Time) error
}

// KeyStore keeps signing keys and OAuth flow state.
type KeyStore interface {
	SigningKeys(ctx context.Context) ([]SigningKey, error)
	AddSigningKey(ctx context.Context, k SigningKey) error
	RetireSigningKey(ctx context.Context, id string, at time.Time) error
	// SealSigningKey replaces a key's plaintext with its sealed form, if the
	// plaintext is still what is stored (another replica may have sealed it).
	SealSigningKey(ctx context.Context, id string, plaintext, sealed []byte) error
	SaveOAuthState(ctx context.Context, s OAuthState) error
	// TakeOAuthState returns and deletes a state that has not expired.
	TakeOAuthState(ctx context.Context, state string, now time.Time) (*OAuthState, error)
}

// PendingSignup is a password sign-up waiting for its emailed link.
type PendingSignup struct {
	TokenHash    string
	Email        string
	DisplayName  string
	PasswordHash string
	CreatedAt    time.Time
	ExpiresAt    time.Time
}

// What an EmailToken's link does.
const (
	PurposeVerify      = "verify"       // confirm an existing account's email
	PurposeReset       = "reset"        // set a new password
	PurposeChangeEmail = "change_email" // make Email the account's address
)

// EmailToken is a single-use emailed link for an existing account; only the
// hash of its token is kept.
type EmailToken struct {
	Hash      string
	Purpose   string
	UserID    string
	Email     string // the address the link went to
	CreatedAt time.Time
	ExpiresAt time.Time
}

// RecoveryStore keeps sign-ups and emailed links, and applies what a link
// does in the same transaction that uses it up.
type RecoveryStore interface {
	SavePendingSignup(ctx context.Context, p PendingSignup) error
	// RenewPendingSignup gives the newest live sign-up for email a new token
	// and expiry; false when there is none.
	RenewPendingSignup(ctx context.Context, email, tokenHash string, expires, now time.Time) (bool, error)
	// CompleteSignup turns the pending sign-up with tokenHash into the
	// verified user u (ID and times set here, the rest from the sign-up) and
	// forgets every sign-up for that address. ErrLinkInvalid when there is no
	// live sign-up or the address got an account meanwhile.
	CompleteSignup(ctx context.Context, tokenHash string, u *User, now time.Time) (*User, error)
	// SaveEmailToken stores t and forgets the user's earlier links of the
	// same purpose (only the newest works).
	SaveEmailToken(ctx context.Context, t EmailToken) error
	// EmailTokenUser returns the live token with hash and its user without
	// using it up. ErrLinkInvalid when there is none.
	EmailTokenUser(ctx context.Context, hash, purpose string, now time.Time) (*User, error)
	// ConfirmEmail uses up a verify or change_email token: the user's email
	// becomes the token's and is verified.
	ConfirmEmail(ctx context.Context, hash string, now time.Time) (*User, error)
	// ResetPassword uses up a reset token: sets the password, marks the email
	// verified (the link proved it) and revokes every session.
	ResetPassword(ctx context.Context, hash, passwordHash string, now time.Time) (*User, error)
	// SetPassword changes a user's password and revokes every session.
	SetPassword(ctx context.Context, userID, passwordHash string, now time.Time) error
}

// Store is everything the users service persists.
type Store interface {
	UserStore
	SessionStore
	ThrottleStore
	KeyStore
	RecoveryStore
	Ping(ctx context.Context) error
}

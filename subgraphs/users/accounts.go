package users

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/mail"
)

// Accounts signs people up and in and keeps their sessions.
type Accounts struct {
	Store      Store
	Keys       *Keys
	Issuer     string
	AccessTTL  time.Duration
	RefreshTTL time.Duration
	Now        func() time.Time
	Log        *slog.Logger
	// Hasher bounds concurrent password hashing (memory).
	Hasher *Hasher
	// Throttle slows password guessing; Devices exempts browsers that
	// signed in before from the account and address throttles.
	Throttle ThrottleConfig
	Devices  DeviceCookies
	// RefreshGrace is how long a rotated refresh token still yields its
	// successor; SuccessorKey (32 bytes) derives successors, and without it
	// every reuse revokes.
	RefreshGrace time.Duration
	SuccessorKey []byte
	// Mail sends account email; LinkBase is the web app's origin for links.
	Mail     mail.Sender
	LinkBase string
	// Limits bound sign-ups, account mail and re-authentication; counted
	// in the store (see take), like the login throttle.
	Limits Limits
}

// DefaultRefreshGrace is the rotation leeway the flags default to (Okta's
// default grace period).
const DefaultRefreshGrace = 30 * time.Second

// Session is what a successful sign-in hands to the client.
type Session struct {
	AccessToken     string
	AccessExpiresAt time.Time
	RefreshToken    string
	RefreshExpires  time.Time
	User            *User
	// DeviceCookie is set by a password sign-in (see DeviceCookies).
	DeviceCookie  string
	DeviceExpires time.Time
}

// SignInExternal signs in the person a provider vouched for.
func (a *Accounts) SignInExternal(ctx context.Context, acct ExternalAccount) (*Session, error) {
	email, err := NormalizeEmail(acct.Email)
	if err != nil {
		return nil, apperr.Errorf(apperr.Invalid, "the %s account has no usable email address", acct.Provider)
	}
	acct.Email = email
	name, err := CheckDisplayName(acct.Name)
	if err != nil {
		name = email[:len(email)-len(email[indexAt(email):])]
	}
	now := a.Now().UTC()
	newUser := &User{ID: uuid.NewString(), Email: email, DisplayName: name, CreatedAt: now, UpdatedAt: now}
	if p, err := checkAvatarURL(acct.Picture); err == nil {
		newUser.AvatarURL = p
	}
	u, err := a.Store.SignInExternal(ctx, acct, newUser)
	if err != nil {
		return nil, err
	}
	return a.newSession(ctx, u, uuid.NewString())
}

func indexAt(s string) int {
	for i := range s {
		if s[i] == '@' {
			return i
		}
	}
	return len(s)
}

// Refresh exchanges a refresh token for a new session (rotation). Presenting
// a token that was already exchanged revokes every session of that sign-in:
// someone else may hold a copy. Within RefreshGrace of its exchange, though,
// the same token gets the same successor again (Auth0's and Okta's rotation
// "leeway"), so that two tabs refreshing at once do not sign the user out.
func (a *Accounts) Refresh(ctx context.Context, refreshToken string) (*Session, error) {
	if refreshToken == "" || len(refreshToken) > 200 {
		return nil, ErrTokenInvalid
	}
	now := a.Now().UTC()
	raw, next := newRefreshToken(now, a.RefreshTTL)
	if len(a.SuccessorKey) > 0 {
		raw = a.successor(refreshToken)
		next.Hash = hashToken(raw)
	}
	rt, err := a.Store.RotateRefreshToken(ctx, hashToken(refreshToken), next, now, a.RefreshGrace)
	if err != nil {
		if errors.Is(err, ErrTokenReuse) {
			a.Log.WarnContext(ctx, "refresh token reuse detected; family revoked")
		}
		return nil, err
	}
	u, err := a.Store.UserByID(ctx, rt.UserID)
	if err != nil {
		return nil, err
	}
	access, exp, err := a.accessToken(u, now)
	if err != nil {
		return nil, err
	}
	return &Session{AccessToken: access, AccessExpiresAt: exp, RefreshToken: raw, RefreshExpires: rt.ExpiresAt, User: u}, nil
}

// successor derives the token that replaces raw with a keyed hash: the
// same token always asks for the same successor, so none is stored in the
// clear (only its SHA-256, as for every token), and nobody without the key
// can compute a stolen token's successor and skip the reuse check.
func (a *Accounts) successor(raw string) string {
	m := hmac.New(sha256.New, a.SuccessorKey)
	m.Write([]byte("refresh-successor-v1\x00" + raw))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// Logout revokes a refresh token (its access token expires by itself).
func (a *Accounts) Logout(ctx context.Context, refreshToken string) error {
	if refreshToken == "" {
		return nil
	}
	return a.Store.RevokeRefreshToken(ctx, hashToken(refreshToken), a.Now().UTC())
}

func (a *Accounts) newSession(ctx context.Context, u *User, family string) (*Session, error) {
	now := a.Now().UTC()
	raw, rt := newRefreshToken(now, a.RefreshTTL)
	rt.FamilyID, rt.UserID = family, u.ID
	if err := a.Store.CreateRefreshToken(ctx, rt); err != nil {
		return nil, err
	}
	access, exp, err := a.accessToken(u, now)
	if err != nil {
		return nil, err
	}
	return &Session{AccessToken: access, AccessExpiresAt: exp, RefreshToken: raw, RefreshExpires: rt.ExpiresAt, User: u}, nil
}

func (a *Accounts) accessToken(u *User, now time.Time) (string, time.Time, error) {
	exp := now.Add(a.AccessTTL)
	tok, err := a.Keys.Sign(&auth.Claims{RegisteredClaims: jwt.RegisteredClaims{
		Issuer:    a.Issuer,
		Subject:   u.ID,
		Audience:  jwt.ClaimStrings{auth.Audience},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(exp),
		ID:        uuid.NewString(),
	}, Email: u.Email, Name: u.DisplayName})
	if err != nil {
		return "", time.Time{}, fmt.Errorf("issuing access token: %w", err)
	}
	return tok, exp, nil
}

func newRefreshToken(now time.Time, ttl time.Duration) (string, RefreshToken) {
	raw := randomToken()
	return raw, RefreshToken{ID: uuid.NewString(), Hash: hashToken(raw), ExpiresAt: now.Add(ttl), CreatedAt: now}
}

// randomToken is 256 random bits, URL-safe.
func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken stores refresh and emailed-link tokens as SHA-256: they are random (256 bits), so a fast hash
// is enough and a database leak reveals no usable token.
func hashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

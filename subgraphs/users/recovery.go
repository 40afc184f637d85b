package users

import (
	"cmp"
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/mail"
)

// Lifetimes of emailed links (OWASP Forgot Password cheat sheet: reset links
// short-lived; NIST SP 800-63B: single use).
const (
	VerifyTTL = 24 * time.Hour
	ResetTTL  = 30 * time.Minute
)

var errWrongCurrentPassword = apperr.Errorf(apperr.Unauthenticated, "the current password is wrong")

// maxLinkToken bounds a token a client sends back; real ones are 43 bytes.
const maxLinkToken = 200

// SignUp starts a password sign-up. It answers the same whether or not the
// address has an account, so sign-up does not reveal who is registered
// (OWASP Authentication cheat sheet); the email tells the owner which case
// it is. Nothing is an account until the emailed link is followed.
func (a *Accounts) SignUp(ctx context.Context, email, password, displayName, ip string) error {
	email, err := NormalizeEmail(email)
	if err != nil {
		return err
	}
	name, err := CheckDisplayName(displayName)
	if err != nil {
		return err
	}
	if err := CheckPassword(password, email); err != nil {
		return err
	}
	now := a.Now().UTC()
	if ok, err := a.take(ctx, "signup-ip:"+ip, a.Limits.SignupsPerIP); err != nil || !ok {
		return cmp.Or[error](err, ErrTooManyRequests)
	}
	hash, err := a.Hasher.Hash(ctx, password) // also for existing addresses: same cost either way
	if err != nil {
		return err
	}
	_, _, err = a.Store.UserByEmail(ctx, email)
	switch {
	case err == nil:
		return a.send(ctx, email, SubjectAlreadyExists, a.alreadyExistsText())
	case !errors.Is(err, ErrUserNotFound):
		return err
	}
	raw, tokenHash := newLinkToken()
	if err := a.Store.SavePendingSignup(ctx, PendingSignup{TokenHash: tokenHash, Email: email, DisplayName: name,
		PasswordHash: hash, CreatedAt: now, ExpiresAt: now.Add(VerifyTTL)}); err != nil {
		return err
	}
	return a.send(ctx, email, SubjectVerify, a.verifyText(name, raw))
}

// VerifyEmail follows a verification link: it creates a pending sign-up's
// account, verifies an existing account's address or applies an email
// change, and signs the account in.
func (a *Accounts) VerifyEmail(ctx context.Context, token string) (*Session, error) {
	if token == "" || len(token) > maxLinkToken {
		return nil, ErrLinkInvalid
	}
	now := a.Now().UTC()
	h := hashToken(token)
	u, err := a.Store.CompleteSignup(ctx, h, &User{ID: uuid.NewString(), CreatedAt: now, UpdatedAt: now}, now)
	if errors.Is(err, ErrLinkInvalid) {
		u, err = a.Store.ConfirmEmail(ctx, h, now)
	}
	if err != nil {
		return nil, err
	}
	return a.newSession(ctx, u, uuid.NewString())
}

// ResendVerification sends a new link to an address whose account or
// sign-up is unverified; it answers the same in every case.
func (a *Accounts) ResendVerification(ctx context.Context, email, ip string) error {
	email, u, now, err := a.mailRequest(ctx, email, ip)
	if err != nil {
		return err
	}
	if u != nil {
		return a.sendVerification(ctx, u, now)
	}
	raw, tokenHash := newLinkToken()
	renewed, err := a.Store.RenewPendingSignup(ctx, email, tokenHash, now.Add(VerifyTTL), now)
	if err != nil || !renewed {
		return err
	}
	return a.send(ctx, email, SubjectVerify, a.verifyText("", raw))
}

// ResendVerificationFor sends a signed-in user a new verification link.
func (a *Accounts) ResendVerificationFor(ctx context.Context, userID string) error {
	u, err := a.Store.UserByID(ctx, userID)
	if err != nil {
		return err
	}
	return a.sendVerification(ctx, u, a.Now().UTC())
}

func (a *Accounts) sendVerification(ctx context.Context, u *User, now time.Time) error {
	if u.EmailVerified {
		return nil
	}
	raw, h := newLinkToken()
	if err := a.Store.SaveEmailToken(ctx, EmailToken{Hash: h, Purpose: PurposeVerify, UserID: u.ID, Email: u.Email, CreatedAt: now, ExpiresAt: now.Add(VerifyTTL)}); err != nil {
		return err
	}
	return a.send(ctx, u.Email, SubjectVerify, a.verifyText(u.DisplayName, raw))
}

// ForgotPassword mails a reset link if the address has an account; the
// answer is the same either way.
func (a *Accounts) ForgotPassword(ctx context.Context, email, ip string) error {
	_, u, now, err := a.mailRequest(ctx, email, ip)
	if err != nil || u == nil {
		return err
	}
	raw, h := newLinkToken()
	if err := a.Store.SaveEmailToken(ctx, EmailToken{Hash: h, Purpose: PurposeReset, UserID: u.ID, Email: u.Email, CreatedAt: now, ExpiresAt: now.Add(ResetTTL)}); err != nil {
		return err
	}
	return a.send(ctx, u.Email, SubjectReset, a.resetText(raw))
}

// mailRequest starts a request that mails an address: it normalises the
// address, applies the per-client-address limit and finds the account (nil
// when the address has none).
func (a *Accounts) mailRequest(ctx context.Context, email, ip string) (string, *User, time.Time, error) {
	email, err := NormalizeEmail(email)
	if err != nil {
		return "", nil, time.Time{}, err
	}
	now := a.Now().UTC()
	if ok, err := a.take(ctx, "mail-ip:"+ip, a.Limits.MailPerIP); err != nil || !ok {
		return "", nil, now, cmp.Or[error](err, ErrTooManyRequests)
	}
	u, _, err := a.Store.UserByEmail(ctx, email)
	if errors.Is(err, ErrUserNotFound) {
		return email, nil, now, nil
	}
	return email, u, now, err
}

// ResetPassword follows a reset link: new password, every session revoked,
// the address verified (the link reached it), and a new session.
func (a *Accounts) ResetPassword(ctx context.Context, token, password string) (*Session, error) {
	if token == "" || len(token) > maxLinkToken {
		return nil, ErrLinkInvalid
	}
	now := a.Now().UTC()
	h := hashToken(token)
	u, err := a.Store.EmailTokenUser(ctx, h, PurposeReset, now)
	if err != nil {
		return nil, err
	}
	if err := CheckPassword(password, u.Email); err != nil {
		return nil, err
	}
	hash, err := a.Hasher.Hash(ctx, password)
	if err != nil {
		return nil, err
	}
	if u, err = a.Store.ResetPassword(ctx, h, hash, now); err != nil {
		return nil, err
	}
	if err := a.send(ctx, u.Email, SubjectPasswordSet, a.passwordSetText()); err != nil {
		a.Log.WarnContext(ctx, "password-changed notice not sent", "err", err)
	}
	return a.newSession(ctx, u, uuid.NewString())
}

// ChangePassword re-authenticates with the current password, sets the new
// one, revokes every other session and returns a fresh one.
func (a *Accounts) ChangePassword(ctx context.Context, userID, current, next string) (*Session, error) {
	u, err := a.reauthenticate(ctx, userID, current)
	if err != nil {
		return nil, err
	}
	if err := CheckPassword(next, u.Email); err != nil {
		return nil, err
	}
	hash, err := a.Hasher.Hash(ctx, next)
	if err != nil {
		return nil, err
	}
	if err := a.Store.SetPassword(ctx, u.ID, hash, a.Now().UTC()); err != nil {
		return nil, err
	}
	if err := a.send(ctx, u.Email, SubjectPasswordSet, a.passwordSetText()); err != nil {
		a.Log.WarnContext(ctx, "password-changed notice not sent", "err", err)
	}
	return a.newSession(ctx, u, uuid.NewString())
}

// ChangeEmail re-authenticates and mails a confirmation link to the new
// address (the change happens when it is followed) and a notice to the old.
func (a *Accounts) ChangeEmail(ctx context.Context, userID, current, newEmail string) error {
	u, err := a.reauthenticate(ctx, userID, current)
	if err != nil {
		return err
	}
	newEmail, err = NormalizeEmail(newEmail)
	if err != nil {
		return err
	}
	if newEmail == u.Email {
		return apperr.Errorf(apperr.Invalid, "that is already your email address")
	}
	now := a.Now().UTC()
	_, _, err = a.Store.UserByEmail(ctx, newEmail)
	switch {
	case err == nil: // in use: say so to that address only, not to the requester
		if err := a.send(ctx, newEmail, SubjectEmailInUse, a.emailInUseText()); err != nil {
			return err
		}
	case errors.Is(err, ErrUserNotFound):
		raw, h := newLinkToken()
		if err := a.Store.SaveEmailToken(ctx, EmailToken{Hash: h, Purpose: PurposeChangeEmail, UserID: u.ID, Email: newEmail, CreatedAt: now, ExpiresAt: now.Add(VerifyTTL)}); err != nil {
			return err
		}
		if err := a.send(ctx, newEmail, SubjectChangeEmail, a.changeEmailText(raw)); err != nil {
			return err
		}
	default:
		return err
	}
	return a.send(ctx, u.Email, SubjectEmailChanging, a.emailChangingText(newEmail))
}

// reauthenticate checks a signed-in user's current password (OWASP ASVS
// 2.1.5/3.7.1: re-authenticate before changing credentials). Attempts are
// reserved before the check, so parallel guesses cannot exceed the limit.
func (a *Accounts) reauthenticate(ctx context.Context, userID, password string) (*User, error) {
	u, err := a.Store.UserByID(ctx, userID)
	if err != nil {
		return nil, err
	}
	_, hash, err := a.Store.UserByEmail(ctx, u.Email)
	if err != nil {
		return nil, err
	}
	if hash == "" {
		return nil, apperr.Errorf(apperr.Invalid, "this account signs in with Google or Microsoft and has no password yet; use “Forgot password?” to set one")
	}
	key := "reauth:" + userID
	if ok, err := a.take(ctx, key, a.Limits.ReauthFailures); err != nil || !ok {
		return nil, cmp.Or[error](err, ErrReauthThrottled)
	}
	if len(password) > 4*MaxPasswordLen {
		return nil, errWrongCurrentPassword
	}
	ok, err := a.Hasher.Verify(ctx, hash, password)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errWrongCurrentPassword
	}
	if err := a.forget(ctx, key); err != nil {
		return nil, err
	}
	return u, nil
}

// send hands a message to the mail queue, at most Limits.MailPerAddress per
// address and window: past that, mail is dropped silently (the answer must
// not differ) and logged.
func (a *Accounts) send(ctx context.Context, to, subject, text string) error {
	ok, err := a.take(ctx, "mail-to:"+to, a.Limits.MailPerAddress)
	if err != nil {
		return err
	}
	if !ok {
		a.Log.WarnContext(ctx, "account email dropped: too many to this address", "subject", subject)
		return nil
	}
	if err := a.Mail.Send(ctx, mail.Message{To: to, Subject: subject, Text: text}); err != nil {
		if errors.Is(err, mail.ErrQueueFull) {
			return apperr.Errorf(apperr.Unavailable, "email cannot be sent right now; try again in a minute")
		}
		return err
	}
	return nil
}

// newLinkToken returns a random token for a link and its stored hash.
func newLinkToken() (raw, hash string) {
	raw = randomToken()
	return raw, hashToken(raw)
}

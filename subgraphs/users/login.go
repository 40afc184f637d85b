package users

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
)

// LoginAttempt is a password sign-in as a client presents it.
type LoginAttempt struct {
	Email        string
	Password     string
	IP           string // client address
	DeviceCookie string // from an earlier sign-in in this browser, if any
}

// Login checks a password. The attempt is charged to its throttle keys
// before the password is checked: the account's and the address's, or for
// a browser with this account's device cookie, that cookie's alone.
func (a *Accounts) Login(ctx context.Context, in LoginAttempt) (*Session, error) {
	email, err := NormalizeEmail(in.Email)
	if err != nil {
		return nil, ErrBadCredentials
	}
	if len(in.Password) > 4*MaxPasswordLen {
		return nil, ErrBadCredentials
	}
	now := a.Now().UTC()
	keys := []throttleKey{{"ip:" + in.IP, a.Throttle.AddressFreeFailures}, {"email:" + email, a.Throttle.AccountFreeFailures}}
	if nonce, ok := a.Devices.check(in.DeviceCookie, email, now); ok {
		keys = []throttleKey{{"device:" + nonce, a.Throttle.AccountFreeFailures}}
	}
	for i, k := range keys {
		if err := a.reserve(ctx, k, now); err != nil {
			return nil, errors.Join(err, a.refund(ctx, keys[:i]))
		}
	}
	u, hash, err := a.Store.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, ErrUserNotFound) {
		return nil, errors.Join(err, a.refund(ctx, keys))
	}
	if u == nil || hash == "" {
		hash = dummyHash // same cost as a real check: no account enumeration by timing
	}
	ok, err := a.Hasher.Verify(ctx, hash, in.Password)
	if err != nil { // not checked: the attempt does not count
		return nil, errors.Join(err, a.refund(ctx, keys))
	}
	if u == nil || hash == dummyHash || !ok {
		return nil, ErrBadCredentials
	}
	// Success: the account's and the device's counts start over; the
	// address keeps other clients' failures and loses only this attempt.
	for _, k := range keys {
		if k.key == "ip:"+in.IP {
			err = a.Store.RefundLoginAttempt(ctx, k.key)
		} else {
			err = a.Store.ClearLoginThrottle(ctx, k.key)
		}
		if err != nil {
			return nil, fmt.Errorf("resetting the login throttle: %w", err)
		}
	}
	s, err := a.newSession(ctx, u, uuid.NewString())
	if err != nil {
		return nil, err
	}
	s.DeviceCookie, s.DeviceExpires = a.Devices.Issue(email, now)
	return s, nil
}

// refund takes back attempts that were charged but never checked.
func (a *Accounts) refund(ctx context.Context, keys []throttleKey) error {
	for _, k := range keys {
		if err := a.Store.RefundLoginAttempt(ctx, k.key); err != nil {
			return fmt.Errorf("refunding a login attempt: %w", err)
		}
	}
	return nil
}

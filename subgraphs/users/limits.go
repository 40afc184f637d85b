package users

import (
	"context"
	"fmt"
	"time"
)

// Limits bound how often account email can be triggered, per client address
// and per email address, over one window (OWASP ASVS 2.2.1 anti-automation;
// it also stops the service being used to flood someone's inbox).
type Limits struct {
	Window         time.Duration
	SignupsPerIP   int // sign-ups from one client address
	MailPerIP      int // forgot-password and resend requests from one client address
	MailPerAddress int // account emails to one email address
	ReauthFailures int // wrong current passwords on change password/email, per user
}

// DefaultLimits are the flags' defaults.
func DefaultLimits() Limits {
	return Limits{Window: time.Hour, SignupsPerIP: 10, MailPerIP: 20, MailPerAddress: 5, ReauthFailures: 5}
}

// Validate checks the limits.
func (l Limits) Validate() error {
	if l.Window < time.Minute || l.Window > 24*time.Hour {
		return fmt.Errorf("--account-limit-window %s: want between 1m and 24h", l.Window)
	}
	for _, v := range []struct {
		flag string
		n    int
	}{{"signups-per-ip", l.SignupsPerIP}, {"mail-per-ip", l.MailPerIP}, {"mail-per-address", l.MailPerAddress}, {"reauth-failures", l.ReauthFailures}} {
		if v.n < 1 || v.n > 100000 {
			return fmt.Errorf("--%s %d: want between 1 and 100000", v.flag, v.n)
		}
	}
	return nil
}

// take counts one event for key in a fixed window of Limits.Window and
// reports whether it is within max. The count lives in the store's throttle
// table beside the login throttle (a row per key: LastAt is when the window
// started, NextAt when it ends), so every replica shares it and a restart
// forgets nothing. Counting is one upsert: parallel requests neither
// overshoot nor, under the limit, get refused for colliding.
func (a *Accounts) take(ctx context.Context, key string, max int) (bool, error) {
	n, err := a.Store.CountInWindow(ctx, "limit:"+key, a.Now().UTC(), a.Limits.Window)
	if err != nil {
		return false, fmt.Errorf("counting against a rate limit: %w", err)
	}
	return n <= max, nil
}

// forget ends key's window (after a success that ends a run of failures).
func (a *Accounts) forget(ctx context.Context, key string) error {
	return a.Store.ClearLoginThrottle(ctx, "limit:"+key)
}

package users

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/careercoach/coach/internal/apperr"
)

// ThrottleConfig slows password guessing without locking anyone out: each
// failure beyond a free allowance doubles the wait before the next attempt
// with the same key (an account, a client address or a device cookie), up
// to MaxDelay; failures are forgotten after Forget without one. A browser
// that holds a device cookie for an account is throttled on its own (OWASP
// "Slow Down Online Guessing Attacks with Device Cookies"), so an attacker
// guessing an account's password, or failing many times from a shared
// address, cannot keep its owner out.
type ThrottleConfig struct {
	AccountFreeFailures int // failures of one account (from untrusted clients) before delays start
	AddressFreeFailures int // failures from one client address before delays start
	BaseDelay           time.Duration
	MaxDelay            time.Duration
	Forget              time.Duration
	DeviceTTL           time.Duration // lifetime of a device cookie
}

// DefaultThrottle is the configuration the flags default to.
func DefaultThrottle() ThrottleConfig {
	return ThrottleConfig{AccountFreeFailures: 5, AddressFreeFailures: 20, BaseDelay: time.Second,
		MaxDelay: 15 * time.Minute, Forget: time.Hour, DeviceTTL: 90 * 24 * time.Hour}
}

// Validate checks the settings (flag names as the commands spell them).
func (c ThrottleConfig) Validate() error {
	var errs []error
	if c.AccountFreeFailures < 1 || c.AccountFreeFailures > 100 {
		errs = append(errs, fmt.Errorf("--login-account-free-failures %d: want 1 to 100", c.AccountFreeFailures))
	}
	if c.AddressFreeFailures < 1 || c.AddressFreeFailures > 10000 {
		errs = append(errs, fmt.Errorf("--login-address-free-failures %d: want 1 to 10000", c.AddressFreeFailures))
	}
	if c.BaseDelay < 100*time.Millisecond || c.BaseDelay > time.Minute {
		errs = append(errs, fmt.Errorf("--login-base-delay %s: want 100ms to 1m", c.BaseDelay))
	}
	if c.MaxDelay < c.BaseDelay || c.MaxDelay > 24*time.Hour {
		errs = append(errs, fmt.Errorf("--login-max-delay %s: want from --login-base-delay to 24h", c.MaxDelay))
	}
	if c.Forget < time.Minute || c.Forget < c.MaxDelay {
		// Shorter, and an attacker who waits out the longest delay would
		// find the count forgotten and the free failures back.
		errs = append(errs, fmt.Errorf("--login-forget-after %s: want at least 1m and at least --login-max-delay", c.Forget))
	}
	if c.DeviceTTL < time.Hour {
		errs = append(errs, fmt.Errorf("--device-cookie-ttl %s: want at least 1h", c.DeviceTTL))
	}
	return errors.Join(errs...)
}

// delay is the wait after the given number of failures: none within the
// free allowance, then BaseDelay doubling per failure up to MaxDelay.
func (c ThrottleConfig) delay(failures, free int) time.Duration {
	over := failures - free
	if over <= 0 {
		return 0
	}
	d := float64(c.BaseDelay) * math.Pow(2, float64(min(over-1, 40)))
	return time.Duration(min(d, float64(c.MaxDelay)))
}

// ThrottleState is the failure count of one throttle key. Version changes
// with every write, so a write can be made conditional on what was read.
type ThrottleState struct {
	Failures int
	NextAt   time.Time // no attempt before this
	LastAt   time.Time // last counted attempt
	Version  int64     // 0: no row yet
}

// ThrottleStore keeps the login throttle. Writes are single conditional
// statements, so concurrent attempts cannot all pass one check.
type ThrottleStore interface {
	LoginThrottle(ctx context.Context, key string) (ThrottleState, error)
	// SwapLoginThrottle writes next if the key's version is still version
	// (0: the key has no row yet) and reports whether it did.
	SwapLoginThrottle(ctx context.Context, key string, version int64, next ThrottleState) (bool, error)
	// CountInWindow counts one event for key in a fixed window and returns
	// the window's count: a key without a window, or whose window ended by
	// now, starts one of length window at now. One statement, so parallel
	// counts never collide.
	CountInWindow(ctx context.Context, key string, now time.Time, window time.Duration) (int, error)
	// RefundLoginAttempt takes back one counted failure.
	RefundLoginAttempt(ctx context.Context, key string) error
	ClearLoginThrottle(ctx context.Context, key string) error
	// PruneLoginThrottle removes keys whose last attempt is before before.
	PruneLoginThrottle(ctx context.Context, before time.Time) error
}

// throttleKey is one counter an attempt is charged to.
type throttleKey struct {
	key  string
	free int
}

// swapAttempts bounds the compare-and-swap retries of one reservation; a
// key this contended is being hammered and may as well wait.
const swapAttempts = 5

// reserve counts an attempt as a failure before the password is checked
// (a success takes it back), so parallel guesses cannot all slip through
// before the first failure is recorded. It returns a RetryError while the
// key must wait.
func (a *Accounts) reserve(ctx context.Context, k throttleKey, now time.Time) error {
	for range swapAttempts {
		st, err := a.Store.LoginThrottle(ctx, k.key)
		if err != nil {
			return fmt.Errorf("reading login throttle: %w", err)
		}
		if now.Before(st.NextAt) {
			return throttled(st.NextAt.Sub(now))
		}
		if now.Sub(st.LastAt) > a.Throttle.Forget {
			st.Failures = 0
		}
		next := ThrottleState{Failures: st.Failures + 1, LastAt: now}
		next.NextAt = now.Add(a.Throttle.delay(next.Failures, k.free))
		ok, err := a.Store.SwapLoginThrottle(ctx, k.key, st.Version, next)
		if err != nil {
			return fmt.Errorf("reserving a login attempt: %w", err)
		}
		if ok {
			return nil
		}
	}
	return throttled(a.Throttle.BaseDelay)
}

func throttled(wait time.Duration) error {
	return &RetryError{Code: apperr.RateLimited, After: wait,
		Message: fmt.Sprintf("too many failed sign-in attempts; try again in %s", roundUp(wait))}
}

// roundUp says a wait the way a person reads it: whole seconds, or whole
// minutes from two minutes on.
func roundUp(d time.Duration) string {
	if d < 2*time.Minute {
		s := max(1, int((d+time.Second-1)/time.Second))
		if s == 1 {
			return "1 second"
		}
		return fmt.Sprintf("%d seconds", s)
	}
	return fmt.Sprintf("%d minutes", int((d+time.Minute-1)/time.Minute))
}

package users

import (
	"fmt"
	"sync"
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

// maxLimiterKeys bounds the limiter's memory; past it, unknown keys are
// refused until windows expire (failing closed rather than growing).
const maxLimiterKeys = 100_000

// Limiter counts events per key in fixed windows, in memory: the users
// service runs as one process, and a restart forgetting counts only lets a
// few more emails out. Take is atomic, so parallel requests cannot overshoot.
type Limiter struct {
	window time.Duration
	mu     sync.Mutex
	counts map[string]*window
}

type window struct {
	start time.Time
	n     int
}

// NewLimiter returns a limiter with the given window.
func NewLimiter(w time.Duration) *Limiter {
	return &Limiter{window: w, counts: map[string]*window{}}
}

// Take counts one event for key and reports whether it is within max.
func (l *Limiter) Take(key string, max int, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.counts[key]
	if w == nil || now.Sub(w.start) >= l.window {
		if w == nil && len(l.counts) >= maxLimiterKeys {
			l.sweep(now)
			if len(l.counts) >= maxLimiterKeys {
				return false
			}
		}
		w = &window{start: now}
		l.counts[key] = w
	}
	w.n++
	return w.n <= max
}

// Reset forgets key (after a success that ends a run of failures).
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.counts, key)
}

func (l *Limiter) sweep(now time.Time) {
	for k, w := range l.counts {
		if now.Sub(w.start) >= l.window {
			delete(l.counts, k)
		}
	}
}

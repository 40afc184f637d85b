package users_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

const (
	victimEmail = "victim@example.com"
	victimPass  = "violet-Harbour-42"
	wrongPass   = "not-the-password-9"
)

// newAccounts is the service on a fresh database with a clock the test
// moves; the victim's account exists.
func newAccounts(t *testing.T, d *db.DB, c *clock) *users.Accounts {
	t.Helper()
	ctx := context.Background()
	st := store.New(d)
	keys, err := users.NewKeys(ctx, st, testSealer(t), 24*time.Hour, time.Hour, c.now)
	if err != nil {
		t.Fatal(err)
	}
	thr := users.DefaultThrottle()
	a := &users.Accounts{Store: st, Keys: keys, Issuer: "https://coach.test", AccessTTL: 15 * time.Minute,
		RefreshTTL: time.Hour, Now: c.now, Log: dbtest.Logger(), Hasher: users.NewHasher(2, 5*time.Second),
		Throttle: thr, Devices: users.DeviceCookies{Key: []byte("0123456789abcdef0123456789abcdef"), TTL: thr.DeviceTTL}}
	createAccount(t, a, victimEmail, victimPass)
	return a
}

// createAccount stores a verified password account (sign-up itself needs
// the emailed link: see server's tests).
func createAccount(t *testing.T, a *users.Accounts, email, password string) {
	t.Helper()
	hash, err := a.Hasher.Hash(context.Background(), password)
	if err != nil {
		t.Fatal(err)
	}
	now := a.Now()
	u := &users.User{ID: email, Email: email, DisplayName: "Someone", EmailVerified: true, CreatedAt: now, UpdatedAt: now}
	if err := a.Store.CreateUser(context.Background(), u, hash); err != nil {
		t.Fatal(err)
	}
}

func login(a *users.Accounts, email, password, ip, device string) (*users.Session, error) {
	return a.Login(context.Background(), users.LoginAttempt{Email: email, Password: password, IP: ip, DeviceCookie: device})
}

// retryAfter returns how long a throttled attempt was told to wait, or fails.
func retryAfter(t *testing.T, err error) time.Duration {
	t.Helper()
	var re *users.RetryError
	if !errors.As(err, &re) || apperr.Code(err) != apperr.RateLimited {
		t.Fatalf("err = %v, want RATE_LIMITED with a wait", err)
	}
	return re.After
}

func TestLoginDelaysGrowWithoutLockingTheOwnerOut(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		a := newAccounts(t, d, c)
		thr := a.Throttle
		s, err := login(a, victimEmail, victimPass, "198.51.100.7", "")
		if err != nil || s.DeviceCookie == "" {
			t.Fatalf("first sign-in: %v, device cookie %q", err, s.DeviceCookie)
		}
		device := s.DeviceCookie

		t.Run("the free failures are answered as wrong passwords", func(t *testing.T) {
			for i := range thr.AccountFreeFailures {
				if _, err := login(a, victimEmail, wrongPass, "203.0.113.1", ""); !errors.Is(err, users.ErrBadCredentials) {
					t.Fatalf("guess %d: %v", i+1, err)
				}
			}
		})
		t.Run("each further failure doubles the wait, up to the maximum", func(t *testing.T) {
			want := thr.BaseDelay
			for i := range 14 {
				if _, err := login(a, victimEmail, wrongPass, "203.0.113.1", ""); !errors.Is(err, users.ErrBadCredentials) {
					t.Fatalf("guess after waiting (%d): %v", i, err)
				}
				_, err := login(a, victimEmail, wrongPass, "203.0.113.1", "")
				if got := retryAfter(t, err); got != want {
					t.Fatalf("wait after %d extra failures = %s, want %s", i+1, got, want)
				}
				c.add(want)
				want = min(2*want, thr.MaxDelay)
			}
			if want != thr.MaxDelay {
				t.Fatalf("delay never reached the maximum: %s", want)
			}
		})
		t.Run("the attacker's other addresses wait too (the account is throttled)", func(t *testing.T) {
			if _, err := login(a, victimEmail, wrongPass, "192.0.2.99", ""); !errors.Is(err, users.ErrBadCredentials) {
				t.Fatalf("first guess after the wait: %v", err)
			}
			if _, err := login(a, victimEmail, victimPass, "192.0.2.100", ""); retryAfter(t, err) != thr.MaxDelay {
				t.Fatal("a browser without the device cookie was not throttled")
			}
		})
		t.Run("the owner's browser (device cookie) signs in at once", func(t *testing.T) {
			s, err := login(a, victimEmail, victimPass, "198.51.100.7", device)
			if err != nil {
				t.Fatalf("owner refused during the attack: %v", err)
			}
			if s.DeviceCookie == "" || s.User.Email != victimEmail {
				t.Fatalf("session %+v", s)
			}
		})
		t.Run("a device cookie of another account or tampered with is not trusted", func(t *testing.T) {
			createAccount(t, a, "other@example.com", "quiet-Meadow-1987")
			otherDevice, _ := a.Devices.Issue("other@example.com", c.now())
			for name, cookie := range map[string]string{
				"other account": otherDevice,
				"tampered":      device[:len(device)-2] + "xx",
				"garbage":       "not.a.cookie",
			} {
				t.Run(name, func(t *testing.T) {
					if _, err := login(a, victimEmail, victimPass, "198.51.100.8", cookie); retryAfter(t, err) <= 0 {
						t.Fatal("no wait")
					}
				})
			}
		})
		t.Run("an expired device cookie is not trusted", func(t *testing.T) {
			c.add(thr.DeviceTTL + time.Second)
			// The long wait also let the account's failures be forgotten, so
			// an untrusted attempt is allowed again; throttle it once more.
			for range thr.AccountFreeFailures + 1 {
				_, _ = login(a, victimEmail, wrongPass, "203.0.113.2", "")
			}
			if _, err := login(a, victimEmail, victimPass, "198.51.100.7", device); retryAfter(t, err) <= 0 {
				t.Fatal("no wait")
			}
		})
	}, store.Migrations()...)
}

func TestLoginAddressThrottleSparesOtherClients(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		a := newAccounts(t, d, c)
		s, err := login(a, victimEmail, victimPass, "198.51.100.7", "")
		if err != nil {
			t.Fatal(err)
		}
		// The attack: failures against many accounts from one (shared) address.
		const shared = "203.0.113.50"
		for i := range a.Throttle.AddressFreeFailures {
			email := "nobody" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "@example.com"
			if _, err := login(a, email, wrongPass, shared, ""); !errors.Is(err, users.ErrBadCredentials) {
				t.Fatalf("guess %d: %v", i+1, err)
			}
		}
		_, _ = login(a, "somebody@example.com", wrongPass, shared, "")

		t.Run("the attacker is slowed at that address", func(t *testing.T) {
			_, err := login(a, "another@example.com", wrongPass, shared, "")
			if retryAfter(t, err) != a.Throttle.BaseDelay {
				t.Fatal("the address was not throttled")
			}
		})
		t.Run("the victim at the same address signs in with the device cookie", func(t *testing.T) {
			if _, err := login(a, victimEmail, victimPass, shared, s.DeviceCookie); err != nil {
				t.Fatalf("victim refused: %v", err)
			}
		})
		t.Run("the victim from a fresh address signs in", func(t *testing.T) {
			if _, err := login(a, victimEmail, victimPass, "198.51.100.20", ""); err != nil {
				t.Fatalf("victim refused: %v", err)
			}
		})
	}, store.Migrations()...)
}

// TestParallelGuessesAreNotAllChecked replays the attack of 100 parallel
// wrong passwords against one account: the attempt is reserved before the
// password is checked, so only the free allowance (+1, which starts the
// first delay) is ever checked.
func TestParallelGuessesAreNotAllChecked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		a := newAccounts(t, d, c)
		var mu sync.Mutex
		counts := map[string]int{}
		var wg sync.WaitGroup
		for i := range 100 {
			wg.Go(func() {
				ip := "203.0.113." + string(rune('0'+i%10)) // ten addresses, all under their own allowance
				_, err := login(a, victimEmail, wrongPass, ip, "")
				mu.Lock()
				defer mu.Unlock()
				counts[apperr.Code(err)]++
				if !errors.Is(err, users.ErrBadCredentials) && apperr.Code(err) != apperr.RateLimited {
					t.Errorf("unexpected %v", err)
				}
			})
		}
		wg.Wait()
		checked := counts[apperr.Unauthenticated]
		if checked == 0 || checked > a.Throttle.AccountFreeFailures+1 {
			t.Fatalf("%d of 100 parallel guesses were checked (%v), want 1..%d", checked, counts, a.Throttle.AccountFreeFailures+1)
		}
		if counts[apperr.RateLimited] != 100-checked {
			t.Fatalf("results %v", counts)
		}
	}, store.Migrations()...)
}

// TestUncheckedAttemptsAreNotCounted: a sign-in answered 503 because
// every hashing slot was busy was never checked, so it does not count
// towards the throttle (a crowd of logins cannot throttle an account).
func TestUncheckedAttemptsAreNotCounted(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		a := newAccounts(t, d, c)
		a.Hasher = users.NewHasher(1, time.Millisecond)
		ctx, stop := context.WithCancel(context.Background())
		busy := make(chan struct{})
		go func() { // keeps the only slot nearly always taken
			defer close(busy)
			for ctx.Err() == nil {
				_, _ = a.Hasher.Hash(ctx, "filler-password-1")
			}
		}()
		counts := map[string]int{}
		for range 20 {
			_, err := login(a, victimEmail, wrongPass, "203.0.113.9", "")
			counts[apperr.Code(err)]++
		}
		stop()
		<-busy
		if counts[apperr.Unavailable] == 0 {
			t.Fatalf("no attempt found the hasher busy: %v", counts)
		}
		st, err := a.Store.LoginThrottle(context.Background(), "email:"+victimEmail)
		if err != nil {
			t.Fatal(err)
		}
		if st.Failures != counts[apperr.Unauthenticated] {
			t.Fatalf("%d failures counted, want %d (only the checked attempts; results %v)", st.Failures, counts[apperr.Unauthenticated], counts)
		}
	}, store.Migrations()...)
}

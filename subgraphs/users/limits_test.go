package users_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/mail"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// outbox records the account mail handed to it.
type outbox struct {
	mu   sync.Mutex
	sent map[string]int // by recipient
}

func (o *outbox) Send(_ context.Context, m mail.Message) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent[m.To]++
	return nil
}

func (o *outbox) count(to string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.sent[to]
}

// replica is one users process: its own store handle and Accounts over the
// shared database.
func replica(d *db.DB, c *clock, box *outbox) *users.Accounts {
	return &users.Accounts{Store: store.New(d), Now: c.now, Log: dbtest.Logger(), Hasher: users.NewHasher(2, 5*time.Second),
		Mail: box, LinkBase: "https://coach.test", Throttle: users.DefaultThrottle(),
		Limits: users.Limits{Window: time.Hour, SignupsPerIP: 3, MailPerIP: 100, MailPerAddress: 2, ReauthFailures: 5}}
}

// Sign-up and mail limits are counted in the database, so two replicas
// behind a load balancer share them (they were per process before).
func TestLimitsHoldAcrossReplicas(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		c := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
		box := &outbox{sent: map[string]int{}}
		rs := []*users.Accounts{replica(d, c, box), replica(d, c, box)}

		t.Run("sign-ups per client address", func(t *testing.T) {
			for i := range 3 {
				if err := rs[i%2].SignUp(ctx, fmt.Sprintf("new%d@example.com", i), "correct horse battery", "New", "203.0.113.9"); err != nil {
					t.Fatalf("sign-up %d: %v", i, err)
				}
			}
			for i, r := range rs {
				if err := r.SignUp(ctx, fmt.Sprintf("over%d@example.com", i), "correct horse battery", "New", "203.0.113.9"); !errors.Is(err, users.ErrTooManyRequests) {
					t.Errorf("replica %d, 4th sign-up from the address: err = %v, want ErrTooManyRequests", i, err)
				}
			}
			if err := rs[1].SignUp(ctx, "other@example.com", "correct horse battery", "New", "198.51.100.7"); err != nil {
				t.Errorf("another address is not limited: %v", err)
			}
		})
		t.Run("mail per recipient", func(t *testing.T) {
			const to = "flooded@example.com"
			for i := range 4 {
				if err := rs[i%2].SignUp(ctx, to, "correct horse battery", "New", fmt.Sprintf("192.0.2.%d", i)); err != nil {
					t.Fatalf("sign-up %d: %v", i, err)
				}
			}
			if n := box.count(to); n != 2 {
				t.Errorf("%d mails to one address through two replicas, want the limit 2", n)
			}
		})
		t.Run("a new window starts after the old one ends", func(t *testing.T) {
			c.add(time.Hour)
			if err := rs[0].SignUp(ctx, "later@example.com", "correct horse battery", "New", "203.0.113.9"); err != nil {
				t.Errorf("sign-up in the next window: %v", err)
			}
		})
	}, store.Migrations()...)
}

// Parallel requests within a limit all pass: a burst from one address (a
// school behind NAT, a second tab) must not be refused as "too many" just
// because the requests counted at the same moment.
func TestLimitsCountParallelRequests(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		c := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
		box := &outbox{sent: map[string]int{}}
		const n = 16
		rs := []*users.Accounts{replica(d, c, box), replica(d, c, box)}
		for _, r := range rs {
			r.Limits.SignupsPerIP = 100
		}
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() {
				errs[i] = rs[i%2].SignUp(ctx, fmt.Sprintf("burst%d@example.com", i), "correct horse battery", "New", "203.0.113.50")
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("sign-up %d of %d at once, within a limit of 100: %v", i, n, err)
			}
		}
	}, store.Migrations()...)
}

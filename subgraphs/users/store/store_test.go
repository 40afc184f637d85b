package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

// each runs fn on a fresh, migrated database of every available engine.
func each(t *testing.T, fn func(t *testing.T, s *store.Store, d *db.DB)) {
	t.Helper()
	dbtest.Each(t, func(t *testing.T, d *db.DB) { fn(t, store.New(d), d) }, store.Migrations()...)
}

func newUser(t *testing.T, s *store.Store, email string) *users.User {
	t.Helper()
	return createUser(t, s, email, false)
}

// createUser stores a password user, verified or not.
func createUser(t *testing.T, s *store.Store, email string, verified bool) *users.User {
	t.Helper()
	now := time.Now().UTC()
	u := &users.User{ID: uuid.NewString(), Email: email, DisplayName: "Ada", EmailVerified: verified, CreatedAt: now, UpdatedAt: now}
	if err := s.CreateUser(context.Background(), u, "hash-"+email); err != nil {
		t.Fatal(err)
	}
	return u
}

func TestUsers(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store, d *db.DB) {
		ctx := context.Background()
		a := newUser(t, s, "ada@example.com")
		b := newUser(t, s, "bob@example.com")

		t.Run("by id round-trips", func(t *testing.T) {
			got, err := s.UserByID(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Email != a.Email || !got.CreatedAt.Equal(db.UTC(a.CreatedAt)) {
				t.Fatalf("got %+v, want %+v", got, a)
			}
		})
		t.Run("duplicate email", func(t *testing.T) {
			dup := &users.User{ID: uuid.NewString(), Email: a.Email, DisplayName: "X", CreatedAt: time.Now(), UpdatedAt: time.Now()}
			if err := s.CreateUser(ctx, dup, ""); !errors.Is(err, users.ErrEmailTaken) {
				t.Fatalf("err = %v, want ErrEmailTaken", err)
			}
		})
		t.Run("by email with hash", func(t *testing.T) {
			got, hash, err := s.UserByEmail(ctx, b.Email)
			if err != nil || got.ID != b.ID || hash != "hash-"+b.Email {
				t.Fatalf("got %v %q %v", got, hash, err)
			}
			if _, _, err := s.UserByEmail(ctx, "nobody@example.com"); !errors.Is(err, users.ErrUserNotFound) {
				t.Fatalf("err = %v, want ErrUserNotFound", err)
			}
		})
		t.Run("batch load", func(t *testing.T) {
			got, err := s.UsersByIDs(ctx, []string{a.ID, b.ID, "missing"})
			if err != nil || len(got) != 2 {
				t.Fatalf("got %d users, err %v", len(got), err)
			}
		})
		t.Run("update profile sets only given fields", func(t *testing.T) {
			h, loc := "Data engineer", "Lisbon"
			got, err := s.UpdateProfile(ctx, a.ID, users.ProfileUpdate{Headline: &h, Location: &loc})
			if err != nil {
				t.Fatal(err)
			}
			if got.Headline != h || got.Location != loc || got.DisplayName != "Ada" {
				t.Fatalf("got %+v", got)
			}
			if _, err := s.UpdateProfile(ctx, "missing", users.ProfileUpdate{Headline: &h}); !errors.Is(err, users.ErrUserNotFound) {
				t.Fatalf("err = %v, want ErrUserNotFound", err)
			}
		})
		t.Run("delete writes user.deleted to the outbox in the same transaction", func(t *testing.T) {
			if err := s.DeleteUser(ctx, b.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.UserByID(ctx, b.ID); !errors.Is(err, users.ErrUserNotFound) {
				t.Fatalf("user still there: %v", err)
			}
			var n int
			if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM bus_outbox WHERE type = $1 AND subject = $2`, bus.UserDeleted, b.ID).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Fatalf("%d user.deleted events in the outbox, want 1", n)
			}
			if err := s.DeleteUser(ctx, b.ID); !errors.Is(err, users.ErrUserNotFound) {
				t.Fatalf("second delete: %v, want ErrUserNotFound", err)
			}
		})
	})
}

func TestSignInExternal(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store, d *db.DB) {
		ctx := context.Background()
		existing := createUser(t, s, "ada@example.com", true)
		legacy := createUser(t, s, "old@example.com", false)
		fresh := func(email string) *users.User {
			now := time.Now().UTC()
			return &users.User{ID: uuid.NewString(), Email: email, DisplayName: "New", CreatedAt: now, UpdatedAt: now}
		}
		tests := []struct {
			name     string
			acct     users.ExternalAccount
			wantUser string // "existing", "new" or "" for error
			wantErr  error
		}{
			{"verified email links to existing user", users.ExternalAccount{Provider: "google", Subject: "g1", Email: existing.Email, EmailVerified: true}, "existing", nil},
			{"linked identity signs in again", users.ExternalAccount{Provider: "google", Subject: "g1", Email: "changed@example.com", EmailVerified: true}, "existing", nil},
			{"unverified email never links", users.ExternalAccount{Provider: "microsoft", Subject: "m1", Email: existing.Email}, "", users.ErrEmailTaken},
			{"unverified password account never gets linked", users.ExternalAccount{Provider: "google", Subject: "g2", Email: legacy.Email, EmailVerified: true}, "", users.ErrLinkUnverified},
			{"unknown email creates a user", users.ExternalAccount{Provider: "microsoft", Subject: "m2", Email: "new@example.com", EmailVerified: true}, "new", nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				nu := fresh(tt.acct.Email)
				got, err := s.SignInExternal(ctx, tt.acct, nu)
				if tt.wantErr != nil {
					if !errors.Is(err, tt.wantErr) {
						t.Fatalf("err = %v, want %v", err, tt.wantErr)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				want := existing.ID
				if tt.wantUser == "new" {
					want = nu.ID
				}
				if got.ID != want {
					t.Fatalf("signed in as %s, want %s", got.ID, want)
				}
			})
		}
		ids, err := s.IdentitiesByUserIDs(ctx, []string{existing.ID, legacy.ID})
		if err != nil || len(ids[existing.ID]) != 1 || ids[existing.ID][0].Provider != "google" || len(ids[legacy.ID]) != 0 {
			t.Fatalf("identities = %+v, %v", ids, err)
		}
	})
}

func TestRefreshTokenRotation(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store, d *db.DB) {
		ctx := context.Background()
		u := newUser(t, s, "ada@example.com")
		now := time.Now().UTC()
		tok := func(hash string) users.RefreshToken {
			return users.RefreshToken{ID: uuid.NewString(), FamilyID: "fam", UserID: u.ID, Hash: hash, ExpiresAt: now.Add(time.Hour), CreatedAt: now}
		}
		if err := s.CreateRefreshToken(ctx, tok("h1")); err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			name    string
			present string
			next    string
			wantErr error
		}{
			{"first use rotates", "h1", "h2", nil},
			{"new token works", "h2", "h3", nil},
			{"reusing an old token revokes the family", "h1", "h4", users.ErrTokenReuse},
			{"the newest token is revoked too", "h3", "h5", users.ErrTokenInvalid},
			{"unknown token", "nope", "h6", users.ErrTokenInvalid},
		}
		for _, st := range steps {
			t.Run(st.name, func(t *testing.T) {
				next := tok(st.next)
				next.FamilyID, next.UserID = "", ""
				got, err := s.RotateRefreshToken(ctx, st.present, next, now, 0)
				if st.wantErr != nil {
					if !errors.Is(err, st.wantErr) {
						t.Fatalf("err = %v, want %v", err, st.wantErr)
					}
					return
				}
				if err != nil || got.UserID != u.ID || got.FamilyID != "fam" || got.Hash != st.next {
					t.Fatalf("got %+v err %v", got, err)
				}
			})
		}
		t.Run("expired token", func(t *testing.T) {
			old := tok("exp")
			old.FamilyID = "fam2"
			old.ExpiresAt = now.Add(-time.Minute)
			if err := s.CreateRefreshToken(ctx, old); err != nil {
				t.Fatal(err)
			}
			if _, err := s.RotateRefreshToken(ctx, "exp", tok("exp2"), now, time.Minute); !errors.Is(err, users.ErrTokenInvalid) {
				t.Fatalf("err = %v, want ErrTokenInvalid", err)
			}
		})
		t.Run("logout revokes", func(t *testing.T) {
			fresh := tok("l1")
			fresh.FamilyID = "fam3"
			if err := s.CreateRefreshToken(ctx, fresh); err != nil {
				t.Fatal(err)
			}
			if err := s.RevokeRefreshToken(ctx, "l1", now); err != nil {
				t.Fatal(err)
			}
			if _, err := s.RotateRefreshToken(ctx, "l1", tok("l2"), now, time.Minute); !errors.Is(err, users.ErrTokenInvalid) {
				t.Fatalf("err = %v, want ErrTokenInvalid", err)
			}
		})
	})
}

func TestOAuthState(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store, d *db.DB) {
		ctx := context.Background()
		now := time.Now().UTC()
		st := users.OAuthState{State: "s1", Provider: "google", CodeVerifier: "v", Nonce: "n", RedirectTo: "/cv", ExpiresAt: now.Add(10 * time.Minute)}
		if err := s.SaveOAuthState(ctx, st); err != nil {
			t.Fatal(err)
		}
		got, err := s.TakeOAuthState(ctx, "s1", now)
		if err != nil || got.CodeVerifier != "v" || got.RedirectTo != "/cv" {
			t.Fatalf("got %+v, %v", got, err)
		}
		if _, err := s.TakeOAuthState(ctx, "s1", now); !errors.Is(err, users.ErrStateInvalid) {
			t.Fatalf("second take: %v, want ErrStateInvalid", err)
		}
		expired := st
		expired.State, expired.ExpiresAt = "s2", now.Add(time.Minute)
		if err := s.SaveOAuthState(ctx, expired); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TakeOAuthState(ctx, "s2", now.Add(2*time.Minute)); !errors.Is(err, users.ErrStateInvalid) {
			t.Fatalf("expired take: %v, want ErrStateInvalid", err)
		}
	})
}

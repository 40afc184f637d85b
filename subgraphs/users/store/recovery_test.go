package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

func TestPendingSignups(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store, d *db.DB) {
		ctx := context.Background()
		now := time.Now().UTC()
		pending := func(hash, pw string, created time.Time) users.PendingSignup {
			return users.PendingSignup{TokenHash: hash, Email: "ada@example.com", DisplayName: "Ada", PasswordHash: pw, CreatedAt: created, ExpiresAt: created.Add(users.VerifyTTL)}
		}
		newUser := func() *users.User { return &users.User{ID: uuid.NewString(), CreatedAt: now, UpdatedAt: now} }
		for _, p := range []users.PendingSignup{pending("owner", "owner-hash", now.Add(-time.Minute)), pending("stranger", "stranger-hash", now)} {
			if err := s.SavePendingSignup(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		t.Run("a pending sign-up is not a user", func(t *testing.T) {
			if _, _, err := s.UserByEmail(ctx, "ada@example.com"); !errors.Is(err, users.ErrUserNotFound) {
				t.Fatalf("err = %v", err)
			}
		})
		t.Run("expired and unknown links are invalid", func(t *testing.T) {
			if _, err := s.CompleteSignup(ctx, "owner", newUser(), now.Add(users.VerifyTTL)); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("expired: %v", err)
			}
			if _, err := s.CompleteSignup(ctx, "forged", newUser(), now); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("unknown: %v", err)
			}
		})
		t.Run("each sign-up keeps its own password; one completes, the others die", func(t *testing.T) {
			u, err := s.CompleteSignup(ctx, "owner", newUser(), now)
			if err != nil {
				t.Fatal(err)
			}
			_, hash, err := s.UserByEmail(ctx, "ada@example.com")
			if err != nil || hash != "owner-hash" || !u.EmailVerified || u.DisplayName != "Ada" {
				t.Fatalf("user %+v hash %q err %v", u, hash, err)
			}
			for _, h := range []string{"owner", "stranger"} {
				if _, err := s.CompleteSignup(ctx, h, newUser(), now); !errors.Is(err, users.ErrLinkInvalid) {
					t.Fatalf("%s link after completion: %v", h, err)
				}
			}
		})
		t.Run("a link for an address that got an account meanwhile is invalid", func(t *testing.T) {
			p := pending("late", "late-hash", now)
			if err := s.SavePendingSignup(ctx, p); err != nil {
				t.Fatal(err)
			}
			if _, err := s.CompleteSignup(ctx, "late", newUser(), now); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("err = %v", err)
			}
		})
		t.Run("renew replaces the newest live sign-up's token", func(t *testing.T) {
			p := pending("first", "h", now)
			p.Email = "bob@example.com"
			if err := s.SavePendingSignup(ctx, p); err != nil {
				t.Fatal(err)
			}
			if ok, err := s.RenewPendingSignup(ctx, "bob@example.com", "renewed", now.Add(users.VerifyTTL), now); !ok || err != nil {
				t.Fatalf("renew: %v %v", ok, err)
			}
			if _, err := s.CompleteSignup(ctx, "first", newUser(), now); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("replaced token: %v", err)
			}
			if _, err := s.CompleteSignup(ctx, "renewed", newUser(), now); err != nil {
				t.Fatalf("renewed token: %v", err)
			}
			if ok, err := s.RenewPendingSignup(ctx, "nobody@example.com", "x", now, now); ok || err != nil {
				t.Fatalf("renew without a sign-up: %v %v", ok, err)
			}
		})
	})
}

func TestEmailTokens(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store, d *db.DB) {
		ctx := context.Background()
		now := time.Now().UTC()
		u := newUser(t, s, "ada@example.com")
		tok := func(hash, purpose, email string, ttl time.Duration) users.EmailToken {
			return users.EmailToken{Hash: hash, Purpose: purpose, UserID: u.ID, Email: email, CreatedAt: now, ExpiresAt: now.Add(ttl)}
		}
		save := func(t *testing.T, et users.EmailToken) {
			t.Helper()
			if err := s.SaveEmailToken(ctx, et); err != nil {
				t.Fatal(err)
			}
		}
		t.Run("a reset link is single use under concurrency and revokes every session", func(t *testing.T) {
			save(t, tok("reset-1", users.PurposeReset, u.Email, users.ResetTTL))
			if err := s.CreateRefreshToken(ctx, users.RefreshToken{ID: uuid.NewString(), FamilyID: "f", UserID: u.ID, Hash: "rt", ExpiresAt: now.Add(time.Hour), CreatedAt: now}); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for range 4 {
				wg.Go(func() {
					_, err := s.ResetPassword(ctx, "reset-1", "new-hash", now)
					errs <- err
				})
			}
			wg.Wait()
			close(errs)
			ok := 0
			for err := range errs {
				switch {
				case err == nil:
					ok++
				case !errors.Is(err, users.ErrLinkInvalid) && !db.IsUnavailable(err):
					t.Errorf("concurrent use: %v", err)
				}
			}
			if ok != 1 {
				t.Fatalf("%d uses succeeded, want 1", ok)
			}
			got, hash, _ := s.UserByEmail(ctx, u.Email)
			if hash != "new-hash" || !got.EmailVerified {
				t.Fatalf("after reset: %+v %q", got, hash)
			}
			if _, err := s.RotateRefreshToken(ctx, "rt", users.RefreshToken{ID: uuid.NewString(), Hash: "rt2", ExpiresAt: now.Add(time.Hour), CreatedAt: now}, now, 0); !errors.Is(err, users.ErrTokenInvalid) {
				t.Fatalf("session after reset: %v", err)
			}
		})
		t.Run("an expired link is invalid", func(t *testing.T) {
			save(t, tok("reset-2", users.PurposeReset, u.Email, users.ResetTTL))
			if _, err := s.EmailTokenUser(ctx, "reset-2", users.PurposeReset, now.Add(users.ResetTTL)); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("EmailTokenUser: %v", err)
			}
			if _, err := s.ResetPassword(ctx, "reset-2", "x", now.Add(users.ResetTTL+time.Second)); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("ResetPassword: %v", err)
			}
		})
		t.Run("only the newest link of a purpose works", func(t *testing.T) {
			save(t, tok("reset-3", users.PurposeReset, u.Email, users.ResetTTL))
			save(t, tok("reset-4", users.PurposeReset, u.Email, users.ResetTTL))
			if _, err := s.EmailTokenUser(ctx, "reset-3", users.PurposeReset, now); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("older link: %v", err)
			}
		})
		t.Run("a reset link is not a verification link and survives the attempt", func(t *testing.T) {
			if _, err := s.ConfirmEmail(ctx, "reset-4", now); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("ConfirmEmail with a reset link: %v", err)
			}
			if _, err := s.EmailTokenUser(ctx, "reset-4", users.PurposeReset, now); err != nil {
				t.Fatalf("reset link after the refused use: %v", err)
			}
		})
		t.Run("an email change applies once; a taken address is refused", func(t *testing.T) {
			other := newUser(t, s, "bob@example.com")
			save(t, tok("change-taken", users.PurposeChangeEmail, other.Email, users.VerifyTTL))
			if _, err := s.ConfirmEmail(ctx, "change-taken", now); !errors.Is(err, users.ErrEmailTaken) {
				t.Fatalf("taken: %v", err)
			}
			save(t, tok("change-1", users.PurposeChangeEmail, "ada@new.example.com", users.VerifyTTL))
			got, err := s.ConfirmEmail(ctx, "change-1", now)
			if err != nil || got.Email != "ada@new.example.com" || !got.EmailVerified {
				t.Fatalf("change: %+v %v", got, err)
			}
			if _, err := s.ConfirmEmail(ctx, "change-1", now); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("second use: %v", err)
			}
		})
		t.Run("a verification link for an address the account no longer has proves nothing", func(t *testing.T) {
			save(t, tok("verify-old", users.PurposeVerify, "ada@example.com", users.VerifyTTL))
			if _, err := s.ConfirmEmail(ctx, "verify-old", now); !errors.Is(err, users.ErrLinkInvalid) {
				t.Fatalf("err = %v", err)
			}
		})
		t.Run("deleting the user deletes their links", func(t *testing.T) {
			save(t, tok("reset-5", users.PurposeReset, "ada@new.example.com", users.ResetTTL))
			if err := s.DeleteUser(ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM email_tokens WHERE user_id = $1`, u.ID).Scan(&n); err != nil || n != 0 {
				t.Fatalf("%d links left, %v", n, err)
			}
		})
	})
}

package users_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/store"
)

func newUser(t *testing.T, st *store.Store, email string) *users.User {
	t.Helper()
	now := time.Now().UTC()
	u := &users.User{ID: uuid.NewString(), Email: email, DisplayName: "Ada", CreatedAt: now, UpdatedAt: now}
	if err := st.CreateUser(t.Context(), u, ""); err != nil {
		t.Fatal(err)
	}
	return u
}

func as(u *users.User) context.Context {
	return auth.WithIdentity(context.Background(), auth.Identity{UserID: u.ID, Email: u.Email})
}

func ptr(s string) *string { return &s }

// The service decides who may read and change which user and validates
// before the store is touched; on both databases.
func TestService(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		st := store.New(d)
		svc := &users.Service{Store: st}
		ada, bob := newUser(t, st, "ada@example.com"), newUser(t, st, "bob@example.com")
		signedOut := context.Background()

		t.Run("me", func(t *testing.T) {
			if _, err := svc.Me(signedOut); !errors.Is(err, users.ErrSignedOut) {
				t.Errorf("signed out: err = %v, want ErrSignedOut", err)
			}
			if u, err := svc.Me(as(ada)); err != nil || u.ID != ada.ID {
				t.Errorf("signed in: %+v, %v", u, err)
			}
		})
		t.Run("update profile", func(t *testing.T) {
			tests := []struct {
				name     string
				ctx      context.Context
				upd      users.ProfileUpdate
				wantCode string
			}{
				{name: "signed out", ctx: signedOut, upd: users.ProfileUpdate{Headline: ptr("x")}, wantCode: apperr.Unauthenticated},
				{name: "avatar not https", ctx: as(ada), upd: users.ProfileUpdate{AvatarURL: ptr("http://example.com/a.png")}, wantCode: apperr.Invalid},
				{name: "empty display name", ctx: as(ada), upd: users.ProfileUpdate{DisplayName: ptr("  ")}, wantCode: apperr.Invalid},
				{name: "own headline", ctx: as(ada), upd: users.ProfileUpdate{Headline: ptr("Backend engineer")}},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					u, err := svc.UpdateProfile(tt.ctx, tt.upd)
					if tt.wantCode != "" {
						if apperr.Code(err) != tt.wantCode {
							t.Fatalf("err = %v (%s), want %s", err, apperr.Code(err), tt.wantCode)
						}
						if got, _ := st.UserByID(t.Context(), ada.ID); got.DisplayName != "Ada" || got.AvatarURL != "" {
							t.Fatalf("refused update changed the user: %+v", got)
						}
						return
					}
					if err != nil || u.ID != ada.ID || u.Headline != "Backend engineer" {
						t.Fatalf("%+v, %v", u, err)
					}
				})
			}
		})
		t.Run("identities only of the caller", func(t *testing.T) {
			if _, err := svc.Identities(as(ada), bob.ID); apperr.Code(err) != apperr.NotFound {
				t.Errorf("another user's identities: err = %v, want NOT_FOUND", err)
			}
			if ids, err := svc.Identities(as(ada), ada.ID); err != nil || len(ids) != 0 {
				t.Errorf("own identities: %+v, %v", ids, err)
			}
		})
		t.Run("resolve only the caller's own entity", func(t *testing.T) {
			out, refused, err := svc.Resolve(as(ada), []*string{&ada.ID, &bob.ID, nil, &ada.ID})
			if err != nil {
				t.Fatal(err)
			}
			if out[0] == nil || out[0].ID != ada.ID || out[3] == nil || out[1] != nil || out[2] != nil {
				t.Errorf("resolved %+v", out)
			}
			if apperr.Code(refused) != apperr.NotFound {
				t.Errorf("refused = %v, want NOT_FOUND for bob's id", refused)
			}
			out, refused, err = svc.Resolve(signedOut, []*string{&ada.ID})
			if err != nil || out[0] != nil || apperr.Code(refused) != apperr.Unauthenticated {
				t.Errorf("signed out: %+v, %v, %v", out, refused, err)
			}
		})
		t.Run("delete account", func(t *testing.T) {
			if err := svc.DeleteAccount(signedOut); apperr.Code(err) != apperr.Unauthenticated {
				t.Fatalf("signed out: err = %v", err)
			}
			if err := svc.DeleteAccount(as(bob)); err != nil {
				t.Fatal(err)
			}
			if _, err := st.UserByID(t.Context(), bob.ID); !errors.Is(err, users.ErrUserNotFound) {
				t.Errorf("bob still there: %v", err)
			}
			var n int
			if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM bus_outbox WHERE type = $1 AND subject = $2`, bus.UserDeleted, bob.ID).Scan(&n); err != nil || n != 1 {
				t.Errorf("user.deleted events for bob: %d, %v", n, err)
			}
			if u, err := svc.Me(as(ada)); err != nil || u.ID != ada.ID {
				t.Errorf("ada affected: %+v, %v", u, err)
			}
		})
	}, store.Migrations()...)
}

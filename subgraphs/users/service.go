package users

import (
	"context"
	"errors"

	"github.com/careercoach/coach/internal/auth"
)

// ErrSignedOut is what Me returns without a signed-in caller; the GraphQL
// adapter answers it with null rather than an error.
var ErrSignedOut = errors.New("signed out")

// Service is the use-case layer the GraphQL adapter (graph/) calls: it
// decides who may read and change which user, validates input and calls
// the store; resolvers only translate. Sign-up, sign-in and sessions
// (/auth/*) go through Accounts.
type Service struct {
	Store UserStore
}

// Me returns the signed-in caller, or ErrSignedOut.
func (s *Service) Me(ctx context.Context) (*User, error) {
	id, ok := auth.FromContext(ctx)
	if !ok {
		return nil, ErrSignedOut
	}
	return s.Store.UserByID(ctx, id.UserID)
}

// UpdateProfile validates upd and applies it to the caller's own profile.
func (s *Service) UpdateProfile(ctx context.Context, upd ProfileUpdate) (*User, error) {
	id, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	upd, err = upd.Validate()
	if err != nil {
		return nil, err
	}
	return s.Store.UpdateProfile(ctx, id.UserID, upd)
}

// DeleteAccount deletes the caller's account; the user.deleted event it
// records erases their data in every service.
func (s *Service) DeleteAccount(ctx context.Context) error {
	id, err := auth.RequireUser(ctx)
	if err != nil {
		return err
	}
	return s.Store.DeleteUser(ctx, id.UserID)
}

// Identities lists the sign-in providers linked to userID, who must be the
// caller.
func (s *Service) Identities(ctx context.Context, userID string) ([]Identity, error) {
	if err := auth.RequireOwner(ctx, userID, "user"); err != nil {
		return nil, err
	}
	byUser, err := s.Store.IdentitiesByUserIDs(ctx, []string{userID})
	if err != nil {
		return nil, err
	}
	return byUser[userID], nil
}

// Resolve answers a batch of User references (entity resolution) from one
// load: a user's fields are private, so only the caller's own entries
// resolve (out[i] nil for the others). refused is UNAUTHENTICATED for a
// signed-out caller and NOT_FOUND when the batch names anyone else (see
// auth.OwnUsers), reported beside the entries that did resolve; err is a
// failure to load.
func (s *Service) Resolve(ctx context.Context, ids []*string) (out []*User, refused, err error) {
	out = make([]*User, len(ids))
	own, refused := auth.OwnUsers(ctx, ids)
	var me *User
	for i := range ids {
		if !own[i] {
			continue
		}
		if me == nil {
			if me, err = s.Store.UserByID(ctx, *ids[i]); err != nil {
				return nil, refused, err
			}
		}
		out[i] = me
	}
	return out, refused, nil
}

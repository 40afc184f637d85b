// Package auth verifies who is calling a service and lets resolvers require
// a signed-in user, check ownership and recognise the router.
//
// Tokens are issued by the users service (asymmetric keys published as a
// JWKS); every service verifies them itself, so a subgraph reached without
// the router still sees only what its caller owns.
package auth

import (
	"context"

	"github.com/careercoach/coach/internal/apperr"
)

// Identity is the verified caller.
type Identity struct {
	UserID string
	Email  string
}

type identityKey struct{}
type serviceKey struct{}

// WithIdentity returns ctx carrying id.
func WithIdentity(ctx context.Context, id Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, id)
}

// FromContext returns the caller's identity, if one was verified.
func FromContext(ctx context.Context) (Identity, bool) {
	id, ok := ctx.Value(identityKey{}).(Identity)
	return id, ok && id.UserID != ""
}

// RequireUser returns the signed-in caller or an UNAUTHENTICATED error.
func RequireUser(ctx context.Context) (Identity, error) {
	id, ok := FromContext(ctx)
	if !ok {
		return Identity{}, apperr.Errorf(apperr.Unauthenticated, "sign in to do this")
	}
	return id, nil
}

// RequireOwner allows the call only when the signed-in caller is ownerID.
// Another user's object is reported as not found, so that ids of other
// people's data cannot be probed.
func RequireOwner(ctx context.Context, ownerID, what string) error {
	id, err := RequireUser(ctx)
	if err != nil {
		return err
	}
	if id.UserID != ownerID {
		return apperr.Errorf(apperr.NotFound, "%s not found", what)
	}
	return nil
}

// WithService marks ctx as a call from the router (it presented the service credential).
func WithService(ctx context.Context) context.Context {
	return context.WithValue(ctx, serviceKey{}, true)
}

// IsService reports whether the caller presented the service credential.
func IsService(ctx context.Context) bool {
	ok, _ := ctx.Value(serviceKey{}).(bool)
	return ok
}

// OwnUsers checks a batch of User entity representations (their ids, as
// gqlgen passes them): own[i] is true when ids[i] is the signed-in caller.
// Only the caller's own User may resolve. A signed-out caller gets
// UNAUTHENTICATED, and a batch that names anyone else gets NOT_FOUND, so
// that other people's ids cannot be probed; the caller's own entries still
// resolve beside that error.
func OwnUsers(ctx context.Context, ids []*string) ([]bool, error) {
	own := make([]bool, len(ids))
	id, err := RequireUser(ctx)
	if err != nil {
		return own, err
	}
	denied := false
	for i, v := range ids {
		own[i] = v != nil && *v == id.UserID
		denied = denied || !own[i]
	}
	if denied {
		return own, apperr.Errorf(apperr.NotFound, "user not found")
	}
	return own, nil
}

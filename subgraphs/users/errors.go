package users

import "github.com/careercoach/coach/internal/apperr"

// Errors the store returns and adapters translate.
var (
	ErrUserNotFound   = apperr.Errorf(apperr.NotFound, "user not found")
	ErrEmailTaken     = apperr.Errorf(apperr.Conflict, "an account with this email already exists")
	ErrBadCredentials = apperr.Errorf(apperr.Unauthenticated, "wrong email or password")
	ErrTokenReuse     = apperr.Errorf(apperr.Unauthenticated, "this session was signed out because its refresh token was used twice; sign in again")
	ErrTokenInvalid   = apperr.Errorf(apperr.Unauthenticated, "session expired; sign in again")
	ErrStateInvalid   = apperr.Errorf(apperr.Invalid, "the sign-in attempt expired or was already used; start again")
)

// Event types this service emits.
const EventUserDeleted = "user.deleted"

package users

import "github.com/careercoach/coach/internal/apperr"

// Errors the store returns and adapters translate.
var (
	ErrUserNotFound    = apperr.Errorf(apperr.NotFound, "user not found")
	ErrEmailTaken      = apperr.Errorf(apperr.Conflict, "an account with this email already exists")
	ErrBadCredentials  = apperr.Errorf(apperr.Unauthenticated, "wrong email or password")
	ErrTokenReuse      = apperr.Errorf(apperr.Unauthenticated, "this session was signed out because its refresh token was used twice; sign in again")
	ErrTokenInvalid    = apperr.Errorf(apperr.Unauthenticated, "session expired; sign in again")
	ErrStateInvalid    = apperr.Errorf(apperr.Invalid, "the sign-in attempt expired or was already used; start again")
	ErrLinkInvalid     = apperr.Errorf(apperr.Invalid, "this link is invalid or has expired")
	ErrLinkUnverified  = apperr.Errorf(apperr.Conflict, "an account with this email address already exists but the address is not verified yet: sign in with its password and verify your email first, or use “Forgot password?” to set a new password")
	ErrTooManyRequests = apperr.Errorf(apperr.RateLimited, "too many requests from your address; try again later")
	ErrReauthThrottled = apperr.Errorf(apperr.RateLimited, "too many wrong current passwords; try again later")
)

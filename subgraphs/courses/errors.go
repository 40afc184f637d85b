package courses

import (
	"errors"

	"github.com/careercoach/coach/internal/apperr"
)

// Errors the service returns and adapters translate.
var (
	ErrBadCursor = apperr.Errorf(apperr.Invalid, "the cursor is invalid or belongs to a different query; start again without after")
	// ErrBadEvent marks an event payload that can never be handled: the
	// consumer logs and drops it instead of retrying it forever.
	ErrBadEvent = errors.New("malformed event")
)

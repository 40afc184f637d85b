package courses

import "github.com/careercoach/coach/internal/apperr"

// ErrBadCursor is returned for a cursor that is invalid or belongs to a
// different query; adapters translate it.
var ErrBadCursor = apperr.Errorf(apperr.Invalid, "the cursor is invalid or belongs to a different query; start again without after")

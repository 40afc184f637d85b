package cv

import "github.com/careercoach/coach/internal/apperr"

// Errors the store and the service return and adapters translate.
var (
	ErrNotFound = apperr.Errorf(apperr.NotFound, "CV not found")
	ErrBusy     = apperr.Errorf(apperr.Conflict, "this CV is still being analysed; wait for it to finish")
	// ErrStaleCorrections: corrections were saved (in another tab or on
	// another device) since the caller read the ones it changed.
	ErrStaleCorrections = apperr.Errorf(apperr.Conflict, "your fixes of this CV were changed elsewhere (another tab or device) since this page loaded them; nothing was saved: reload to see them, then make your change again")
	ErrTooManyCVs       = apperr.Errorf(apperr.Invalid, "you have too many CVs; delete one before uploading another")
	ErrEmptyFile        = apperr.Errorf(apperr.Invalid, "the file is empty")
	ErrUnsupported      = apperr.Errorf(apperr.Invalid, "only PDF and DOCX files can be analysed (the file's content is neither)")
	// ErrLeaseLost means another worker took the job over (this one was too
	// slow or presumed dead); the current worker must stop without writing.
	ErrLeaseLost = apperr.Errorf(apperr.Conflict, "analysis job lease lost")
)

// Failure codes recorded on a failed CV.
const (
	FailUnreadable  = "UNREADABLE"  // quality gate: scanned, empty or garbled
	FailUnsupported = "UNSUPPORTED" // not a PDF/DOCX we can read
	FailTooLarge    = "TOO_LARGE"   // extraction limits exceeded
	FailTimeout     = "TIMEOUT"     // extraction or analysis took too long
	FailCorrupt     = "CORRUPT"     // broken file
	FailEngine      = "ENGINE"      // the analysis engine failed
	FailInterrupted = "INTERRUPTED" // workers died on it too often
	FailInternal    = "INTERNAL"
)

// FileTooLarge is the error for a file over limit bytes.
func FileTooLarge(limit int64) error {
	return apperr.Errorf(apperr.Invalid, "the file is larger than %d MB", max(1, limit>>20))
}

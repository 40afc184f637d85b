package extract

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error Extract returns wraps exactly one of these, so
// the service maps them to GraphQL codes with errors.Is and shows the user a
// message that fits (UserMessage).
var (
	// ErrUnsupported: the content is neither a PDF nor a DOCX.
	ErrUnsupported = errors.New("unsupported file type: upload a PDF or a DOCX")
	// ErrTooLarge: the file, an archive entry, a decompressed stream or the
	// page count exceeds Limits.
	ErrTooLarge = errors.New("file too large")
	// ErrMemoryLimit: extraction needed more memory than Limits.MaxMemoryBytes.
	// It wraps ErrTooLarge: to a user both mean "this file is too big/complex".
	ErrMemoryLimit = &wrapped{msg: "extraction exceeded its memory limit", base: ErrTooLarge}
	// ErrTextTooLong: the file holds more text than Limits.MaxTextChars. It
	// wraps ErrTooLarge; a *TextTooLongError carries the numbers.
	ErrTextTooLong = &wrapped{msg: "the file holds more text than a CV", base: ErrTooLarge}
	// ErrTimeout: extraction did not finish within Limits.Timeout.
	ErrTimeout = errors.New("extraction timed out")
	// ErrEncrypted: the PDF is password protected.
	ErrEncrypted = errors.New("the PDF is encrypted")
	// ErrCycle: the PDF's structure refers back to itself (a page tree that
	// lists itself, a looping cross-reference chain) or nests beyond any
	// real file's depth. It wraps ErrCorrupt: the file is damaged, and
	// reading it again cannot help.
	ErrCycle = &wrapped{msg: "the PDF's structure loops or nests too deeply", base: ErrCorrupt}
	// ErrCorrupt: the file claims to be a PDF/DOCX but cannot be read.
	ErrCorrupt = errors.New("the file is damaged or malformed")
)

// wrapped is a sentinel that also matches a broader sentinel.
type wrapped struct {
	msg  string
	base error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.base }

// TextTooLongError is an ErrTextTooLong with its numbers. Extraction stops
// as soon as the limit is passed, so Chars is exact only when Exact.
type TextTooLongError struct {
	Chars, Limit int
	Exact        bool
}

func (e *TextTooLongError) Error() string {
	if e.Exact {
		return fmt.Sprintf("%v: %d characters, limit %d", ErrTextTooLong, e.Chars, e.Limit)
	}
	return fmt.Sprintf("%v: more than %d characters (stopped reading)", ErrTextTooLong, e.Limit)
}

func (e *TextTooLongError) Unwrap() error { return ErrTextTooLong }

func textTooLong(chars, limit int, exact bool) error {
	return &TextTooLongError{Chars: chars, Limit: limit, Exact: exact}
}

// UserMessage is a message for the person who uploaded the file, for any
// error Extract returned. Internal details never leak through it.
func UserMessage(err error) string {
	switch {
	case errors.Is(err, ErrUnsupported):
		return "This file type is not supported. Please upload your CV as a PDF or a DOCX file."
	case errors.Is(err, ErrTextTooLong):
		return textTooLongMessage(err)
	case errors.Is(err, ErrMemoryLimit):
		return "This file is too complex to read. Please upload a simpler PDF or a DOCX file."
	case errors.Is(err, ErrTooLarge):
		return "This file is too large. Please upload a smaller PDF or DOCX file."
	case errors.Is(err, ErrTimeout):
		return "Reading this file took too long. Please upload a simpler PDF or a DOCX file."
	case errors.Is(err, ErrEncrypted):
		return "This PDF is password protected. Please upload an unprotected PDF or a DOCX file."
	case errors.Is(err, ErrCycle):
		return "This PDF's internal structure loops back on itself, so it cannot be read. Please export your CV again as a PDF or a DOCX file."
	case errors.Is(err, ErrCorrupt):
		return "This file appears to be damaged. Please export your CV again as a PDF or a DOCX file."
	default:
		return "This file could not be read. Please upload your CV as a text PDF or a DOCX file."
	}
}

func textTooLongMessage(err error) string {
	const ask = " Please upload only your CV (a few pages) as a PDF or a DOCX file."
	t, ok := errors.AsType[*TextTooLongError](err)
	switch {
	case !ok:
		return "This file holds far more text than a CV." + ask
	case t.Exact:
		return fmt.Sprintf("This file holds %s characters of text; a CV has at most %s.", groupDigits(t.Chars), groupDigits(t.Limit)) + ask
	default:
		return fmt.Sprintf("This file holds more than %s characters of text; a CV has at most %s.", groupDigits(t.Limit), groupDigits(t.Limit)) + ask
	}
}

// groupDigits writes 100000 as 100,000.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// codeOf names a sentinel, for the child process's JSON answer and logs.
func codeOf(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrUnsupported):
		return "unsupported"
	case errors.Is(err, ErrTextTooLong):
		return "text_too_long"
	case errors.Is(err, ErrMemoryLimit):
		return "memory"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrTimeout):
		return "timeout"
	case errors.Is(err, ErrEncrypted):
		return "encrypted"
	case errors.Is(err, ErrCycle):
		return "cycle"
	default:
		return "corrupt"
	}
}

// errOfCode is codeOf's inverse.
func errOfCode(code string) error {
	switch code {
	case "unsupported":
		return ErrUnsupported
	case "text_too_long":
		return ErrTextTooLong
	case "memory":
		return ErrMemoryLimit
	case "too_large":
		return ErrTooLarge
	case "timeout":
		return ErrTimeout
	case "encrypted":
		return ErrEncrypted
	case "cycle":
		return ErrCycle
	default:
		return ErrCorrupt
	}
}

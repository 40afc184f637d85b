package extract

import "errors"

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
	// ErrTimeout: extraction did not finish within Limits.Timeout.
	ErrTimeout = errors.New("extraction timed out")
	// ErrEncrypted: the PDF is password protected.
	ErrEncrypted = errors.New("the PDF is encrypted")
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

// UserMessage is a message for the person who uploaded the file, for any
// error Extract returned. Internal details never leak through it.
func UserMessage(err error) string {
	switch {
	case errors.Is(err, ErrUnsupported):
		return "This file type is not supported. Please upload your CV as a PDF or a DOCX file."
	case errors.Is(err, ErrMemoryLimit):
		return "This file is too complex to read. Please upload a simpler PDF or a DOCX file."
	case errors.Is(err, ErrTooLarge):
		return "This file is too large. Please upload a smaller PDF or DOCX file."
	case errors.Is(err, ErrTimeout):
		return "Reading this file took too long. Please upload a simpler PDF or a DOCX file."
	case errors.Is(err, ErrEncrypted):
		return "This PDF is password protected. Please upload an unprotected PDF or a DOCX file."
	case errors.Is(err, ErrCorrupt):
		return "This file appears to be damaged. Please export your CV again as a PDF or a DOCX file."
	default:
		return "This file could not be read. Please upload your CV as a text PDF or a DOCX file."
	}
}

// codeOf names a sentinel, for the child process's JSON answer and logs.
func codeOf(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrUnsupported):
		return "unsupported"
	case errors.Is(err, ErrMemoryLimit):
		return "memory"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrTimeout):
		return "timeout"
	case errors.Is(err, ErrEncrypted):
		return "encrypted"
	default:
		return "corrupt"
	}
}

// errOfCode is codeOf's inverse.
func errOfCode(code string) error {
	switch code {
	case "unsupported":
		return ErrUnsupported
	case "memory":
		return ErrMemoryLimit
	case "too_large":
		return ErrTooLarge
	case "timeout":
		return ErrTimeout
	case "encrypted":
		return ErrEncrypted
	default:
		return ErrCorrupt
	}
}

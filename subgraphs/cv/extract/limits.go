package extract

import (
	"time"

	"github.com/careercoach/coach/internal/httpserver"
)

// Limits bound one extraction. Zero fields take the DefaultLimits value, so
// a caller can override one field of Limits{}.
type Limits struct {
	MaxBytes             int64         // size of the uploaded file
	Timeout              time.Duration // wall time of the whole extraction
	MaxMemoryBytes       int64         // address space of the extraction process beyond its start
	MaxPages             int           // PDF pages
	MaxUncompressedBytes int64         // DOCX entries read, PDF streams decoded (zip/flate bombs)
	// MaxTextChars bounds the extracted text, in characters. A CV is a few
	// thousand words; a file with far more text is refused (ErrTextTooLong),
	// not cut: a cut CV would be analysed as if it were whole.
	MaxTextChars int
}

// DefaultMaxTextChars is the longest text a CV may have, in characters.
const DefaultMaxTextChars = 100_000

// DefaultLimits: 10 MB file, 10 s, 512 MB memory, 50 pages, 50 MB
// uncompressed, 100,000 characters of text (about 15,000 words, several
// times the longest CV).
func DefaultLimits() Limits {
	return Limits{
		MaxBytes:             httpserver.DefaultMaxUploadBytes,
		Timeout:              10 * time.Second,
		MaxMemoryBytes:       512 << 20,
		MaxPages:             50,
		MaxUncompressedBytes: 50 << 20,
		MaxTextChars:         DefaultMaxTextChars,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBytes <= 0 {
		l.MaxBytes = d.MaxBytes
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	if l.MaxMemoryBytes <= 0 {
		l.MaxMemoryBytes = d.MaxMemoryBytes
	}
	if l.MaxPages <= 0 {
		l.MaxPages = d.MaxPages
	}
	if l.MaxUncompressedBytes <= 0 {
		l.MaxUncompressedBytes = d.MaxUncompressedBytes
	}
	if l.MaxTextChars <= 0 {
		l.MaxTextChars = d.MaxTextChars
	}
	return l
}

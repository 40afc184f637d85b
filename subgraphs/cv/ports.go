package cv

import (
	"context"
	"errors"
	"time"
)

// Extracted is the text of a file.
type Extracted struct {
	Kind  string // KindPDF or KindDOCX
	Pages int
	Text  string
}

// Extractor reads the text of PDF and DOCX files. The implementation wraps
// subgraphs/cv/extract (which runs under time and memory limits and applies
// the quality gate); failures come back as *FailureError.
type Extractor interface {
	// Sniff returns the kind of file by its content, or an error wrapping
	// ErrUnsupported.
	Sniff(data []byte) (string, error)
	// Extract returns the text of a file that passed the quality gate.
	Extract(ctx context.Context, data []byte) (Extracted, error)
}

// SkillMatch is a skill of the taxonomy found in text.
type SkillMatch struct {
	Name       string // canonical name
	Category   string
	Start, End int // byte offsets into the text searched
}

// SkillFinder is the shared skills taxonomy (internal/skills).
type SkillFinder interface {
	FindSkills(text string) []SkillMatch
	// Canonical resolves a name or alias to the canonical name.
	Canonical(name string) (string, bool)
}

// AnalysisInput is what an engine analyses.
type AnalysisInput struct {
	Text     string
	Sections *Sections
	// Skills are the skills found by the parser, with evidence and levels
	// estimated from the text; engines may adjust levels, not invent skills.
	Skills []SkillFinding
	// FileDate is the file's own date from its metadata (zero if none): a
	// CV's "now" when its text gives no date of writing.
	FileDate time.Time
}

// Analyzer is an analysis engine: offline rules or an LLM.
type Analyzer interface {
	Analyze(ctx context.Context, in AnalysisInput) (*Analysis, error)
	// Engine names the engine, as recorded in Analysis.Engine.
	Engine() string
}

// FailureError is an error with a Failure to record on the CV.
type FailureError struct {
	Failure
	Err error // cause, for logs
}

func (e *FailureError) Error() string {
	if e.Err != nil {
		return e.Code + ": " + e.Message + ": " + e.Err.Error()
	}
	return e.Code + ": " + e.Message
}

func (e *FailureError) Unwrap() error { return e.Err }

// Fail returns a *FailureError.
func Fail(code, message string, retryable bool, cause error) *FailureError {
	return &FailureError{Failure: Failure{Code: code, Message: message, Retryable: retryable}, Err: cause}
}

// FailureOf returns the failure to record for err: its own when it carries
// one, else an internal, retryable failure.
func FailureOf(err error) Failure {
	if fe, ok := errors.AsType[*FailureError](err); ok {
		return fe.Failure
	}
	return Failure{Code: FailInternal, Message: "the analysis failed unexpectedly; try again", Retryable: true}
}

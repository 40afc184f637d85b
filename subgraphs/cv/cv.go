// Package cv is the CV Analysis domain: uploaded CV files, the durable jobs
// that analyse them, the parsed sections and the analysis, and the progress
// of each analysis.
//
// The store/ package implements Store on SQL; graph/ serves GraphQL; the
// extract package (a sibling) turns PDF and DOCX bytes into text. The
// pipeline (extract → parse → analyse) and the worker that drives it from
// the job table live here, behind small interfaces, so the service and the
// command line (`coach cv analyze`) run the same code.
package cv

import (
	"context"
	"time"
)

// Stage is where a CV's analysis is; also the CV's status.
type Stage string

// The stages in order; DONE and FAILED are terminal.
const (
	StageQueued     Stage = "QUEUED"
	StageExtracting Stage = "EXTRACTING"
	StageParsing    Stage = "PARSING"
	StageAnalyzing  Stage = "ANALYZING"
	StageDone       Stage = "DONE"
	StageFailed     Stage = "FAILED"
)

// Terminal reports whether no further progress follows s.
func (s Stage) Terminal() bool { return s == StageDone || s == StageFailed }

// Kinds of file accepted (by content, not by name).
const (
	KindPDF  = "pdf"
	KindDOCX = "docx"
)

// CV is one uploaded file and what became of it.
type CV struct {
	ID         string
	UserID     string
	FileName   string
	Kind       string // KindPDF or KindDOCX
	SizeBytes  int64
	SHA256     string
	UploadedAt time.Time
	// Progress of the current (or last) analysis.
	Status  Stage
	Percent int
	Message string
	// Failure is set when Status is FAILED.
	Failure *Failure
	// Text is the extracted text; Pages the page count (0 for DOCX).
	Text     string
	Pages    int
	Sections *Sections
	Analysis *Analysis
	// Corrections are the user's fixes of the reading, applied to every
	// analysis; nil when there are none.
	Corrections *Corrections
	// UpdatedAt changes with every progress step.
	UpdatedAt time.Time
}

// Failure says why an analysis failed and whether trying again can help.
type Failure struct {
	Code      string // e.g. "SCANNED_PDF", "UNSUPPORTED", "TIMEOUT", "ENGINE"
	Message   string // safe to show the user
	Retryable bool
}

// Progress is one step of an analysis, as published on ProgressTopic and
// as stored on the CV for late subscribers.
type Progress struct {
	CVID    string `json:"cvId"`
	Stage   Stage  `json:"stage"`
	Percent int    `json:"percent"`
	Message string `json:"message"`
	Error   string `json:"error,omitempty"`
}

// ProgressTopic is the pub/sub topic of a CV's progress.
func ProgressTopic(cvID string) string { return "cv:progress:" + cvID }

// ProgressOf returns the CV's current progress.
func ProgressOf(c *CV) Progress {
	p := Progress{CVID: c.ID, Stage: c.Status, Percent: c.Percent, Message: c.Message}
	if c.Failure != nil {
		p.Error = c.Failure.Message
	}
	return p
}

// Upload is a new CV file to store.
type Upload struct {
	UserID   string
	FileName string
	Kind     string
	Data     []byte
}

// Job is a claimed unit of work: analyse one CV.
type Job struct {
	CVID     string
	UserID   string
	Attempt  int // 1 for the first try
	Owner    string
	LeaseEnd time.Time
}

// Result is everything a finished analysis writes, at once.
type Result struct {
	Text     string
	Pages    int
	Sections *Sections
	Analysis *Analysis
	// Corrections are the ones applied, with Applied set; nil for none.
	Corrections *Corrections
}

// Store is everything the cv service persists.
type Store interface {
	// CreateCV stores the file and queues its analysis job atomically.
	CreateCV(ctx context.Context, u Upload, now time.Time) (*CV, error)
	CVByID(ctx context.Context, id string) (*CV, error)
	// CVsByIDs returns the CVs that exist among ids, in no particular order.
	CVsByIDs(ctx context.Context, ids []string) ([]*CV, error)
	// CVsByUser lists a user's CVs, newest first.
	CVsByUser(ctx context.Context, userID string) ([]*CV, error)
	// LatestAnalysis returns the user's most recently analysed CV, or nil.
	LatestAnalysis(ctx context.Context, userID string) (*CV, error)
	CountCVs(ctx context.Context, userID string) (int, error)
	FileData(ctx context.Context, cvID string) ([]byte, error)
	DeleteCV(ctx context.Context, id string) error
	// SaveCorrections stores the user's corrections and the reading they
	// give, while the CV is DONE and no analysis runs (else ErrBusy), and
	// enqueues cv.analyzed when the CV is the user's latest analysis; all
	// in one transaction; ErrStaleCorrections when the stored corrections
	// are not version basedOn (Corrections.IsVersion) when it writes.
	SaveCorrections(ctx context.Context, cvID string, r Result, basedOn *time.Time, now time.Time) error
	// DeleteUserData removes every CV of the user; idempotent.
	DeleteUserData(ctx context.Context, userID string) error
	JobStore
	Ping(ctx context.Context) error
}

// JobStore is the durable job queue that drives the analyses.
type JobStore interface {
	// ClaimJob leases the next runnable job to owner until now+lease, or
	// returns nil when there is none. A running job whose lease expired
	// (its worker died) is runnable again.
	ClaimJob(ctx context.Context, owner string, now time.Time, lease time.Duration) (*Job, error)
	// Heartbeat extends the lease; ErrLeaseLost when owner no longer holds it.
	Heartbeat(ctx context.Context, j *Job, now time.Time, lease time.Duration) error
	// SetProgress records a step while owner holds the lease.
	SetProgress(ctx context.Context, j *Job, p Progress, now time.Time) error
	// CompleteJob writes the result, marks the CV DONE and enqueues the
	// cv.analyzed event in one transaction.
	CompleteJob(ctx context.Context, j *Job, r Result, now time.Time) error
	// FailJob records a failure. A retryable failure with attempts left
	// goes back to the queue after retryAfter; otherwise the CV is FAILED.
	// It reports whether the CV is now FAILED.
	FailJob(ctx context.Context, j *Job, f Failure, now time.Time, retryAfter time.Duration) (final bool, err error)
	// ReleaseJob gives a job back to the queue untouched (its attempt not
	// counted), for a worker that is shutting down.
	ReleaseJob(ctx context.Context, j *Job, now time.Time) error
	// ExpireJobs fails running jobs whose lease expired after their last
	// allowed attempt, and returns their CVs' ids.
	ExpireJobs(ctx context.Context, now time.Time) ([]string, error)
	// Requeue starts a new analysis of a CV that is DONE or FAILED.
	Requeue(ctx context.Context, cvID string, now time.Time) (*CV, error)
}

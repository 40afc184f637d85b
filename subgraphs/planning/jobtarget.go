package planning

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/subgraphs/planning/jobad"
)

// JobStatus is where an application for a saved job ad stands.
type JobStatus string

// Job statuses, as GraphQL names them.
const (
	JobInterested   JobStatus = "INTERESTED"
	JobApplied      JobStatus = "APPLIED"
	JobInterviewing JobStatus = "INTERVIEWING"
	JobOffer        JobStatus = "OFFER"
	JobRejected     JobStatus = "REJECTED"
)

// Valid reports whether s is one of the statuses.
func (s JobStatus) Valid() bool {
	switch s {
	case JobInterested, JobApplied, JobInterviewing, JobOffer, JobRejected:
		return true
	}
	return false
}

// JobStatusChange is one status a job target reached, and when.
type JobStatusChange struct {
	Status JobStatus `json:"status"`
	At     time.Time `json:"at"`
}

// JobTarget is a job ad a user saved to aim at.
type JobTarget struct {
	ID                   string
	UserID               string
	Title                string
	Company              string
	Text                 string // the ad as pasted
	Status               JobStatus
	History              []JobStatusChange // oldest first; the last is Status
	GoalID               string            // the goal aimed at it, if any
	CreatedAt, UpdatedAt time.Time
}

// JobAd is a pasted job ad.
type JobAd struct {
	Text    string
	Title   string // "" to read it from the ad
	Company string
}

// Limits on job targets.
const (
	MaxJobTargetsPerUser = 100
	MaxJobTitleLen       = 200 // runes, title and company
	maxJobHistory        = 50  // status changes kept per target
)

// Job target errors.
var (
	ErrJobTargetNotFound = apperr.Errorf(apperr.NotFound, "saved job not found")
	ErrTooManyJobTargets = apperr.Errorf(apperr.Invalid, "you can save at most %d jobs; delete one first", MaxJobTargetsPerUser)
	errJobStatus         = apperr.Errorf(apperr.Invalid, "unknown job status")
	errJobTitleTooLong   = apperr.Errorf(apperr.Invalid, "the job title and company must be at most %d characters", MaxJobTitleLen)
	errJobTitleNotText   = apperr.Errorf(apperr.Invalid, "the job title and company must be plain text")
	errAdTooLong         = apperr.Errorf(apperr.Invalid, "%s", jobad.ErrAdTooLong.Error())
	errAdEmpty           = apperr.Errorf(apperr.Invalid, "paste the text of the job ad")
	errAdInvalid         = apperr.Errorf(apperr.Invalid, "the job ad must be UTF-8 text")
)

// Check validates a pasted ad before anything reads it: sizes first, so
// an oversized ad is refused without being walked.
func (a JobAd) Check() (JobAd, error) {
	switch {
	case len(a.Text) > jobad.MaxAdBytes:
		return a, errAdTooLong
	case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.Company):
		return a, errAdInvalid
	case strings.TrimSpace(a.Text) == "":
		return a, errAdEmpty
	case len(a.Title) > 4*MaxJobTitleLen || len(a.Company) > 4*MaxJobTitleLen,
		utf8.RuneCountInString(a.Title) > MaxJobTitleLen || utf8.RuneCountInString(a.Company) > MaxJobTitleLen:
		return a, errJobTitleTooLong
	case strings.ContainsAny(a.Title+a.Company, "\x00\r\n"):
		return a, errJobTitleNotText
	}
	a.Title, a.Company = strings.TrimSpace(a.Title), strings.TrimSpace(a.Company)
	return a, nil
}

// JobTargetStore keeps saved job ads. Every method takes the owner's id: a
// target of another user is ErrJobTargetNotFound, never their data.
type JobTargetStore interface {
	// CreateJobTarget stores t unless the user already has
	// MaxJobTargetsPerUser (ErrTooManyJobTargets).
	CreateJobTarget(ctx context.Context, t *JobTarget) error
	JobTargets(ctx context.Context, userID string) ([]*JobTarget, error)
	JobTarget(ctx context.Context, userID, id string) (*JobTarget, error)
	// UpdateJobTarget loads the owner's target, applies fn and saves it in
	// one transaction.
	UpdateJobTarget(ctx context.Context, userID, id string, fn func(t *JobTarget) error) (*JobTarget, error)
	DeleteJobTarget(ctx context.Context, userID, id string) error
}

// SetStatus moves t to status at now, recording the change; the same
// status again changes nothing.
func (t *JobTarget) SetStatus(status JobStatus, now time.Time) error {
	if !status.Valid() {
		return errJobStatus
	}
	if status == t.Status && len(t.History) > 0 {
		return nil
	}
	t.Status, t.UpdatedAt = status, now
	t.History = append(t.History, JobStatusChange{Status: status, At: now})
	if len(t.History) > maxJobHistory {
		t.History = t.History[len(t.History)-maxJobHistory:]
	}
	return nil
}

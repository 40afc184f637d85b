package progress

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/apperr"
)

// CheckID rejects empty or oversized ids before they reach SQL.
func CheckID(what, id string) error {
	if strings.TrimSpace(id) == "" || len(id) > MaxIDLen {
		return apperr.Errorf(apperr.Invalid, "%s: want a non-empty id of at most %d characters", what, MaxIDLen)
	}
	return nil
}

// CheckPercent accepts 0–100.
func CheckPercent(p int) error {
	if p < 0 || p > 100 {
		return apperr.Errorf(apperr.Invalid, "percent must be between 0 and 100")
	}
	return nil
}

// CheckHours accepts the learning time reported with one progress step:
// absent (nil) is none, otherwise a finite 0–MaxReportedHours.
func CheckHours(h *float64) (float64, error) {
	if h == nil {
		return 0, nil
	}
	if math.IsNaN(*h) || *h < 0 || *h > MaxReportedHours {
		return 0, apperr.Errorf(apperr.Invalid, "hoursSpent must be between 0 and %d", MaxReportedHours)
	}
	return *h, nil
}

// CheckLevel accepts the skill levels 1–5.
func CheckLevel(l int) error {
	if l < MinLevel || l > MaxLevel {
		return apperr.Errorf(apperr.Invalid, "level must be between %d and %d", MinLevel, MaxLevel)
	}
	return nil
}

func checkText(field, s string, maxLen int, required bool) (string, error) {
	s = strings.TrimSpace(s)
	if required && s == "" {
		return "", apperr.Errorf(apperr.Invalid, "%s is required", field)
	}
	if utf8.RuneCountInString(s) > maxLen {
		return "", apperr.Errorf(apperr.Invalid, "%s: at most %d characters", field, maxLen)
	}
	if !utf8.ValidString(s) {
		return "", apperr.Errorf(apperr.Invalid, "%s is not valid UTF-8", field)
	}
	return s, nil
}

// CheckNote trims and bounds a self-assessment note.
func CheckNote(s string) (string, error) { return checkText("note", s, MaxNoteLen, false) }

// checkDueDate accepts "" or a calendar date YYYY-MM-DD.
func checkDueDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil || d.Year() < 2000 || d.Year() > 2200 {
		return "", apperr.Errorf(apperr.Invalid, "dueDate: want a date YYYY-MM-DD between 2000 and 2200")
	}
	return s, nil
}

// Validate normalises a new milestone.
func (in MilestoneInput) Validate() (MilestoneInput, error) {
	var err error
	if err = CheckID("goalId", in.GoalID); err != nil {
		return in, err
	}
	if in.Title, err = checkText("title", in.Title, MaxTitleLen, true); err != nil {
		return in, err
	}
	if in.Description, err = checkText("description", in.Description, MaxDescriptionLen, false); err != nil {
		return in, err
	}
	if in.DueDate, err = checkDueDate(in.DueDate); err != nil {
		return in, err
	}
	return in, nil
}

// Validate normalises a milestone edit.
func (u MilestoneUpdate) Validate() (MilestoneUpdate, error) {
	norm := func(p *string, f func(string) (string, error)) (*string, error) {
		if p == nil {
			return nil, nil
		}
		s, err := f(*p)
		return &s, err
	}
	var err error
	if u.Title, err = norm(u.Title, func(s string) (string, error) { return checkText("title", s, MaxTitleLen, true) }); err != nil {
		return u, err
	}
	if u.Description, err = norm(u.Description, func(s string) (string, error) { return checkText("description", s, MaxDescriptionLen, false) }); err != nil {
		return u, err
	}
	if u.DueDate, err = norm(u.DueDate, checkDueDate); err != nil {
		return u, err
	}
	return u, nil
}

// Overdue reports whether an unachieved milestone's due date is before today (UTC).
func (m *Milestone) Overdue(now time.Time) bool {
	if m.AchievedAt != nil || m.DueDate == "" {
		return false
	}
	return m.DueDate < now.UTC().Format(time.DateOnly)
}

// GoalPercent is the share of achieved milestones, rounded down; 0 without milestones.
func GoalPercent(ms []*Milestone) int {
	if len(ms) == 0 {
		return 0
	}
	done := 0
	for _, m := range ms {
		if m.AchievedAt != nil {
			done++
		}
	}
	return done * 100 / len(ms)
}

package planning

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/apperr"
)

// Input limits.
const (
	MaxGoalTitleLen       = 120
	MaxGoalDescriptionLen = 2000
	MaxGoalsPerUser       = 50
	MaxAnswerLen          = 5000 // characters
	MinAnswerLen          = 10
	MaxQuestionsPage      = 50
	MaxPracticePage       = 100
	MaxPracticeHistory    = 500 // attempts kept per user
	MaxLevel              = 5
)

func checkText(field, v string, max int, required bool) (string, error) {
	v = strings.TrimSpace(v)
	if required && v == "" {
		return "", apperr.Errorf(apperr.Invalid, "%s must not be empty", field)
	}
	if utf8.RuneCountInString(v) > max {
		return "", apperr.Errorf(apperr.Invalid, "%s must be at most %d characters", field, max)
	}
	if strings.ContainsFunc(v, func(r rune) bool { return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f }) {
		return "", apperr.Errorf(apperr.Invalid, "%s must not contain control characters", field)
	}
	return v, nil
}

// ValidateNew checks a create input against the catalogue and fills defaults.
func (in GoalInput) ValidateNew(cat *Catalog, now time.Time) (GoalInput, error) {
	if in.Title == nil || in.TargetRoleID == nil {
		return in, apperr.Errorf(apperr.Invalid, "title and targetRoleId are required")
	}
	if in.Status == nil {
		s := GoalActive
		in.Status = &s
	}
	if in.Description == nil {
		empty := ""
		in.Description = &empty
	}
	return in.Validate(cat, now)
}

// Validate trims and checks the fields that are set.
func (in GoalInput) Validate(cat *Catalog, now time.Time) (GoalInput, error) {
	var err error
	if in.Title != nil {
		var v string
		if v, err = checkText("title", *in.Title, MaxGoalTitleLen, true); err != nil {
			return in, err
		}
		in.Title = &v
	}
	if in.Description != nil {
		var v string
		if v, err = checkText("description", *in.Description, MaxGoalDescriptionLen, false); err != nil {
			return in, err
		}
		in.Description = &v
	}
	if in.TargetRoleID != nil {
		if _, ok := cat.Role(*in.TargetRoleID); !ok {
			return in, apperr.Errorf(apperr.Invalid, "unknown target role %q", truncate(*in.TargetRoleID, 60))
		}
	}
	if in.Status != nil && !in.Status.Valid() {
		return in, apperr.Errorf(apperr.Invalid, "unknown goal status")
	}
	if in.TargetDate != nil {
		d := in.TargetDate.UTC()
		// A target date is a day; far-past or absurd future dates are typos.
		if d.Before(now.AddDate(-1, 0, 0)) || d.After(now.AddDate(50, 0, 0)) {
			return in, apperr.Errorf(apperr.Invalid, "target date must be within the last year and the next 50 years")
		}
		in.TargetDate = &d
	}
	return in, nil
}

// Apply sets the fields of in on g.
func (in GoalInput) Apply(g *Goal) {
	if in.Title != nil {
		g.Title = *in.Title
	}
	if in.Description != nil {
		g.Description = *in.Description
	}
	if in.TargetRoleID != nil {
		g.TargetRoleID = *in.TargetRoleID
	}
	if in.TargetDate != nil {
		d := *in.TargetDate
		g.TargetDate = &d
	}
	if in.ClearDate {
		g.TargetDate = nil
	}
	if in.Status != nil {
		g.Status = *in.Status
	}
}

// CheckAnswer trims an interview answer and enforces its length limits.
func CheckAnswer(answer string) (string, error) {
	a := strings.TrimSpace(answer)
	n := utf8.RuneCountInString(a)
	if n < MinAnswerLen {
		return "", apperr.Errorf(apperr.Invalid, "write an answer of at least %d characters", MinAnswerLen)
	}
	if n > MaxAnswerLen {
		return "", apperr.Errorf(apperr.Invalid, "answers are limited to %d characters", MaxAnswerLen)
	}
	if !utf8.ValidString(a) || strings.ContainsRune(a, 0) {
		return "", apperr.Errorf(apperr.Invalid, "answer must be plain text")
	}
	return a, nil
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

package courses

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/skills"
)

// Limits on what an event may carry; a payload beyond them is refused (and
// logged by the consumer) rather than stored half.
const (
	maxEventSkills = 300
	maxEventRoles  = 20
	maxNameLen     = 120
	maxTitleLen    = 300
)

// SkillLevel is a skill by canonical name with a level 1..5.
type SkillLevel struct {
	Name  string `json:"name"`
	Level int    `json:"level"`
}

// CVAnalyzed is the payload of cv.analyzed.
type CVAnalyzed struct {
	UserID         string       `json:"userId"`
	CVID           string       `json:"cvId"`
	Score          float64      `json:"score"`
	Seniority      string       `json:"seniority"`
	Skills         []SkillLevel `json:"skills"`
	SuggestedRoles []string     `json:"suggestedRoles"`
}

// GoalChanged is the payload of goal.changed.
type GoalChanged struct {
	UserID          string       `json:"userId"`
	GoalID          string       `json:"goalId"`
	Change          string       `json:"change"` // created, updated, deleted
	Status          string       `json:"status"`
	Title           string       `json:"title"`
	TargetRoleID    string       `json:"targetRoleId"`
	TargetRoleTitle string       `json:"targetRoleTitle"`
	RequiredSkills  []SkillLevel `json:"requiredSkills"`
}

// UserDeleted is the payload of user.deleted.
type UserDeleted struct {
	UserID string `json:"userId"`
}

// CourseCatalogued is the payload of course.catalogued.
type CourseCatalogued struct {
	CourseID      string   `json:"courseId"`
	Title         string   `json:"title"`
	Skills        []string `json:"skills"`
	DurationHours float64  `json:"durationHours"`
	// Level lets progress count a completed course at its level.
	Level string `json:"level"`
}

// Canon maps a skill name or alias to its canonical name; see CanonicalSkills.
type Canon func(name string) string

// CanonicalSkills returns the Canon of a taxonomy: known names and aliases
// become the canonical name, unknown names stay as they are. A nil taxonomy
// keeps every name.
func CanonicalSkills(tax *skills.Taxonomy) Canon {
	return func(name string) string {
		if tax != nil {
			if s, ok := tax.Lookup(name); ok {
				return s.Name
			}
		}
		return name
	}
}

// SkillProfileChanged is the payload of skillprofile.changed (the fields
// courses reads): the user's whole combined skill profile, owned by progress.
type SkillProfileChanged struct {
	UserID string       `json:"userId"`
	Skills []SkillLevel `json:"skills"`
}

// EnrollmentCompleted is the payload of enrollment.completed.
type EnrollmentCompleted struct {
	UserID   string `json:"userId"`
	CourseID string `json:"courseId"`
}

// DecodeSkillProfile parses and checks a skillprofile.changed payload.
func DecodeSkillProfile(payload []byte, subject string, canon Canon) (SkillProfileChanged, error) {
	var p SkillProfileChanged
	if err := json.Unmarshal(payload, &p); err != nil {
		return p, fmt.Errorf("decode skillprofile.changed: %w", err)
	}
	if err := checkUser(p.UserID, subject); err != nil {
		return p, err
	}
	if len(p.Skills) > maxEventSkills {
		return p, apperr.Errorf(apperr.Invalid, "skillprofile.changed carries %d skills, over the limit %d", len(p.Skills), maxEventSkills)
	}
	var err error
	p.Skills, err = cleanSkills(p.Skills, canon)
	return p, err
}

// DecodeEnrollmentCompleted parses and checks an enrollment.completed payload.
func DecodeEnrollmentCompleted(payload []byte, subject string) (EnrollmentCompleted, error) {
	var p EnrollmentCompleted
	if err := json.Unmarshal(payload, &p); err != nil {
		return p, fmt.Errorf("decode enrollment.completed: %w", err)
	}
	if err := checkUser(p.UserID, subject); err != nil {
		return p, err
	}
	if p.CourseID == "" || len(p.CourseID) > maxNameLen {
		return p, apperr.Errorf(apperr.Invalid, "enrollment.completed has no valid courseId")
	}
	return p, nil
}

// DecodeCVAnalyzed parses and checks a cv.analyzed payload; subject is the
// event's subject, which must be the same user.
func DecodeCVAnalyzed(payload []byte, subject string, canon Canon) (CVAnalyzed, error) {
	var p CVAnalyzed
	if err := json.Unmarshal(payload, &p); err != nil {
		return p, fmt.Errorf("decode cv.analyzed: %w", err)
	}
	if err := checkUser(p.UserID, subject); err != nil {
		return p, err
	}
	if len(p.Skills) > maxEventSkills || len(p.SuggestedRoles) > maxEventRoles {
		return p, apperr.Errorf(apperr.Invalid, "cv.analyzed carries %d skills and %d roles, over the limits %d and %d", len(p.Skills), len(p.SuggestedRoles), maxEventSkills, maxEventRoles)
	}
	var err error
	if p.Skills, err = cleanSkills(p.Skills, canon); err != nil {
		return p, err
	}
	roles := p.SuggestedRoles[:0]
	for _, r := range p.SuggestedRoles {
		if r = strings.TrimSpace(r); r != "" && utf8.RuneCountInString(r) <= maxTitleLen {
			roles = append(roles, r)
		}
	}
	p.SuggestedRoles = roles
	return p, nil
}

// DecodeGoalChanged parses and checks a goal.changed payload.
func DecodeGoalChanged(payload []byte, subject string, canon Canon) (GoalChanged, error) {
	var p GoalChanged
	if err := json.Unmarshal(payload, &p); err != nil {
		return p, fmt.Errorf("decode goal.changed: %w", err)
	}
	if err := checkUser(p.UserID, subject); err != nil {
		return p, err
	}
	if p.GoalID == "" || len(p.GoalID) > maxNameLen {
		return p, apperr.Errorf(apperr.Invalid, "goal.changed has no valid goalId")
	}
	switch p.Change {
	case "created", "updated", "deleted":
	default:
		return p, apperr.Errorf(apperr.Invalid, "goal.changed change %q is not created, updated or deleted", p.Change)
	}
	if len(p.RequiredSkills) > maxEventSkills {
		return p, apperr.Errorf(apperr.Invalid, "goal.changed carries %d required skills, over the limit %d", len(p.RequiredSkills), maxEventSkills)
	}
	p.Title, p.TargetRoleTitle = truncate(p.Title, maxTitleLen), truncate(p.TargetRoleTitle, maxTitleLen)
	var err error
	p.RequiredSkills, err = cleanSkills(p.RequiredSkills, canon)
	return p, err
}

// DecodeUserDeleted parses a user.deleted payload; the subject is the user
// when the payload names none.
func DecodeUserDeleted(payload []byte, subject string) (UserDeleted, error) {
	var p UserDeleted
	if len(payload) > 0 && string(payload) != "null" {
		if err := json.Unmarshal(payload, &p); err != nil {
			return p, fmt.Errorf("decode user.deleted: %w", err)
		}
	}
	if p.UserID == "" {
		p.UserID = subject
	}
	return p, checkUser(p.UserID, subject)
}

func checkUser(userID, subject string) error {
	if userID == "" || len(userID) > maxNameLen {
		return apperr.Errorf(apperr.Invalid, "event has no valid userId")
	}
	if subject != "" && subject != userID {
		return apperr.Errorf(apperr.Invalid, "event subject %q differs from its userId %q", subject, userID)
	}
	return nil
}

// cleanSkills trims names, makes them canonical, clamps levels to 1..5,
// drops empty names and merges duplicates (case-insensitively) keeping the
// highest level.
func cleanSkills(in []SkillLevel, canon Canon) ([]SkillLevel, error) {
	out := make([]SkillLevel, 0, len(in))
	at := map[string]int{}
	for _, s := range in {
		name := strings.TrimSpace(s.Name)
		if name == "" {
			continue
		}
		if utf8.RuneCountInString(name) > maxNameLen {
			return nil, apperr.Errorf(apperr.Invalid, "skill name longer than %d characters", maxNameLen)
		}
		if canon != nil {
			name = canon(name)
		}
		lvl := min(max(s.Level, 1), 5)
		key := strings.ToLower(name)
		if i, dup := at[key]; dup {
			out[i].Level = max(out[i].Level, lvl)
			continue
		}
		at[key] = len(out)
		out = append(out, SkillLevel{Name: name, Level: lvl})
	}
	return out, nil
}

func truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

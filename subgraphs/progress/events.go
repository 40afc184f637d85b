package progress

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
)

// Event payloads this service consumes and emits (see the contract in
// internal/bus). Consumers validate them: an event is input from another
// service, never trusted to be well formed.

// CourseCatalogued is the payload of course.catalogued.
type CourseCatalogued struct {
	CourseID      string   `json:"courseId"`
	Title         string   `json:"title"`
	Skills        []string `json:"skills"`
	DurationHours float64  `json:"durationHours"`
	Level         string   `json:"level"`
}

// GoalChanged is the payload of goal.changed (the fields progress uses).
type GoalChanged struct {
	UserID string `json:"userId"`
	GoalID string `json:"goalId"`
	Change string `json:"change"` // created, updated, deleted
	Title  string `json:"title"`
}

// CVAnalyzedEvent is the payload of cv.analyzed (the fields progress uses).
type CVAnalyzedEvent struct {
	UserID string    `json:"userId"`
	CVID   string    `json:"cvId"`
	Score  *int      `json:"score"`
	Skills []CVSkill `json:"skills"`
}

// CVSkill is a skill of an analysed CV with the text that shows it.
type CVSkill struct {
	Name     string `json:"name"`
	Level    int    `json:"level"`
	Evidence string `json:"evidence"`
}

// ProfileEvent is the payload of skillprofile.changed: the whole profile,
// so a consumer replaces what it holds and never merges.
type ProfileEvent struct {
	UserID    string              `json:"userId"`
	Skills    []ProfileEventSkill `json:"skills"`
	UpdatedAt time.Time           `json:"updatedAt"`
}

// ProfileEventSkill is one skill of a ProfileEvent.
type ProfileEventSkill struct {
	Name       string  `json:"name"`
	Level      int     `json:"level"`
	Confidence float64 `json:"confidence"`
}

// NewProfileEvent describes profile.
func NewProfileEvent(userID string, profile []ProfileSkill, at time.Time) ProfileEvent {
	ev := ProfileEvent{UserID: userID, Skills: make([]ProfileEventSkill, 0, len(profile)), UpdatedAt: at.UTC()}
	for _, s := range profile {
		ev.Skills = append(ev.Skills, ProfileEventSkill{Name: s.Name, Level: s.Level, Confidence: s.Confidence})
	}
	return ev
}

// UserDeletedEvent is the payload of user.deleted.
type UserDeletedEvent struct {
	UserID string `json:"userId"`
}

// EnrollmentCompletedEvent is the payload of enrollment.completed.
type EnrollmentCompletedEvent struct {
	UserID      string    `json:"userId"`
	CourseID    string    `json:"courseId"`
	Skills      []string  `json:"skills"`
	CompletedAt time.Time `json:"completedAt"`
}

// ParseCourseCatalogued decodes and validates a course.catalogued payload.
func ParseCourseCatalogued(raw []byte) (Course, error) {
	var p CourseCatalogued
	if err := json.Unmarshal(raw, &p); err != nil {
		return Course{}, fmt.Errorf("decode course.catalogued: %w", err)
	}
	if err := CheckID("courseId", p.CourseID); err != nil {
		return Course{}, fmt.Errorf("course.catalogued: %w", err)
	}
	if math.IsNaN(p.DurationHours) || p.DurationHours < 0 || p.DurationHours > MaxCourseHours {
		return Course{}, fmt.Errorf("course.catalogued %s: durationHours %v out of range", p.CourseID, p.DurationHours)
	}
	title := strings.TrimSpace(p.Title)
	if r := []rune(title); len(r) > MaxTitleLen {
		title = string(r[:MaxTitleLen])
	}
	skills := make([]string, 0, len(p.Skills))
	for _, s := range p.Skills {
		if s = strings.TrimSpace(s); s != "" && len(s) <= MaxTitleLen && len(skills) < MaxCourseSkills {
			skills = append(skills, s)
		}
	}
	switch p.Level {
	case "BEGINNER", "INTERMEDIATE", "ADVANCED":
	default:
		p.Level = "" // unknown: counts as a beginner course
	}
	return Course{ID: p.CourseID, Title: title, Skills: skills, DurationHours: p.DurationHours, Level: p.Level}, nil
}

// ParseGoalChanged decodes and validates a goal.changed payload.
func ParseGoalChanged(raw []byte) (GoalChanged, error) {
	var p GoalChanged
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, fmt.Errorf("decode goal.changed: %w", err)
	}
	if err := CheckID("userId", p.UserID); err != nil {
		return p, fmt.Errorf("goal.changed: %w", err)
	}
	if err := CheckID("goalId", p.GoalID); err != nil {
		return p, fmt.Errorf("goal.changed: %w", err)
	}
	switch p.Change {
	case "created", "updated", "deleted":
	default:
		return p, fmt.Errorf("goal.changed %s: unknown change %q", p.GoalID, p.Change)
	}
	return p, nil
}

// ParseCVAnalyzed decodes and validates a cv.analyzed payload.
func ParseCVAnalyzed(raw []byte) (CVAnalyzedEvent, error) {
	var p CVAnalyzedEvent
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, fmt.Errorf("decode cv.analyzed: %w", err)
	}
	if err := CheckID("userId", p.UserID); err != nil {
		return p, fmt.Errorf("cv.analyzed: %w", err)
	}
	if err := CheckID("cvId", p.CVID); err != nil {
		return p, fmt.Errorf("cv.analyzed: %w", err)
	}
	// Bounded and cleaned: the event is another service's input.
	skills := make([]CVSkill, 0, min(len(p.Skills), MaxCVSkills))
	for _, s := range p.Skills {
		s.Name = strings.TrimSpace(s.Name)
		if s.Name == "" || len(s.Name) > MaxTitleLen || len(skills) == MaxCVSkills {
			continue
		}
		s.Level = min(max(s.Level, 1), MaxLevel)
		if r := []rune(s.Evidence); len(r) > MaxEvidenceLen {
			s.Evidence = string(r[:MaxEvidenceLen])
		}
		skills = append(skills, s)
	}
	p.Skills = skills
	return p, nil
}

// ParseUserDeleted decodes a user.deleted payload; subject is the fallback
// user id (the subject of every event is the user id).
func ParseUserDeleted(raw []byte, subject string) (string, error) {
	var p UserDeletedEvent
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &p); err != nil {
			return "", fmt.Errorf("decode user.deleted: %w", err)
		}
	}
	if p.UserID == "" {
		p.UserID = subject
	}
	if err := CheckID("userId", p.UserID); err != nil {
		return "", fmt.Errorf("user.deleted: %w", err)
	}
	return p.UserID, nil
}

// CVActivityTitle is the feed line for an analysed CV.
func CVActivityTitle(score *int) string {
	if score == nil {
		return "CV analysed"
	}
	return fmt.Sprintf("CV analysed (score %d)", *score)
}

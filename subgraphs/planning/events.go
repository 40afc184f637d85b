package planning

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what consumed events may carry; anything beyond is dropped so a
// bad producer cannot bloat this service's tables.
const (
	maxEventSkills    = 200
	maxEventSkillName = 100
	maxEventTitle     = 300
	maxEventID        = 100
)

// Goal change kinds in goal.changed.
const (
	ChangeCreated = "created"
	ChangeUpdated = "updated"
	ChangeDeleted = "deleted"
)

// GoalEvent is the goal.changed payload (see the contract): it carries the
// target role's required skills so consumers can compute the gap without
// knowing the role catalogue.
type GoalEvent struct {
	UserID          string       `json:"userId"`
	GoalID          string       `json:"goalId"`
	Change          string       `json:"change"`
	Status          GoalStatus   `json:"status"`
	Title           string       `json:"title"`
	TargetRoleID    string       `json:"targetRoleId"`
	TargetRoleTitle string       `json:"targetRoleTitle"`
	RequiredSkills  []SkillLevel `json:"requiredSkills"`
}

// NewGoalEvent describes change of g, whose target role is in cat.
func NewGoalEvent(cat *Catalog, g *Goal, change string) GoalEvent {
	ev := GoalEvent{UserID: g.UserID, GoalID: g.ID, Change: change, Status: g.Status, Title: g.Title,
		TargetRoleID: g.TargetRoleID, RequiredSkills: []SkillLevel{}}
	if r, ok := cat.Role(g.TargetRoleID); ok {
		ev.TargetRoleTitle = r.Title
		ev.RequiredSkills = append(ev.RequiredSkills, r.Skills...)
	}
	return ev
}

// SkillProfile is the part of the skillprofile.changed payload planning
// reads: the user's whole combined skill profile, owned by the progress
// service (CV, self-ratings, quizzes, completed courses, related skills).
type SkillProfile struct {
	UserID string       `json:"userId"`
	Skills []SkillLevel `json:"skills"`
}

// ParseSkillProfile decodes and sanitises a skillprofile.changed payload:
// levels are clamped to 1–5, empty or overlong names dropped, the list
// bounded.
func ParseSkillProfile(payload []byte, occurredAt time.Time) (UserSkills, error) {
	var p SkillProfile
	if err := json.Unmarshal(payload, &p); err != nil {
		return UserSkills{}, fmt.Errorf("decode skillprofile.changed: %w", err)
	}
	if p.UserID == "" || len(p.UserID) > maxEventID {
		return UserSkills{}, fmt.Errorf("decode skillprofile.changed: bad userId")
	}
	us := UserSkills{UserID: p.UserID, AnalyzedAt: occurredAt, Skills: []SkillLevel{}}
	for _, s := range p.Skills {
		name := strings.TrimSpace(s.Name)
		if name == "" || utf8.RuneCountInString(name) > maxEventSkillName || len(us.Skills) == maxEventSkills {
			continue
		}
		us.Skills = append(us.Skills, SkillLevel{Name: name, Level: min(max(s.Level, 1), MaxLevel)})
	}
	return us, nil
}

// CourseCatalogued is the course.catalogued payload.
type CourseCatalogued struct {
	CourseID      string   `json:"courseId"`
	Title         string   `json:"title"`
	Skills        []string `json:"skills"`
	DurationHours float64  `json:"durationHours"`
}

// ParseCourseCatalogued decodes and sanitises a course.catalogued payload.
func ParseCourseCatalogued(payload []byte) (CourseCatalogued, error) {
	var c CourseCatalogued
	if err := json.Unmarshal(payload, &c); err != nil {
		return c, fmt.Errorf("decode course.catalogued: %w", err)
	}
	if c.CourseID == "" || len(c.CourseID) > maxEventID {
		return c, fmt.Errorf("decode course.catalogued: bad courseId")
	}
	if utf8.RuneCountInString(c.Title) > maxEventTitle {
		c.Title = string([]rune(c.Title)[:maxEventTitle])
	}
	if c.DurationHours < 0 || c.DurationHours > 10000 {
		c.DurationHours = 0
	}
	skills := c.Skills[:0:0]
	for _, s := range c.Skills {
		s = strings.TrimSpace(s)
		if s != "" && utf8.RuneCountInString(s) <= maxEventSkillName && len(skills) < maxEventSkills {
			skills = append(skills, s)
		}
	}
	c.Skills = skills
	return c, nil
}

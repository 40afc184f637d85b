package planning

import (
	"context"
	"database/sql"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/bus"
)

// Limits on what consumed events may carry; anything beyond is dropped so a
// bad producer cannot bloat this service's tables.
const (
	maxEventSkills    = 200
	maxEventSkillName = 100
	maxEventTitle     = 300
)

// ConsumerGroup is the bus consumer group (and idempotency key) of planning.
const ConsumerGroup = "planning"

// Goal change kinds in goal.changed.
const (
	ChangeCreated = bus.GoalCreated
	ChangeUpdated = bus.GoalUpdated
	ChangeDeleted = bus.GoalDeleted
)

// GoalEvent is the goal.changed payload planning emits.
type GoalEvent = bus.GoalChangedPayload

// NewGoalEvent describes change of g, whose target role is in cat: it
// carries the role's required skills so consumers can compute the gap
// without knowing the role catalogue.
func NewGoalEvent(cat *Catalog, g *Goal, change string) GoalEvent {
	ev := GoalEvent{UserID: g.UserID, GoalID: g.ID, Change: change, Status: string(g.Status), Title: g.Title,
		TargetRoleID: g.TargetRoleID, RequiredSkills: []bus.SkillLevel{}}
	if r, ok := cat.Role(g.TargetRoleID); ok {
		ev.TargetRoleTitle = r.Title
		for _, s := range r.Skills {
			ev.RequiredSkills = append(ev.RequiredSkills, bus.SkillLevel{Name: s.Name, Level: s.Level})
		}
	}
	return ev
}

// EventHandlers are the domain events planning reads, each applied in the
// transaction that records it processed:
//   - user.deleted purges the user's data;
//   - skillprofile.changed replaces the user's skills and snapshots the
//     readiness of their goals' roles;
//   - course.catalogued keeps the course for learning paths.
func EventHandlers(cat *Catalog, st EventStore) bus.Handlers {
	return bus.Handlers{
		bus.UserDeleted: bus.On(func(ctx context.Context, tx *sql.Tx, _ bus.Event, p bus.UserDeletedPayload) error {
			return st.PurgeUser(ctx, tx, p.UserID)
		}),
		bus.SkillProfileChanged: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, p bus.SkillProfileChangedPayload) error {
			us := ParseSkillProfile(p, ev.OccurredAt)
			if err := st.ReplaceUserSkills(ctx, tx, us, cat.Key); err != nil {
				return err
			}
			return st.RecordReadiness(ctx, tx, us.UserID, us.AnalyzedAt, cat.Readiness)
		}),
		bus.CourseCatalogued: bus.On(func(ctx context.Context, tx *sql.Tx, _ bus.Event, p bus.CourseCataloguedPayload) error {
			return st.UpsertCourse(ctx, tx, ParseCourseCatalogued(p), cat.Key)
		}),
	}
}

// ParseSkillProfile sanitises a skillprofile.changed payload (the user's
// whole combined skill profile, owned by progress): levels are clamped to
// 1–5, empty or overlong names dropped, the list bounded.
func ParseSkillProfile(p bus.SkillProfileChangedPayload, occurredAt time.Time) UserSkills {
	us := UserSkills{UserID: p.UserID, AnalyzedAt: occurredAt, Skills: []SkillLevel{}}
	for _, s := range p.Skills {
		name := strings.TrimSpace(s.Name)
		if name == "" || utf8.RuneCountInString(name) > maxEventSkillName || len(us.Skills) == maxEventSkills {
			continue
		}
		us.Skills = append(us.Skills, SkillLevel{Name: name, Level: min(max(s.Level, 1), MaxLevel)})
	}
	return us
}

// CourseCatalogued is the course.catalogued payload.
type CourseCatalogued = bus.CourseCataloguedPayload

// ParseCourseCatalogued sanitises a course.catalogued payload.
func ParseCourseCatalogued(c bus.CourseCataloguedPayload) CourseCatalogued {
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
	return c
}

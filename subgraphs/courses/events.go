package courses

import (
	"context"
	"database/sql"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/skills"
)

// Limits on what an event may carry; a payload beyond them is malformed
// (logged and dropped, see bus.Idempotent) rather than stored half.
const (
	maxEventSkills = 300
	maxEventRoles  = 20
	maxNameLen     = 120
	maxTitleLen    = 300
)

// SkillLevel is a skill by canonical name with a level 1..5.
type SkillLevel = bus.SkillLevel

// ConsumerGroup is the bus consumer group (and idempotency key) of courses.
const ConsumerGroup = "courses"

// CVAnalyzed is what courses keeps of cv.analyzed: skills canonical and
// merged, roles trimmed.
type CVAnalyzed struct {
	UserID         string
	CVID           string
	Skills         []SkillLevel
	SuggestedRoles []string
}

// GoalChanged is what courses keeps of goal.changed.
type GoalChanged struct {
	UserID          string
	GoalID          string
	Change          string // bus.GoalCreated, GoalUpdated or GoalDeleted
	Status          string
	Title           string
	TargetRoleID    string
	TargetRoleTitle string
	RequiredSkills  []SkillLevel
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

// SkillProfileChanged is what courses keeps of skillprofile.changed: the
// user's whole combined skill profile, owned by progress.
type SkillProfileChanged struct {
	UserID string
	Skills []SkillLevel
}

// EventStore is what the event handlers write through, inside the
// transaction that records the event processed. The Save methods report
// whether the event changed what is stored (an older event arriving late
// does not).
type EventStore interface {
	// Canon makes a skill name canonical (see CanonicalSkills).
	Canon(name string) string
	SaveCV(ctx context.Context, tx *sql.Tx, p CVAnalyzed, at time.Time) (bool, error)
	SaveGoal(ctx context.Context, tx *sql.Tx, g GoalChanged, at time.Time) (bool, error)
	SaveSkillProfile(ctx context.Context, tx *sql.Tx, p SkillProfileChanged, at time.Time) (bool, error)
	SaveCompletedCourse(ctx context.Context, tx *sql.Tx, userID, courseID string, at time.Time) error
	// Recompute stores the user's recommendations anew.
	Recompute(ctx context.Context, tx *sql.Tx, userID string) error
	// PurgeUser deletes everything stored about the user.
	PurgeUser(ctx context.Context, tx *sql.Tx, userID string) error
}

// EventHandlers are the domain events courses reads, each applied in the
// transaction that records it processed:
//   - cv.analyzed stores the user's skills and suggested roles,
//   - skillprofile.changed stores the combined skill profile (it replaces
//     the CV's skills once present), enrollment.completed a completed course,
//   - goal.changed stores the goal (a deleted goal becomes a tombstone),
//   - each then recomputes the user's recommendations and reports the user
//     to recomputed (when not nil),
//   - user.deleted purges everything about the user.
//
// A payload beyond the limits wraps bus.ErrMalformed.
func EventHandlers(st EventStore, recomputed func(userID string)) bus.Handlers {
	recompute := func(ctx context.Context, tx *sql.Tx, userID string, changed bool, err error) error {
		if err != nil || !changed {
			return err
		}
		if err := st.Recompute(ctx, tx, userID); err != nil {
			return err
		}
		if recomputed != nil {
			recomputed(userID)
		}
		return nil
	}
	return bus.Handlers{
		bus.CVAnalyzed: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, p bus.CVAnalyzedPayload) error {
			cv, err := CleanCVAnalyzed(p, st.Canon)
			if err != nil {
				return err
			}
			changed, err := st.SaveCV(ctx, tx, cv, ev.OccurredAt)
			return recompute(ctx, tx, cv.UserID, changed, err)
		}),
		bus.GoalChanged: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, p bus.GoalChangedPayload) error {
			g, err := CleanGoalChanged(p, st.Canon)
			if err != nil {
				return err
			}
			changed, err := st.SaveGoal(ctx, tx, g, ev.OccurredAt)
			return recompute(ctx, tx, g.UserID, changed, err)
		}),
		bus.SkillProfileChanged: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, p bus.SkillProfileChangedPayload) error {
			sp, err := CleanSkillProfile(p, st.Canon)
			if err != nil {
				return err
			}
			changed, err := st.SaveSkillProfile(ctx, tx, sp, ev.OccurredAt)
			return recompute(ctx, tx, sp.UserID, changed, err)
		}),
		bus.EnrollmentCompleted: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, p bus.EnrollmentCompletedPayload) error {
			err := st.SaveCompletedCourse(ctx, tx, p.UserID, p.CourseID, ev.OccurredAt)
			return recompute(ctx, tx, p.UserID, true, err)
		}),
		bus.UserDeleted: bus.On(func(ctx context.Context, tx *sql.Tx, _ bus.Event, p bus.UserDeletedPayload) error {
			return st.PurgeUser(ctx, tx, p.UserID)
		}),
	}
}

// CleanSkillProfile checks and cleans a skillprofile.changed payload.
func CleanSkillProfile(p bus.SkillProfileChangedPayload, canon Canon) (SkillProfileChanged, error) {
	if len(p.Skills) > maxEventSkills {
		return SkillProfileChanged{}, bus.Malformedf("skillprofile.changed carries %d skills, over the limit %d", len(p.Skills), maxEventSkills)
	}
	in := make([]SkillLevel, len(p.Skills))
	for i, s := range p.Skills {
		in[i] = SkillLevel{Name: s.Name, Level: s.Level}
	}
	skills, err := cleanSkills(in, canon)
	return SkillProfileChanged{UserID: p.UserID, Skills: skills}, err
}

// CleanCVAnalyzed checks and cleans a cv.analyzed payload.
func CleanCVAnalyzed(p bus.CVAnalyzedPayload, canon Canon) (CVAnalyzed, error) {
	if len(p.Skills) > maxEventSkills || len(p.SuggestedRoles) > maxEventRoles {
		return CVAnalyzed{}, bus.Malformedf("cv.analyzed carries %d skills and %d roles, over the limits %d and %d", len(p.Skills), len(p.SuggestedRoles), maxEventSkills, maxEventRoles)
	}
	in := make([]SkillLevel, len(p.Skills))
	for i, s := range p.Skills {
		in[i] = SkillLevel{Name: s.Name, Level: s.Level}
	}
	skills, err := cleanSkills(in, canon)
	if err != nil {
		return CVAnalyzed{}, err
	}
	roles := []string{}
	for _, r := range p.SuggestedRoles {
		if r = strings.TrimSpace(r); r != "" && utf8.RuneCountInString(r) <= maxTitleLen {
			roles = append(roles, r)
		}
	}
	return CVAnalyzed{UserID: p.UserID, CVID: p.CVID, Skills: skills, SuggestedRoles: roles}, nil
}

// CleanGoalChanged checks and cleans a goal.changed payload.
func CleanGoalChanged(p bus.GoalChangedPayload, canon Canon) (GoalChanged, error) {
	if len(p.RequiredSkills) > maxEventSkills {
		return GoalChanged{}, bus.Malformedf("goal.changed carries %d required skills, over the limit %d", len(p.RequiredSkills), maxEventSkills)
	}
	req, err := cleanSkills(p.RequiredSkills, canon)
	if err != nil {
		return GoalChanged{}, err
	}
	return GoalChanged{UserID: p.UserID, GoalID: p.GoalID, Change: p.Change, Status: p.Status,
		Title: truncate(p.Title, maxTitleLen), TargetRoleID: p.TargetRoleID,
		TargetRoleTitle: truncate(p.TargetRoleTitle, maxTitleLen), RequiredSkills: req}, nil
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
			return nil, bus.Malformedf("skill name longer than %d characters", maxNameLen)
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

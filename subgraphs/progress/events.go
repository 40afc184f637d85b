package progress

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/careercoach/coach/internal/bus"
)

// ConsumerGroup is the bus consumer group (and idempotency key) of progress.
const ConsumerGroup = "progress"

// The event payloads progress reads and writes; the contract is bus's.
type (
	CourseCatalogued         = bus.CourseCataloguedPayload
	GoalChanged              = bus.GoalChangedPayload
	CVAnalyzedEvent          = bus.CVAnalyzedPayload
	CVSkill                  = bus.CVSkill
	ProfileEvent             = bus.SkillProfileChangedPayload
	ProfileEventSkill        = bus.ProfileSkill
	UserDeletedEvent         = bus.UserDeletedPayload
	EnrollmentCompletedEvent = bus.EnrollmentCompletedPayload
)

// EventStore is what the event handlers write through, inside the
// transaction that records the event processed.
type EventStore interface {
	// ApplyCourse keeps a catalogued course.
	ApplyCourse(ctx context.Context, tx *sql.Tx, c Course) error
	// ApplyGoalChanged keeps (or forgets) the goal milestones hang off.
	ApplyGoalChanged(ctx context.Context, tx *sql.Tx, g GoalChanged) error
	// ApplyCVAnalyzed records the analysis in the activity feed, keeps the
	// CV's skills as evidence and publishes the changed skill profile.
	ApplyCVAnalyzed(ctx context.Context, tx *sql.Tx, p CVAnalyzedEvent, at time.Time) error
	// PurgeUser deletes every row of the user.
	PurgeUser(ctx context.Context, tx *sql.Tx, userID string) error
}

// EventHandlers are the domain events progress reads, each applied in the
// transaction that records it processed.
func EventHandlers(st EventStore) bus.Handlers {
	return bus.Handlers{
		bus.CourseCatalogued: bus.On(func(ctx context.Context, tx *sql.Tx, _ bus.Event, p CourseCatalogued) error {
			if p.Retired {
				// Progress keeps what it knows: enrolments and completions
				// of a retired course stay history with their title and skills.
				return nil
			}
			c, err := ParseCourseCatalogued(p)
			if err != nil {
				return err
			}
			return st.ApplyCourse(ctx, tx, c)
		}),
		bus.GoalChanged: bus.On(func(ctx context.Context, tx *sql.Tx, _ bus.Event, p GoalChanged) error {
			return st.ApplyGoalChanged(ctx, tx, p)
		}),
		bus.CVAnalyzed: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, p CVAnalyzedEvent) error {
			at := ev.OccurredAt
			if at.IsZero() {
				at = time.Now()
			}
			return st.ApplyCVAnalyzed(ctx, tx, ParseCVAnalyzed(p), at)
		}),
		bus.UserDeleted: bus.On(func(ctx context.Context, tx *sql.Tx, _ bus.Event, p UserDeletedEvent) error {
			return st.PurgeUser(ctx, tx, p.UserID)
		}),
	}
}

// NewProfileEvent describes profile.
func NewProfileEvent(userID string, profile []ProfileSkill, at time.Time) ProfileEvent {
	ev := ProfileEvent{UserID: userID, Skills: make([]ProfileEventSkill, 0, len(profile)), UpdatedAt: at.UTC()}
	for _, s := range profile {
		ev.Skills = append(ev.Skills, ProfileEventSkill{Name: s.Name, Level: s.Level, Confidence: s.Confidence})
	}
	return ev
}

// ParseCourseCatalogued cleans a course.catalogued payload; a duration out
// of range makes it malformed.
func ParseCourseCatalogued(p CourseCatalogued) (Course, error) {
	if math.IsNaN(p.DurationHours) || p.DurationHours < 0 || p.DurationHours > MaxCourseHours {
		return Course{}, bus.Malformedf("course.catalogued %s: durationHours %v out of range", p.CourseID, p.DurationHours)
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

// ParseCVAnalyzed bounds and cleans a cv.analyzed payload: the event is
// another service's input.
func ParseCVAnalyzed(p CVAnalyzedEvent) CVAnalyzedEvent {
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
	return p
}

// CVActivityTitle is the feed line for an analysed CV.
func CVActivityTitle(score *int) string {
	if score == nil {
		return "CV analysed"
	}
	return fmt.Sprintf("CV analysed (score %d)", *score)
}

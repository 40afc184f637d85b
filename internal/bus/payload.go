package bus

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The payloads of the domain events: the contract between producer and
// consumers, written once. A producer builds its event with [NewEvent]; a
// consumer reads it with [Decode] (or a handler made by [On]), which checks
// what every consumer relies on. What a consumer additionally trims or
// clamps is its own business; when it refuses a payload it returns an error
// wrapping [ErrMalformed].

// ErrMalformed marks an event that can never be handled: its payload does
// not decode or lacks what the contract requires. Retrying cannot help, so
// [Idempotent] logs it, records it as processed and acknowledges it.
var ErrMalformed = errors.New("malformed event")

// MaxIDLen bounds every id an event carries.
const MaxIDLen = 100

// Payload is implemented by the pointer of every payload type.
type Payload interface {
	// EventType is the event type the payload belongs to.
	EventType() string
	// check reports what breaks the contract; subject is the event's.
	check(subject string) error
}

// SkillLevel is a skill and a level 1..5.
type SkillLevel struct {
	Name  string `json:"name"`
	Level int    `json:"level"`
}

// UserDeletedPayload is the payload of user.deleted (subject: the user).
type UserDeletedPayload struct {
	UserID string `json:"userId"`
}

// CVSkill is a skill of an analysed CV with the first text that shows it.
type CVSkill struct {
	Name  string `json:"name"`
	Level int    `json:"level"`
	// Evidence lets progress count a CV claim with evidence more than a
	// bare keyword. A skill the user stated has none.
	Evidence string `json:"evidence,omitempty"`
	// Source is "user" for a skill the user stated in a correction.
	Source string `json:"source,omitempty"`
}

// CVAnalyzedPayload is the payload of cv.analyzed (subject: the user).
type CVAnalyzedPayload struct {
	UserID         string    `json:"userId"`
	CVID           string    `json:"cvId"`
	Score          *int      `json:"score"`
	Seniority      string    `json:"seniority"`
	Skills         []CVSkill `json:"skills"`
	SuggestedRoles []string  `json:"suggestedRoles"`
}

// Goal change kinds in goal.changed.
const (
	GoalCreated = "created"
	GoalUpdated = "updated"
	GoalDeleted = "deleted"
)

// GoalChangedPayload is the payload of goal.changed (subject: the user). It
// carries the target role's required skills so consumers can compute the
// gap without knowing the role catalogue.
type GoalChangedPayload struct {
	UserID          string       `json:"userId"`
	GoalID          string       `json:"goalId"`
	Change          string       `json:"change"` // GoalCreated, GoalUpdated or GoalDeleted
	Status          string       `json:"status"`
	Title           string       `json:"title"`
	TargetRoleID    string       `json:"targetRoleId"`
	TargetRoleTitle string       `json:"targetRoleTitle"`
	RequiredSkills  []SkillLevel `json:"requiredSkills"`
}

// EnrollmentCompletedPayload is the payload of enrollment.completed
// (subject: the user).
type EnrollmentCompletedPayload struct {
	UserID      string    `json:"userId"`
	CourseID    string    `json:"courseId"`
	Skills      []string  `json:"skills"`
	CompletedAt time.Time `json:"completedAt"`
}

// CourseCataloguedPayload is the payload of course.catalogued (subject: the
// course). A course dropped from the catalogue is announced once more with
// Retired set, so that consumers stop offering it.
type CourseCataloguedPayload struct {
	CourseID string   `json:"courseId"`
	Title    string   `json:"title"`
	Skills   []string `json:"skills"`
	// DurationHours 0 means the source states no length: unknown, not zero.
	DurationHours float64 `json:"durationHours"`
	Retired       bool    `json:"retired,omitempty"`
	// Level lets progress count a completed course at its level.
	Level string `json:"level"`
}

// ProfileSkill is one skill of a combined skill profile.
type ProfileSkill struct {
	Name       string  `json:"name"`
	Level      int     `json:"level"`
	Confidence float64 `json:"confidence"`
}

// SkillProfileChangedPayload is the payload of skillprofile.changed
// (subject: the user): the whole profile, so a consumer replaces what it
// holds and never merges.
type SkillProfileChangedPayload struct {
	UserID    string         `json:"userId"`
	Skills    []ProfileSkill `json:"skills"`
	UpdatedAt time.Time      `json:"updatedAt"`
}

// EventType implements Payload.
func (*UserDeletedPayload) EventType() string { return UserDeleted }

// EventType implements Payload.
func (*CVAnalyzedPayload) EventType() string { return CVAnalyzed }

// EventType implements Payload.
func (*GoalChangedPayload) EventType() string { return GoalChanged }

// EventType implements Payload.
func (*EnrollmentCompletedPayload) EventType() string { return EnrollmentCompleted }

// EventType implements Payload.
func (*CourseCataloguedPayload) EventType() string { return CourseCatalogued }

// EventType implements Payload.
func (*SkillProfileChangedPayload) EventType() string { return SkillProfileChanged }

func (p *UserDeletedPayload) check(subject string) error {
	if p.UserID == "" {
		p.UserID = subject // the subject is always the user
	}
	return checkUser(p.UserID, subject)
}

func (p *CVAnalyzedPayload) check(subject string) error {
	return errors.Join(checkUser(p.UserID, subject), checkID("cvId", p.CVID))
}

func (p *GoalChangedPayload) check(subject string) error {
	err := errors.Join(checkUser(p.UserID, subject), checkID("goalId", p.GoalID))
	switch p.Change {
	case GoalCreated, GoalUpdated, GoalDeleted:
	default:
		err = errors.Join(err, fmt.Errorf("change %q is not %s, %s or %s", p.Change, GoalCreated, GoalUpdated, GoalDeleted))
	}
	return err
}

func (p *EnrollmentCompletedPayload) check(subject string) error {
	return errors.Join(checkUser(p.UserID, subject), checkID("courseId", p.CourseID))
}

func (p *CourseCataloguedPayload) check(subject string) error {
	if err := checkID("courseId", p.CourseID); err != nil {
		return err
	}
	if subject != "" && subject != p.CourseID {
		return fmt.Errorf("subject %q differs from courseId %q", subject, p.CourseID)
	}
	return nil
}

func (p *SkillProfileChangedPayload) check(subject string) error {
	return checkUser(p.UserID, subject)
}

func checkID(what, id string) error {
	if strings.TrimSpace(id) == "" || len(id) > MaxIDLen {
		return fmt.Errorf("%s: want a non-empty id of at most %d bytes", what, MaxIDLen)
	}
	return nil
}

// checkUser checks a user-keyed event: the subject, when set, is the user.
func checkUser(userID, subject string) error {
	if err := checkID("userId", userID); err != nil {
		return err
	}
	if subject != "" && subject != userID {
		return fmt.Errorf("subject %q differs from userId %q", subject, userID)
	}
	return nil
}

// payloadPtr is satisfied by *P for every payload type P.
type payloadPtr[P any] interface {
	*P
	Payload
}

// NewEvent returns the event of type p.EventType() about subject carrying
// p, after checking p against the contract (a producer's bug is caught
// before the event leaves). Enqueue fills its id and time.
func NewEvent[P any, PP payloadPtr[P]](subject string, p P) (Event, error) {
	pp := PP(&p)
	if err := pp.check(subject); err != nil {
		return Event{}, fmt.Errorf("building %s event: %w", pp.EventType(), err)
	}
	raw, err := json.Marshal(pp)
	if err != nil {
		return Event{}, fmt.Errorf("encoding %s event: %w", pp.EventType(), err)
	}
	return Event{Type: pp.EventType(), Subject: subject, Payload: raw}, nil
}

// Decode reads ev's payload as P and checks it against the contract. Any
// failure wraps ErrMalformed. An empty or null payload decodes as the zero
// P (a user.deleted event then names its user by its subject).
func Decode[P any, PP payloadPtr[P]](ev Event) (P, error) {
	var p P
	pp := PP(&p)
	if ev.Type != pp.EventType() {
		return p, fmt.Errorf("%w: %s event %s decoded as %s", ErrMalformed, ev.Type, ev.ID, pp.EventType())
	}
	if len(ev.Payload) > 0 {
		if err := json.Unmarshal(ev.Payload, pp); err != nil {
			return p, fmt.Errorf("%w: %s event %s: %w", ErrMalformed, ev.Type, ev.ID, err)
		}
	}
	if err := pp.check(ev.Subject); err != nil {
		return p, fmt.Errorf("%w: %s event %s: %w", ErrMalformed, ev.Type, ev.ID, err)
	}
	return p, nil
}

// Malformedf returns an error wrapping ErrMalformed, for a consumer that
// refuses a payload the contract allows.
func Malformedf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
}

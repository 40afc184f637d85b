// Package planning is the Career Planning domain: career goals, the role
// catalogue and the transitions between roles (career paths), skill gaps,
// learning paths, job-market insights and interview practice.
//
// Reference data (roles, market figures, interview questions) is embedded
// (data/*.json, loaded once by Load). Per-user data (goals, practice
// history) and the read models fed by other services' events (the user's
// skill profile from skillprofile.changed, which courses teach which skill from
// course.catalogued) live in the store. graph/ serves GraphQL.
package planning

import (
	"context"
	"database/sql"
	"time"
)

// GoalStatus is where a career goal stands.
type GoalStatus string

// Goal statuses, as GraphQL names them.
const (
	GoalActive    GoalStatus = "ACTIVE"
	GoalAchieved  GoalStatus = "ACHIEVED"
	GoalPaused    GoalStatus = "PAUSED"
	GoalAbandoned GoalStatus = "ABANDONED"
)

// Valid reports whether s is one of the statuses.
func (s GoalStatus) Valid() bool {
	switch s {
	case GoalActive, GoalAchieved, GoalPaused, GoalAbandoned:
		return true
	}
	return false
}

// Goal is a user's career goal: a target role by a date.
type Goal struct {
	ID           string
	UserID       string
	Title        string
	Description  string
	TargetRoleID string
	TargetDate   *time.Time
	Status       GoalStatus
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// GoalInput creates a goal (all set) or updates one (nil fields keep their value).
type GoalInput struct {
	Title        *string
	Description  *string
	TargetRoleID *string
	TargetDate   *time.Time
	ClearDate    bool // update: remove the target date
	Status       *GoalStatus
}

// SkillLevel is a skill by canonical name with a level 1–5.
type SkillLevel struct {
	Name  string `json:"name"`
	Level int    `json:"level"`
}

// SkillBasis says where a role's required skill comes from: one of the
// Source* names, and the rating or rule in words.
type SkillBasis struct {
	Source string
	Basis  string
}

// UserSkills is the read model of a user's skill profile (owned by the
// progress service, fed by skillprofile.changed); CVID is empty since the
// profile combines more than the CV, AnalyzedAt is when it last changed.
type UserSkills struct {
	UserID     string
	CVID       string
	Skills     []SkillLevel
	AnalyzedAt time.Time
}

// ReadinessPoint is a user's readiness for a role at one time.
type ReadinessPoint struct {
	Readiness int
	At        time.Time
}

// Readiness history page bounds.
const (
	DefaultReadinessHistory = 100
	MaxReadinessHistory     = 500
)

// CourseRef is a course that teaches a skill, from course.catalogued.
type CourseRef struct {
	CourseID      string
	Title         string
	DurationHours float64 // 0: the source states no length (unknown, never "0 hours")
}

// Attempt is one submitted interview answer with its feedback.
type Attempt struct {
	ID         string
	UserID     string
	QuestionID string
	Answer     string
	Feedback   Feedback
	CreatedAt  time.Time
}

// GoalStore keeps goals. Every method takes the owner's id: a goal of
// another user is ErrGoalNotFound, never their data.
type GoalStore interface {
	// CreateGoal stores g and enqueues goal.changed built by ev in the same
	// tx, unless the user already has an ACTIVE or PAUSED goal for the same
	// role: that goal is returned instead and nothing is written ("make X my
	// goal" twice is one goal). It returns the goal that now stands.
	CreateGoal(ctx context.Context, g *Goal, ev GoalEvent) (*Goal, error)
	// UpdateGoal loads the owner's goal, applies fn (which validates and
	// returns the event) and saves both in one transaction.
	UpdateGoal(ctx context.Context, userID, goalID string, fn func(g *Goal) (GoalEvent, error)) (*Goal, error)
	DeleteGoal(ctx context.Context, userID, goalID string, fn func(g *Goal) GoalEvent) error
	GoalsByUser(ctx context.Context, userID string) ([]*Goal, error)
	// GoalsByIDs returns the owner's goals among ids (others are absent).
	GoalsByIDs(ctx context.Context, userID string, ids []string) ([]*Goal, error)
}

// ReadModelStore answers from the read models other services' events feed.
type ReadModelStore interface {
	// UserSkills returns the skills of users (absent: no CV analysed yet).
	UserSkills(ctx context.Context, userIDs []string) (map[string]*UserSkills, error)
	// CoursesForSkills returns courses per canonical skill key, at most
	// perSkill each, shortest first.
	CoursesForSkills(ctx context.Context, keys []string, perSkill int) (map[string][]CourseRef, error)
	// ReadinessHistory returns the latest first readiness snapshots of the
	// user for roleID, oldest first.
	ReadinessHistory(ctx context.Context, userID, roleID string, first int) ([]ReadinessPoint, error)
}

// PracticeStore keeps interview practice history.
type PracticeStore interface {
	AddAttempt(ctx context.Context, a *Attempt) error
	// Attempts returns the user's latest first attempts, newest first; a
	// non-empty questionID keeps only that question's.
	Attempts(ctx context.Context, userID, questionID string, first int) ([]*Attempt, error)
}

// EventStore is what the event handlers (EventHandlers) write through,
// inside the idempotency transaction.
type EventStore interface {
	PurgeUser(ctx context.Context, tx *sql.Tx, userID string) error
	ReplaceUserSkills(ctx context.Context, tx *sql.Tx, us UserSkills, key func(string) string) error
	// RecordReadiness snapshots, for each role of the user's ACTIVE goals,
	// the readiness their current skills give, when it changed.
	RecordReadiness(ctx context.Context, tx *sql.Tx, userID string, at time.Time, readiness func(roleID string, skills []SkillLevel) (int, bool)) error
	UpsertCourse(ctx context.Context, tx *sql.Tx, c CourseCatalogued, key func(string) string) error
}

// Store is everything the planning service persists.
type Store interface {
	GoalStore
	ReadModelStore
	PracticeStore
	EventStore
	Ping(ctx context.Context) error
}

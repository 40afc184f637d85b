// Package progress is the Progress Tracking domain: course enrollments,
// goal milestones, skill assessments (self-rating and quizzes), the activity
// feed, streaks and the dashboard summary.
//
// Progress owns none of the things it tracks: it learns courses from the
// course.catalogued event and goal owners from goal.changed, into local read
// models, and refers to Course and CareerGoal as federation entities. The
// store/ package implements Store on SQL; graph/ serves GraphQL; rules that
// every adapter must apply the same way (validation, scoring, streaks) live
// here.
package progress

import (
	"context"
	"time"
)

// Course is progress's read model of a catalogue course.
type Course struct {
	ID            string
	Title         string
	Skills        []string
	DurationHours float64
	Level         string // BEGINNER, INTERMEDIATE, ADVANCED or "" (see CourseLevel)
}

// EnrollmentStatus is where a person is with a course.
type EnrollmentStatus string

// Enrollment statuses.
const (
	InProgress EnrollmentStatus = "IN_PROGRESS"
	Completed  EnrollmentStatus = "COMPLETED"
)

// Enrollment is a person taking a course.
type Enrollment struct {
	ID          string
	UserID      string
	CourseID    string
	Status      EnrollmentStatus
	Percent     int
	StartedAt   time.Time
	UpdatedAt   time.Time
	CompletedAt *time.Time
	// DurationHours is the course's length from the read model (0 when its
	// source states none, or progress has not heard of the course).
	DurationHours float64
	// HoursReported is the learning time the user reported with their steps.
	HoursReported float64
}

// HoursLearned is the learning time the user reported: hours count only
// when reported, never estimated from the percent and the course length.
func (e *Enrollment) HoursLearned() float64 {
	return e.HoursReported
}

// Milestone is a step towards a career goal.
type Milestone struct {
	ID          string
	GoalID      string
	UserID      string
	Title       string
	Description string
	DueDate     string // YYYY-MM-DD or ""
	Position    int
	AchievedAt  *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// AssessmentSource says how a skill level was obtained.
type AssessmentSource string

// Assessment sources.
const (
	SelfAssessed AssessmentSource = "SELF"
	QuizMeasured AssessmentSource = "QUIZ"
)

// Assessment is one measurement of a person's level in a skill.
type Assessment struct {
	ID      string
	UserID  string
	Skill   string // canonical taxonomy name
	Level   int    // 1–5
	Source  AssessmentSource
	Score   *int // percent, quizzes only
	Note    string
	TakenAt time.Time
}

// QuizAttempt is a quiz handed to one user; it is scored at most once.
type QuizAttempt struct {
	ID          string
	UserID      string
	Skill       string
	QuestionIDs []string
	StartedAt   time.Time
	ExpiresAt   time.Time
	SubmittedAt *time.Time
}

// ActivityKind classifies feed items.
type ActivityKind string

// Activity kinds.
const (
	CourseStarted     ActivityKind = "COURSE_STARTED"
	CourseProgressed  ActivityKind = "COURSE_PROGRESSED"
	CourseCompleted   ActivityKind = "COURSE_COMPLETED"
	MilestoneAchieved ActivityKind = "MILESTONE_ACHIEVED"
	CVAnalyzed        ActivityKind = "CV_ANALYZED"
	AssessmentTaken   ActivityKind = "ASSESSMENT_TAKEN"
)

// Activity is one item of a person's feed. Every item marks its UTC day as
// active for streaks.
type Activity struct {
	ID         string
	UserID     string
	Kind       ActivityKind
	RefID      string // course, milestone, CV or assessment id
	Title      string
	Hours      float64 // learning time the item represents (course progress)
	OccurredAt time.Time
}

// DayStat aggregates one UTC day of activity.
type DayStat struct {
	Day        time.Time // midnight UTC
	Activities int
	Hours      float64
}

// Totals are the counters of the dashboard that SQL aggregates.
type Totals struct {
	CoursesInProgress  int
	CoursesCompleted   int
	HoursLearned       float64
	MilestonesAchieved int
	MilestonesTotal    int
}

// MilestoneInput creates a milestone.
type MilestoneInput struct {
	GoalID      string
	Title       string
	Description string
	DueDate     string
}

// MilestoneUpdate changes the fields that are set; an empty DueDate clears it.
type MilestoneUpdate struct {
	Title       *string
	Description *string
	DueDate     *string
}

// Store is everything the progress service persists. Methods taking a
// userID act only on that user's rows: another user's object is NotFound.
type Store interface {
	// Read models fed by events.
	UpsertCourse(ctx context.Context, c Course) error
	CoursesByIDs(ctx context.Context, ids []string) (map[string]Course, error)
	GoalOwners(ctx context.Context, goalIDs []string) (map[string]string, error)

	Enroll(ctx context.Context, userID, courseID string, now time.Time) (*Enrollment, error)
	// UpdateCourseProgress and CompleteCourse log hours, the learning time
	// the user reports with the step (0 = none reported).
	UpdateCourseProgress(ctx context.Context, userID, courseID string, percent int, hours float64, now time.Time) (*Enrollment, error)
	CompleteCourse(ctx context.Context, userID, courseID string, hours float64, now time.Time) (*Enrollment, error)
	Enrollments(ctx context.Context, userID string, status *EnrollmentStatus) ([]*Enrollment, error)
	EnrollmentsForCourses(ctx context.Context, userID string, courseIDs []string) (map[string]*Enrollment, error)

	CreateMilestone(ctx context.Context, userID string, in MilestoneInput, now time.Time) (*Milestone, error)
	UpdateMilestone(ctx context.Context, userID, id string, upd MilestoneUpdate, now time.Time) (*Milestone, error)
	SetMilestoneAchieved(ctx context.Context, userID, id string, achieved bool, now time.Time) (*Milestone, error)
	ReorderMilestones(ctx context.Context, userID, goalID string, ids []string, now time.Time) ([]*Milestone, error)
	DeleteMilestone(ctx context.Context, userID, id string) error
	MilestonesForGoals(ctx context.Context, userID string, goalIDs []string) (map[string][]*Milestone, error)

	// SkillProfile combines all of the user's evidence (see Profiler.Build).
	SkillProfile(ctx context.Context, userID string, now time.Time) ([]ProfileSkill, error)

	AddAssessment(ctx context.Context, a *Assessment) error
	Assessments(ctx context.Context, userID string, skill string) ([]*Assessment, error)
	StartQuiz(ctx context.Context, a *QuizAttempt, maxPerDay int) (*QuizAttempt, error)
	// SubmitQuiz scores the attempt with score (called inside the
	// transaction that marks it submitted) and records the assessment.
	SubmitQuiz(ctx context.Context, userID, attemptID string, now time.Time, score func(*QuizAttempt) (*Assessment, error)) (*QuizAttempt, *Assessment, error)

	Activity(ctx context.Context, userID string, first int) ([]*Activity, error)
	ActiveDays(ctx context.Context, userID string) ([]time.Time, error)
	DayStats(ctx context.Context, userID string, since time.Time) ([]DayStat, error)
	Totals(ctx context.Context, userID string) (Totals, error)

	Ping(ctx context.Context) error
}

package progress

import "github.com/careercoach/coach/internal/apperr"

// Errors the store returns and adapters pass through (they carry extensions.code).
var (
	ErrCourseNotFound    = apperr.Errorf(apperr.NotFound, "course not found")
	ErrNotEnrolled       = apperr.Errorf(apperr.NotFound, "you are not enrolled in this course")
	ErrCourseCompleted   = apperr.Errorf(apperr.Conflict, "this course is already completed")
	ErrProgressBackwards = apperr.Errorf(apperr.Invalid, "progress can only increase")
	ErrGoalNotFound      = apperr.Errorf(apperr.NotFound, "goal not found")
	ErrMilestoneNotFound = apperr.Errorf(apperr.NotFound, "milestone not found")
	ErrTooManyMilestones = apperr.Errorf(apperr.Invalid, "a goal can have at most %d milestones", MaxMilestonesPerGoal)
	ErrReorderMismatch   = apperr.Errorf(apperr.Invalid, "list every milestone of the goal exactly once to reorder")
	ErrQuizNotFound      = apperr.Errorf(apperr.NotFound, "quiz not found")
	ErrQuizExpired       = apperr.Errorf(apperr.Invalid, "this quiz has expired; start a new one")
	ErrQuizSubmitted     = apperr.Errorf(apperr.Conflict, "this quiz was already submitted")
	ErrTooManyQuizzes    = apperr.Errorf(apperr.RateLimited, "you started %d quizzes for this skill today; try again tomorrow", MaxQuizzesPerSkillPerDay)
	ErrUnknownSkill      = apperr.Errorf(apperr.Invalid, "unknown skill")
	ErrNoQuizForSkill    = apperr.Errorf(apperr.NotFound, "there is no quiz for this skill yet")
	ErrConcurrentUpdate  = apperr.Errorf(apperr.Conflict, "this was changed at the same moment by another request; reload and try again")
)

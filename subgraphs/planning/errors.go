package planning

import "github.com/careercoach/coach/internal/apperr"

// Errors the store and domain return; adapters pass them through.
var (
	ErrGoalNotFound     = apperr.Errorf(apperr.NotFound, "goal not found")
	ErrRoleNotFound     = apperr.Errorf(apperr.NotFound, "role not found")
	ErrQuestionNotFound = apperr.Errorf(apperr.NotFound, "interview question not found")
	ErrTooManyGoals     = apperr.Errorf(apperr.Invalid, "you can have at most %d goals; delete one first", MaxGoalsPerUser)
)

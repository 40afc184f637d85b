package progress

import "time"

// Limits on inputs, so that no request can make the service store or
// compute without bound.
const (
	MaxIDLen                 = 100
	MaxTitleLen              = 200
	MaxDescriptionLen        = 2000
	MaxNoteLen               = 500
	MaxMilestonesPerGoal     = 100
	MaxBatch                 = 100 // entity representations, reorder ids
	DefaultActivityPage      = 20
	MaxActivityPage          = 100
	QuizQuestions            = 5
	QuizTTL                  = 15 * time.Minute
	MaxQuizzesPerSkillPerDay = 10
	MaxCourseHours           = 10000
	// MaxReportedHours bounds the learning time one progress report may log.
	MaxReportedHours = 200
	MaxCourseSkills  = 50
	// MaxCVSkills and MaxEvidenceLen bound what a cv.analyzed event stores.
	MaxCVSkills    = 300
	MaxEvidenceLen = 300
	// MaxAssessmentHistory bounds the assessments one request returns.
	MaxAssessmentHistory = 1000
	// WeeklySeriesWeeks is how many weeks the dashboard's activity series spans.
	WeeklySeriesWeeks = 12
)

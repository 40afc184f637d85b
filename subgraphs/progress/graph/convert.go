package graph

import (
	"github.com/careercoach/coach/subgraphs/progress"
	"github.com/careercoach/coach/subgraphs/progress/graph/model"
)

// The mappings from domain values to their GraphQL shapes.

func toEnrollment(e *progress.Enrollment) *model.Enrollment {
	if e == nil {
		return nil
	}
	out := &model.Enrollment{
		ID:           e.ID,
		Course:       &model.Course{ID: e.CourseID}, // an entity reference; courses resolves the rest
		Status:       model.EnrollmentStatus(e.Status),
		Percent:      e.Percent,
		HoursLearned: e.HoursLearned(),
		StartedAt:    e.StartedAt,
		UpdatedAt:    e.UpdatedAt,
		CompletedAt:  e.CompletedAt,
	}
	// Enrollments are only ever the caller's own, so the course reached
	// through one has exactly that enrollment as the viewer's.
	out.Course.MyEnrollment = out
	return out
}

func toMilestone(r *Resolver, m *progress.Milestone) *model.Milestone {
	out := &model.Milestone{
		ID:          m.ID,
		GoalID:      m.GoalID,
		Title:       m.Title,
		Description: m.Description,
		Position:    m.Position,
		Achieved:    m.AchievedAt != nil,
		AchievedAt:  m.AchievedAt,
		Overdue:     m.Overdue(r.Now()),
		CreatedAt:   m.CreatedAt,
	}
	if m.DueDate != "" {
		out.DueDate = &m.DueDate
	}
	return out
}

func toMilestones(r *Resolver, ms []*progress.Milestone) []*model.Milestone {
	out := make([]*model.Milestone, len(ms))
	for i, m := range ms {
		out[i] = toMilestone(r, m)
	}
	return out
}

func toAssessment(a *progress.Assessment) *model.SkillAssessment {
	out := &model.SkillAssessment{ID: a.ID, Skill: a.Skill, Level: a.Level, Source: model.AssessmentSource(a.Source),
		Score: a.Score, TakenAt: a.TakenAt}
	if a.Note != "" {
		out.Note = &a.Note
	}
	return out
}

func toActivity(a *progress.Activity) *model.ActivityItem {
	return &model.ActivityItem{ID: a.ID, Kind: model.ActivityKind(a.Kind), Title: a.Title, RefID: a.RefID,
		Hours: a.Hours, OccurredAt: a.OccurredAt}
}

func toSummary(s *progress.Summary) *model.ProgressSummary {
	out := &model.ProgressSummary{
		CoursesInProgress:  s.CoursesInProgress,
		CoursesCompleted:   s.CoursesCompleted,
		HoursLearned:       s.HoursLearned,
		HoursThisWeek:      s.HoursThisWeek,
		MilestonesAchieved: s.MilestonesAchieved,
		MilestonesTotal:    s.MilestonesTotal,
		CurrentStreak:      s.CurrentStreak,
		LongestStreak:      s.LongestStreak,
		WeeklyActivity:     make([]*model.WeeklyActivity, len(s.Weekly)),
		SkillLevels:        make([]*model.SkillLevelTrend, len(s.SkillHistories)),
	}
	for i, w := range s.Weekly {
		out.WeeklyActivity[i] = &model.WeeklyActivity{WeekStart: w.Start, ActiveDays: w.ActiveDays, Activities: w.Activities, Hours: w.Hours}
	}
	for i, h := range s.SkillHistories {
		t := &model.SkillLevelTrend{Skill: h.Skill, Current: h.Current(), Points: make([]*model.SkillLevelPoint, len(h.Points))}
		for j, p := range h.Points {
			t.Points[j] = &model.SkillLevelPoint{Level: p.Level, Source: model.AssessmentSource(p.Source), At: p.TakenAt}
		}
		out.SkillLevels[i] = t
	}
	return out
}

func toProfile(prof []progress.ProfileSkill) []*model.ProfileSkill {
	out := make([]*model.ProfileSkill, len(prof))
	for i, s := range prof {
		ps := &model.ProfileSkill{Name: s.Name, Level: s.Level, Confidence: s.Confidence, Sources: make([]*model.ProfileSkillSource, len(s.Sources))}
		for j, e := range s.Sources {
			ps.Sources[j] = &model.ProfileSkillSource{Source: model.SkillEvidenceSource(e.Source), Level: e.Level, Detail: e.Detail, UpdatedAt: e.At}
		}
		out[i] = ps
	}
	return out
}

func toQuiz(att *progress.QuizAttempt, qs []progress.ServedQuestion) *model.SkillQuiz {
	out := &model.SkillQuiz{ID: att.ID, Skill: att.Skill, ExpiresAt: att.ExpiresAt, Questions: make([]*model.SkillQuizQuestion, len(qs))}
	for i, q := range qs {
		// difficulty is the level in three steps (1–2 → 1, 3–4 → 2, 5 → 3), for old clients.
		out.Questions[i] = &model.SkillQuizQuestion{ID: q.ID, Prompt: q.Prompt, Choices: q.Choices, Level: q.Level, Difficulty: (q.Level + 1) / 2}
	}
	return out
}

func toQuizResult(a *progress.Assessment, s progress.Score) *model.SkillQuizResult {
	out := &model.SkillQuizResult{Assessment: toAssessment(a), Correct: s.Correct, Total: s.Total,
		Questions: make([]*model.SkillQuizQuestionResult, len(s.Results))}
	for i, q := range s.Results {
		out.Questions[i] = &model.SkillQuizQuestionResult{QuestionID: q.QuestionID, Level: q.Level, Correct: q.Correct,
			CorrectChoice: q.CorrectChoice, Explanation: q.Explanation}
	}
	return out
}

func toRubrics(rs []progress.Rubric) []*model.SkillRubric {
	out := make([]*model.SkillRubric, len(rs))
	for i, r := range rs {
		levels := make([]*model.SkillLevelDescription, len(r.Anchors))
		for j, a := range r.Anchors {
			levels[j] = &model.SkillLevelDescription{Level: progress.Levels[j].Level, Name: progress.Levels[j].Name, Description: a}
		}
		out[i] = &model.SkillRubric{Skill: r.Skill, Levels: levels}
	}
	return out
}

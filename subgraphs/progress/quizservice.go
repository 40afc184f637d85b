package progress

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/apperr"
)

// Quizzes is the service behind quizzes and rubrics: it decides which
// questions an attempt asks, scores it server-side once and records the
// measured level (which feeds the skill profile, see Profiler.Build).
// Resolvers only translate to and from GraphQL.
type Quizzes struct {
	Store   Store
	Bank    *Bank
	Rubrics *Rubrics
	Now     func() time.Time
}

// Start hands userID a quiz on skill (a canonical name), or their open
// attempt for it: a reload resumes the same questions in the same order and
// does not use up an attempt.
func (s *Quizzes) Start(ctx context.Context, userID, skill string) (*QuizAttempt, []ServedQuestion, error) {
	if len(s.Bank.Questions(skill)) == 0 {
		return nil, nil, ErrNoQuizForSkill
	}
	now := s.Now()
	att, err := s.Store.StartQuiz(ctx, &QuizAttempt{ID: uuid.NewString(), UserID: userID, Skill: skill,
		QuestionIDs: s.Bank.Pick(skill, rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))),
		StartedAt:   now, ExpiresAt: now.Add(QuizTTL)}, MaxQuizzesPerSkillPerDay)
	if err != nil {
		return nil, nil, fmt.Errorf("start %s quiz: %w", skill, err)
	}
	return att, s.Bank.Serve(att), nil
}

// Submit scores the caller's attempt once and records the measured level as
// a QUIZ assessment. Only the owner can submit: another user's attempt is
// not found.
func (s *Quizzes) Submit(ctx context.Context, userID, quizID string, answers []QuizAnswer) (*Assessment, Score, error) {
	if err := CheckID("quizId", quizID); err != nil {
		return nil, Score{}, err
	}
	if len(answers) > QuizQuestions {
		return nil, Score{}, apperr.Errorf(apperr.Invalid, "at most %d answers", QuizQuestions)
	}
	now := s.Now()
	var score Score
	_, a, err := s.Store.SubmitQuiz(ctx, userID, quizID, now, func(att *QuizAttempt) (*Assessment, error) {
		var err error
		if score, err = s.Bank.Grade(att, answers); err != nil {
			return nil, err
		}
		pct := score.Percent
		return &Assessment{UserID: userID, Skill: att.Skill, Level: score.Level, Source: QuizMeasured, Score: &pct, TakenAt: now}, nil
	})
	if err != nil {
		return nil, Score{}, fmt.Errorf("submit quiz: %w", err)
	}
	return a, score, nil
}

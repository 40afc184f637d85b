package planning

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/apperr"
)

// Practice is the interview practice service: it reviews answers (rules or
// the configured model), keeps each user's attempts and answers their
// history. Resolvers only translate to and from GraphQL.
type Practice struct {
	Catalog  *Catalog
	Reviewer Reviewer
	Store    PracticeStore
	Now      func() time.Time
}

// Submit reviews userID's answer to a question and records the attempt.
func (p *Practice) Submit(ctx context.Context, userID, questionID, answer string) (*Attempt, error) {
	q, ok := p.Catalog.Question(questionID)
	if !ok {
		return nil, ErrQuestionNotFound
	}
	answer, err := CheckAnswer(answer)
	if err != nil {
		return nil, err
	}
	fb, err := p.Reviewer.Review(ctx, q, answer)
	if err != nil {
		return nil, fmt.Errorf("reviewing an answer to %s: %w", q.ID, err)
	}
	a := &Attempt{ID: uuid.NewString(), UserID: userID, QuestionID: q.ID, Answer: answer, Feedback: fb, CreatedAt: p.Now().UTC()}
	if err := p.Store.AddAttempt(ctx, a); err != nil {
		return nil, fmt.Errorf("recording an interview attempt: %w", err)
	}
	return a, nil
}

// History returns userID's latest first attempts (1–MaxPracticePage), newest
// first; questionID, when set, keeps that question's (its scores over time).
// Only the user's own attempts are ever read.
func (p *Practice) History(ctx context.Context, userID, questionID string, first int) ([]*Attempt, error) {
	if first < 1 || first > MaxPracticePage {
		return nil, apperr.Errorf(apperr.Invalid, "first must be between 1 and %d", MaxPracticePage)
	}
	if questionID != "" {
		if _, ok := p.Catalog.Question(questionID); !ok {
			return nil, ErrQuestionNotFound
		}
	}
	as, err := p.Store.Attempts(ctx, userID, questionID, first)
	if err != nil {
		return nil, fmt.Errorf("loading interview history: %w", err)
	}
	return as, nil
}

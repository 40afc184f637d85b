package progress

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func loadBank(t *testing.T) *Bank {
	t.Helper()
	b, err := LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBankContents(t *testing.T) {
	b := loadBank(t)
	skills := b.Skills()
	if len(skills) < 25 {
		t.Fatalf("%d skills, want at least 25", len(skills))
	}
	for _, s := range skills {
		qs := b.Questions(s)
		if len(qs) < QuizQuestions {
			t.Errorf("%s: %d questions", s, len(qs))
		}
		levels := map[int]bool{}
		for _, q := range qs {
			levels[q.Difficulty] = true
		}
		if len(levels) < 2 {
			t.Errorf("%s: all questions have the same difficulty", s)
		}
	}
}

func attempt(b *Bank, skill string) *QuizAttempt {
	return &QuizAttempt{ID: "attempt-1", Skill: skill, QuestionIDs: b.Pick(skill, rand.New(rand.NewPCG(1, 2)))}
}

// correct returns the served index of the right answer for each question.
func correct(t *testing.T, b *Bank, a *QuizAttempt) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, sq := range b.Serve(a) {
		q := b.byID[sq.ID]
		for i, c := range sq.Choices {
			if c == q.Choices[q.Answer] {
				out[sq.ID] = i
			}
		}
	}
	return out
}

func TestServeHidesAnswers(t *testing.T) {
	b := loadBank(t)
	a := attempt(b, "Python")
	served := b.Serve(a)
	if len(served) != QuizQuestions {
		t.Fatalf("%d questions served", len(served))
	}
	for _, sq := range served {
		q := b.byID[sq.ID]
		if len(sq.Choices) != len(q.Choices) {
			t.Fatalf("%s: choices %v", sq.ID, sq.Choices)
		}
	}
	// The served position of the right answer depends on the attempt, so
	// the bank's layout (or a previous attempt) does not give it away.
	moved := false
	for i := range 20 {
		other := &QuizAttempt{ID: "attempt-" + strings.Repeat("x", i+2), Skill: a.Skill, QuestionIDs: a.QuestionIDs}
		c1, c2 := correct(t, b, a), correct(t, b, other)
		for id := range c1 {
			if c1[id] != c2[id] {
				moved = true
			}
		}
	}
	if !moved {
		t.Fatal("the right answer is at the same position in every attempt")
	}
}

func TestGrade(t *testing.T) {
	b := loadBank(t)
	a := attempt(b, "SQL")
	right := correct(t, b, a)
	all := func(wrong int) []QuizAnswer {
		var out []QuizAnswer
		for i, id := range a.QuestionIDs {
			c := right[id]
			if i < wrong {
				c = (c + 1) % len(b.byID[id].Choices)
			}
			out = append(out, QuizAnswer{QuestionID: id, Choice: c})
		}
		return out
	}
	tests := []struct {
		name        string
		answers     []QuizAnswer
		wantCorrect int
		wantLevel   int
		wantErr     bool
	}{
		{name: "all right", answers: all(0), wantCorrect: 5, wantLevel: 5},
		{name: "all wrong", answers: all(5), wantCorrect: 0, wantLevel: 1},
		{name: "none answered", answers: nil, wantCorrect: 0, wantLevel: 1},
		{name: "two wrong", answers: all(2), wantCorrect: 3},
		{name: "question outside the quiz", answers: []QuizAnswer{{QuestionID: "python-1", Choice: 0}}, wantErr: true},
		{name: "answered twice", answers: []QuizAnswer{{QuestionID: a.QuestionIDs[0]}, {QuestionID: a.QuestionIDs[0]}}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := b.Grade(a, tt.answers)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if s.Correct != tt.wantCorrect || s.Total != 5 || len(s.Results) != 5 {
				t.Fatalf("score %+v", s)
			}
			if tt.wantLevel != 0 && s.Level != tt.wantLevel {
				t.Fatalf("level %d, want %d", s.Level, tt.wantLevel)
			}
		})
	}
}

func TestLevelForPercent(t *testing.T) {
	for p, want := range map[int]int{0: 1, 19: 1, 20: 2, 59: 3, 60: 4, 79: 4, 80: 5, 100: 5} {
		if got := LevelForPercent(p); got != want {
			t.Errorf("LevelForPercent(%d) = %d, want %d", p, got, want)
		}
	}
}

func TestMilestoneValidate(t *testing.T) {
	tests := []struct {
		name    string
		in      MilestoneInput
		wantErr bool
	}{
		{name: "ok", in: MilestoneInput{GoalID: "g", Title: " Ship it ", DueDate: "2027-01-31"}},
		{name: "no title", in: MilestoneInput{GoalID: "g", Title: "  "}, wantErr: true},
		{name: "long title", in: MilestoneInput{GoalID: "g", Title: strings.Repeat("x", MaxTitleLen+1)}, wantErr: true},
		{name: "bad date", in: MilestoneInput{GoalID: "g", Title: "t", DueDate: "31/01/2027"}, wantErr: true},
		{name: "no goal", in: MilestoneInput{Title: "t"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.Validate()
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err == nil && got.Title != strings.TrimSpace(tt.in.Title) {
				t.Fatalf("title %q not trimmed", got.Title)
			}
		})
	}
}

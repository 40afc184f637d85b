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

// TestBankValidator feeds the loader's checks broken skills: each must be
// refused, so the shipped bank's passing says something.
func TestBankValidator(t *testing.T) {
	q := func(id string, level int) Question {
		return Question{ID: id, Level: level, Prompt: "Prompt " + id, Choices: []string{"a", "b", "c", "d"}, Answer: 1, Explanation: "Because."}
	}
	full := func(prefix string) []Question {
		return []Question{q(prefix+"1", 1), q(prefix+"2", 2), q(prefix+"3", 3), q(prefix+"4", 4), q(prefix+"5", 5)}
	}
	edit := func(f func(qs []Question)) []Question { qs := full("x"); f(qs); return qs }
	tests := []struct {
		name    string
		qs      []Question
		wantErr string
	}{
		{name: "valid", qs: full("x")},
		{name: "level missing", qs: full("x")[:4], wantErr: "no question at level 5"},
		{name: "level out of range", qs: edit(func(qs []Question) { qs[0].Level = 6 }), wantErr: "level 6"},
		{name: "no explanation", qs: edit(func(qs []Question) { qs[2].Explanation = " " }), wantErr: "no explanation"},
		{name: "no prompt", qs: edit(func(qs []Question) { qs[2].Prompt = "" }), wantErr: "no prompt"},
		{name: "answer not a choice", qs: edit(func(qs []Question) { qs[1].Answer = 4 }), wantErr: "not one of the choices"},
		{name: "two right answers", qs: edit(func(qs []Question) { qs[1].Choices = []string{"a", "b", "B ", "d"} }), wantErr: "repeated"},
		{name: "too few choices", qs: edit(func(qs []Question) { qs[1].Choices = []string{"a", "b"}; qs[1].Answer = 0 }), wantErr: "2 choices"},
		{name: "duplicate id", qs: append(full("x"), q("x1", 2)), wantErr: "duplicated"},
		{name: "duplicate prompt", qs: append(full("x"), Question{ID: "y", Level: 2, Prompt: "prompt  X1", Choices: []string{"a", "b", "c"}, Explanation: "e"}), wantErr: "repeats the prompt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Bank{bySkill: map[string][]Question{}, byID: map[string]Question{}, skillOf: map[string]string{}, fold: map[string]string{}, prompts: map[string]string{}}
			err := b.add(bankSkill{Skill: "Testing", Questions: tt.qs})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want one saying %q", err, tt.wantErr)
			}
		})
	}
}

func TestBankContents(t *testing.T) {
	b := loadBank(t)
	if n := len(b.Skills()); n < 150 {
		t.Fatalf("%d skills have a quiz, want at least 150", n)
	}
	// A quiz asks one question per level, so every skill's quiz is five questions.
	for _, s := range b.Skills() {
		if got := len(b.Pick(s, rand.New(rand.NewPCG(1, 2)))); got != QuizQuestions {
			t.Errorf("%s: a quiz has %d questions, want %d", s, got, QuizQuestions)
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
		{name: "the two easiest wrong", answers: all(2), wantCorrect: 3, wantLevel: 1},
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

func TestLevelFromResults(t *testing.T) {
	rs := func(correct ...bool) []QuestionResult {
		out := make([]QuestionResult, len(correct))
		for i, c := range correct {
			out[i] = QuestionResult{Level: i + 1, Correct: c}
		}
		return out
	}
	tests := []struct {
		name string
		rs   []QuestionResult
		want int
	}{
		{"all right", rs(true, true, true, true, true), 5},
		{"all wrong", rs(false, false, false, false, false), 1},
		{"only the basics", rs(true, true, false, false, false), 2},
		{"up to 4", rs(true, true, true, true, false), 4},
		{"one slip below is forgiven", rs(true, false, true, true, true), 5},
		{"two slips below are not forgiven", rs(false, false, true, true, true), 1},
		{"a lucky hard guess does not lift a weak base", rs(false, false, false, false, true), 1},
		{"unordered results", []QuestionResult{{Level: 3, Correct: true}, {Level: 1, Correct: true}, {Level: 2, Correct: true}}, 3},
		{"no results", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LevelFromResults(tt.rs); got != tt.want {
				t.Fatalf("level %d, want %d", got, tt.want)
			}
		})
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

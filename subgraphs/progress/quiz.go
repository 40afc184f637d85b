package progress

import (
	"embed"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/careercoach/coach/internal/apperr"
)

// The question bank is data written for this project: multiple-choice
// questions per skill, each with a difficulty from 1 (basics) to 3
// (practitioner). Skill names are canonical names of internal/skills.
//
//go:embed quizbank/*.json
var bankFiles embed.FS

// Question is one multiple-choice question of the bank.
type Question struct {
	ID          string   `json:"id"`
	Difficulty  int      `json:"difficulty"`
	Prompt      string   `json:"prompt"`
	Choices     []string `json:"choices"`
	Answer      int      `json:"answer"` // index into Choices as written in the bank
	Explanation string   `json:"explanation"`
}

type bankSkill struct {
	Skill     string     `json:"skill"`
	Questions []Question `json:"questions"`
}

// Bank is the loaded question bank; safe for concurrent use (read-only).
type Bank struct {
	bySkill map[string][]Question // canonical skill → questions
	byID    map[string]Question
	skillOf map[string]string // question id → skill
	fold    map[string]string // lower-case skill → canonical
}

// LoadBank parses and checks the embedded question bank.
func LoadBank() (*Bank, error) {
	b := &Bank{bySkill: map[string][]Question{}, byID: map[string]Question{}, skillOf: map[string]string{}, fold: map[string]string{}}
	err := fs.WalkDir(bankFiles, "quizbank", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := bankFiles.ReadFile(path)
		if err != nil {
			return err
		}
		var skills []bankSkill
		if err := json.Unmarshal(raw, &skills); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, s := range skills {
			if err := b.add(s); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load quiz bank: %w", err)
	}
	return b, nil
}

func (b *Bank) add(s bankSkill) error {
	if s.Skill == "" || b.bySkill[s.Skill] != nil {
		return fmt.Errorf("skill %q empty or listed twice", s.Skill)
	}
	if len(s.Questions) < QuizQuestions {
		return fmt.Errorf("skill %s has %d questions, want at least %d", s.Skill, len(s.Questions), QuizQuestions)
	}
	for _, q := range s.Questions {
		if _, dup := b.byID[q.ID]; dup || q.ID == "" {
			return fmt.Errorf("question id %q empty or duplicated", q.ID)
		}
		if q.Difficulty < 1 || q.Difficulty > 3 || q.Prompt == "" || len(q.Choices) < 2 || q.Answer < 0 || q.Answer >= len(q.Choices) {
			return fmt.Errorf("question %s is malformed", q.ID)
		}
		b.byID[q.ID] = q
		b.skillOf[q.ID] = s.Skill
	}
	b.bySkill[s.Skill] = s.Questions
	b.fold[strings.ToLower(s.Skill)] = s.Skill
	return nil
}

// Skills lists the skills that have a quiz, sorted.
func (b *Bank) Skills() []string {
	out := make([]string, 0, len(b.bySkill))
	for s := range b.bySkill {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Questions returns a skill's questions (nil if it has no quiz).
func (b *Bank) Questions(skill string) []Question { return b.bySkill[skill] }

// Canonical returns the bank's spelling of skill, ignoring case.
func (b *Bank) Canonical(skill string) (string, bool) {
	s, ok := b.fold[strings.ToLower(strings.TrimSpace(skill))]
	return s, ok
}

// Pick chooses the questions of a new attempt: QuizQuestions of the skill's
// questions in random order.
func (b *Bank) Pick(skill string, r *rand.Rand) []string {
	qs := b.bySkill[skill]
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	return ids[:min(QuizQuestions, len(ids))]
}

// ServedQuestion is a question as a client sees it: choices shuffled for the
// attempt, no answer.
type ServedQuestion struct {
	ID         string
	Prompt     string
	Choices    []string
	Difficulty int
}

// order is the permutation of a question's choices in one attempt. It is
// derived from the attempt id (random, unguessable) so that no storage is
// needed and serving and scoring agree; the bank's own answer position says
// nothing about the served one.
func order(attemptID string, q Question) []int {
	h := fnv.New64a()
	h.Write([]byte(attemptID + "\x00" + q.ID))
	r := rand.New(rand.NewPCG(h.Sum64(), 0x9e3779b97f4a7c15))
	return r.Perm(len(q.Choices))
}

// Serve returns an attempt's questions without answers, in the attempt's order.
func (b *Bank) Serve(a *QuizAttempt) []ServedQuestion {
	out := make([]ServedQuestion, 0, len(a.QuestionIDs))
	for _, id := range a.QuestionIDs {
		q, ok := b.byID[id]
		if !ok {
			continue // removed from the bank since the attempt started
		}
		perm := order(a.ID, q)
		choices := make([]string, len(perm))
		for i, p := range perm {
			choices[i] = q.Choices[p]
		}
		out = append(out, ServedQuestion{ID: q.ID, Prompt: q.Prompt, Choices: choices, Difficulty: q.Difficulty})
	}
	return out
}

// QuizAnswer is the served-choice index picked for a question.
type QuizAnswer struct {
	QuestionID string
	Choice     int
}

// QuestionResult tells, after submission, how one question went.
type QuestionResult struct {
	QuestionID    string
	Correct       bool
	CorrectChoice int // served index of the right answer
	Explanation   string
}

// Score is the outcome of a submitted quiz.
type Score struct {
	Correct, Total int
	Percent        int // difficulty-weighted
	Level          int
	Results        []QuestionResult
}

// Grade scores answers against an attempt. Questions left unanswered count
// as wrong; answers to questions not in the attempt are rejected, so that a
// client cannot pad a quiz with questions it knows.
func (b *Bank) Grade(a *QuizAttempt, answers []QuizAnswer) (Score, error) {
	if len(answers) > len(a.QuestionIDs) {
		return Score{}, apperr.Errorf(apperr.Invalid, "at most %d answers", len(a.QuestionIDs))
	}
	picked := map[string]int{}
	for _, ans := range answers {
		if !contains(a.QuestionIDs, ans.QuestionID) {
			return Score{}, apperr.Errorf(apperr.Invalid, "question %q is not part of this quiz", ans.QuestionID)
		}
		if _, dup := picked[ans.QuestionID]; dup {
			return Score{}, apperr.Errorf(apperr.Invalid, "question %q answered twice", ans.QuestionID)
		}
		picked[ans.QuestionID] = ans.Choice
	}
	var s Score
	weight, earned := 0, 0
	for _, id := range a.QuestionIDs {
		q, ok := b.byID[id]
		if !ok {
			continue
		}
		perm := order(a.ID, q)
		served := 0
		for i, p := range perm {
			if p == q.Answer {
				served = i
			}
		}
		choice, answered := picked[id]
		ok = answered && choice == served
		s.Total++
		weight += q.Difficulty
		if ok {
			s.Correct++
			earned += q.Difficulty
		}
		s.Results = append(s.Results, QuestionResult{QuestionID: id, Correct: ok, CorrectChoice: served, Explanation: q.Explanation})
	}
	if weight > 0 {
		s.Percent = earned * 100 / weight
	}
	s.Level = LevelForPercent(s.Percent)
	return s, nil
}

// LevelForPercent maps a weighted quiz score to the 1–5 scale in bands of 20.
func LevelForPercent(p int) int {
	return min(MaxLevel, max(MinLevel, p/20+1))
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

package progress

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/careercoach/coach/internal/apperr"
)

// The question bank is data written for this project: multiple-choice
// questions per skill, each graded by the skill level (1–5, see Levels) a
// person who answers it right has reached, so a quiz result is a level.
// Skill names are canonical names of internal/skills. Soft skills have no
// quiz: they get a behaviourally anchored rubric (rubric.go).
//
//go:embed quizbank/*.json
var bankFiles embed.FS

// Question is one multiple-choice question of the bank.
type Question struct {
	ID          string   `json:"id"`
	Level       int      `json:"level"` // 1–5: the level a right answer shows
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
	prompts map[string]string // normalised prompt → question id
}

// Bounds of a question's choices.
const (
	minChoices = 3
	maxChoices = 5
)

// LoadBank parses and checks the embedded question bank.
func LoadBank() (*Bank, error) {
	b := &Bank{bySkill: map[string][]Question{}, byID: map[string]Question{}, skillOf: map[string]string{},
		fold: map[string]string{}, prompts: map[string]string{}}
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

// add checks one skill's questions: unique ids and prompts, 3–5 distinct
// choices (so exactly one of them is the answer), an explanation, and at
// least one question at every level 1–5 (a quiz asks one per level).
func (b *Bank) add(s bankSkill) error {
	if s.Skill == "" || b.bySkill[s.Skill] != nil {
		return fmt.Errorf("skill %q empty or listed twice", s.Skill)
	}
	levels := map[int]bool{}
	for _, q := range s.Questions {
		if _, dup := b.byID[q.ID]; dup || q.ID == "" {
			return fmt.Errorf("question id %q empty or duplicated", q.ID)
		}
		if err := checkQuestion(q); err != nil {
			return fmt.Errorf("question %s: %w", q.ID, err)
		}
		key := foldText(q.Prompt)
		if other, dup := b.prompts[key]; dup {
			return fmt.Errorf("question %s repeats the prompt of %s", q.ID, other)
		}
		b.prompts[key] = q.ID
		levels[q.Level] = true
		b.byID[q.ID] = q
		b.skillOf[q.ID] = s.Skill
	}
	for l := MinLevel; l <= MaxLevel; l++ {
		if !levels[l] {
			return fmt.Errorf("skill %s has no question at level %d", s.Skill, l)
		}
	}
	b.bySkill[s.Skill] = s.Questions
	b.fold[strings.ToLower(s.Skill)] = s.Skill
	return nil
}

func checkQuestion(q Question) error {
	switch {
	case q.Level < MinLevel || q.Level > MaxLevel:
		return fmt.Errorf("level %d outside %d–%d", q.Level, MinLevel, MaxLevel)
	case strings.TrimSpace(q.Prompt) == "":
		return errors.New("no prompt")
	case strings.TrimSpace(q.Explanation) == "":
		return errors.New("no explanation")
	case len(q.Choices) < minChoices || len(q.Choices) > maxChoices:
		return fmt.Errorf("%d choices, want %d–%d", len(q.Choices), minChoices, maxChoices)
	case q.Answer < 0 || q.Answer >= len(q.Choices):
		return fmt.Errorf("answer %d is not one of the choices", q.Answer)
	}
	seen := map[string]bool{}
	for _, c := range q.Choices {
		k := foldText(c)
		if k == "" || seen[k] {
			return fmt.Errorf("choice %q empty or repeated: two right answers or a padded list", c)
		}
		seen[k] = true
	}
	return nil
}

// foldText compares texts case- and space-insensitively.
func foldText(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

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

// Pick chooses the questions of a new attempt: one question of each level
// 1–5, drawn at random among the skill's questions of that level, easiest
// first.
func (b *Bank) Pick(skill string, r *rand.Rand) []string {
	byLevel := map[int][]string{}
	for _, q := range b.bySkill[skill] {
		byLevel[q.Level] = append(byLevel[q.Level], q.ID)
	}
	ids := make([]string, 0, QuizQuestions)
	for l := MinLevel; l <= MaxLevel; l++ {
		if qs := byLevel[l]; len(qs) > 0 {
			ids = append(ids, qs[r.IntN(len(qs))])
		}
	}
	return ids
}

// ServedQuestion is a question as a client sees it: choices shuffled for the
// attempt, no answer.
type ServedQuestion struct {
	ID      string
	Prompt  string
	Choices []string
	Level   int
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
		out = append(out, ServedQuestion{ID: q.ID, Prompt: q.Prompt, Choices: choices, Level: q.Level})
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
	Level         int
	Correct       bool
	CorrectChoice int // served index of the right answer
	Explanation   string
}

// Score is the outcome of a submitted quiz.
type Score struct {
	Correct, Total int
	Percent        int // level-weighted: a level-5 question counts five times a level-1 one
	Level          int // see LevelFromResults
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
		if !slices.Contains(a.QuestionIDs, ans.QuestionID) {
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
		served := slices.Index(order(a.ID, q), q.Answer)
		choice, answered := picked[id]
		ok = answered && choice == served
		s.Total++
		weight += q.Level
		if ok {
			s.Correct++
			earned += q.Level
		}
		s.Results = append(s.Results, QuestionResult{QuestionID: id, Level: q.Level, Correct: ok, CorrectChoice: served, Explanation: q.Explanation})
	}
	if weight > 0 {
		s.Percent = earned * 100 / weight
	}
	s.Level = LevelFromResults(s.Results)
	return s, nil
}

// LevelFromResults maps a quiz's per-level results to the 1–5 scale: the
// measured level is the highest level L whose question was answered right
// with at most one miss among the questions below L (one slip is forgiven,
// two mean the basics are not secure). Nothing right is level 1, the floor
// of the scale (awareness).
func LevelFromResults(rs []QuestionResult) int {
	level := MinLevel
	for _, r := range rs {
		if !r.Correct || r.Level <= level {
			continue
		}
		missed := 0
		for _, below := range rs {
			if below.Level < r.Level && !below.Correct {
				missed++
			}
		}
		if missed <= 1 {
			level = r.Level
		}
	}
	return min(level, MaxLevel)
}

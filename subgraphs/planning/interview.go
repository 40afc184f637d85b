package planning

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Question kinds and difficulties, as GraphQL names them.
const (
	Behavioural = "BEHAVIOURAL"
	Technical   = "TECHNICAL"
)

// Difficulties in increasing order.
var Difficulties = []string{"EASY", "MEDIUM", "HARD"}

// Question is an interview question of the embedded bank.
type Question struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	Difficulty string   `json:"difficulty"`
	Skill      string   `json:"skill,omitempty"`      // technical questions: the skill they test
	Categories []string `json:"categories,omitempty"` // behavioural: role categories, "*" = all
	Text       string   `json:"text"`
	// Keywords are what a relevant answer talks about; "a|b" accepts either.
	Keywords []string `json:"keywords"`
	// KeyPoints, shown after an answer, say what a strong answer covers.
	KeyPoints []string `json:"keyPoints,omitempty"`
}

// Points returns what a strong answer covers: the written key points, or,
// for a question that has none yet, its key words and (behavioural) the
// STAR outline, so feedback never shows an empty list.
func (q *Question) Points() []string {
	if len(q.KeyPoints) > 0 {
		return q.KeyPoints
	}
	labels := make([]string, len(q.Keywords))
	for i, k := range q.Keywords {
		labels[i] = keywordLabel(k)
	}
	out := []string{"A strong answer touches on: " + strings.Join(labels, ", ") + "."}
	if q.Kind == Behavioural {
		out = append(out, "Situation and task: where you were and what you had to achieve.",
			"Action: what you did yourself, step by step.", "Result: what changed, with a figure, and what you learned.")
	}
	return out
}

func (c *Catalog) loadQuestions() error {
	raw, err := dataFiles.ReadFile("data/questions.json")
	if err != nil {
		return fmt.Errorf("read question bank: %w", err)
	}
	var qb struct {
		Questions []*Question `json:"questions"`
	}
	if err := json.Unmarshal(raw, &qb); err != nil {
		return fmt.Errorf("parse question bank: %w", err)
	}
	c.qByID = map[string]*Question{}
	for _, q := range qb.Questions {
		ok := q.ID != "" && q.Text != "" && len(q.Keywords) > 0 && slices.Contains(Difficulties, q.Difficulty)
		switch q.Kind {
		case Technical:
			ok = ok && q.Skill != ""
		case Behavioural:
			ok = ok && len(q.Categories) > 0
			for _, cat := range q.Categories {
				ok = ok && (cat == "*" || IsCategory(cat))
			}
		default:
			ok = false
		}
		if !ok {
			return fmt.Errorf("question bank: question %q is incomplete or has an unknown kind/difficulty/category", q.ID)
		}
		if c.qByID[q.ID] != nil {
			return fmt.Errorf("question bank: duplicate id %q", q.ID)
		}
		c.qByID[q.ID] = q
		c.questions = append(c.questions, q)
	}
	return nil
}

// Question returns a question by id.
func (c *Catalog) Question(id string) (*Question, bool) {
	q, ok := c.qByID[id]
	return q, ok
}

// QuestionFilter selects questions; zero fields match everything.
type QuestionFilter struct {
	Role       *Role
	Skill      string
	Difficulty string
	First      int
}

// Questions returns up to f.First questions matching f. For a role: its
// category's behavioural questions, and technical questions on the skills it
// requires taken in turn (each skill gets one before any gets a second, the
// skills needed at the highest level first), so a data scientist meets
// statistics, SQL and machine learning rather than five Python questions;
// two technical questions to every behavioural one. For a skill:
// the technical questions on it. The order is deterministic.
func (c *Catalog) Questions(f QuestionFilter) []*Question {
	skillKey := ""
	if f.Skill != "" {
		skillKey = c.Key(f.Skill)
	}
	var beh []*Question
	bySkill := map[string][]*Question{}
	var skillOrder []string // bank order when no role ranks the skills
	for _, q := range c.questions {
		if f.Difficulty != "" && q.Difficulty != f.Difficulty {
			continue
		}
		switch q.Kind {
		case Behavioural:
			if skillKey != "" {
				continue
			}
			if f.Role != nil && !slices.Contains(q.Categories, "*") && !slices.Contains(q.Categories, f.Role.Category) {
				continue
			}
			beh = append(beh, q)
		case Technical:
			k := c.Key(q.Skill)
			if skillKey != "" && k != skillKey {
				continue
			}
			if bySkill[k] == nil {
				skillOrder = append(skillOrder, k)
			}
			bySkill[k] = append(bySkill[k], q)
		}
	}
	if f.Role != nil {
		skillOrder = c.rankedSkillKeys(f.Role)
	}
	tech := roundRobin(skillOrder, bySkill)
	out := make([]*Question, 0, f.First)
	for b, t := 0, 0; len(out) < f.First && (b < len(beh) || t < len(tech)); {
		if b < len(beh) && (t >= len(tech) || len(out)%3 == 0) {
			out = append(out, beh[b])
			b++
			continue
		}
		out = append(out, tech[t])
		t++
	}
	return out
}

// rankedSkillKeys lists a role's skills by required level, highest first,
// the role's own order breaking ties.
func (c *Catalog) rankedSkillKeys(r *Role) []string {
	skills := slices.Clone(r.Skills)
	slices.SortStableFunc(skills, func(a, b SkillLevel) int { return b.Level - a.Level })
	keys := make([]string, len(skills))
	for i, s := range skills {
		keys[i] = c.Key(s.Name)
	}
	return keys
}

// roundRobin takes one question of each skill in order, then the second of
// each, and so on.
func roundRobin(order []string, bySkill map[string][]*Question) []*Question {
	var out []*Question
	for i := 0; ; i++ {
		added := false
		for _, k := range order {
			if qs := bySkill[k]; i < len(qs) {
				out = append(out, qs[i])
				added = true
			}
		}
		if !added {
			return out
		}
	}
}

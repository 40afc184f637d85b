package planning

import (
	"encoding/json"
	"fmt"
	"slices"
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
	Keywords   []string `json:"keywords"` // what a relevant answer talks about
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
				ok = ok && (cat == "*" || slices.Contains(Categories, cat))
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

// Questions returns up to f.First questions matching f: for a role, its
// category's behavioural questions and technical questions on skills it
// requires; for a skill, the technical questions on it. The two kinds are
// interleaved, each in bank order, so the result is deterministic.
func (c *Catalog) Questions(f QuestionFilter) []*Question {
	var roleSkills map[string]bool
	if f.Role != nil {
		roleSkills = map[string]bool{}
		for _, s := range f.Role.Skills {
			roleSkills[c.Key(s.Name)] = true
		}
	}
	skillKey := ""
	if f.Skill != "" {
		skillKey = c.Key(f.Skill)
	}
	var beh, tech []*Question
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
			if (skillKey != "" && k != skillKey) || (roleSkills != nil && !roleSkills[k]) {
				continue
			}
			tech = append(tech, q)
		}
	}
	// Interleave so a short page of a role's questions has both kinds.
	out := make([]*Question, 0, f.First)
	for i := 0; len(out) < f.First && (i < len(beh) || i < len(tech)); i++ {
		if i < len(beh) {
			out = append(out, beh[i])
		}
		if i < len(tech) && len(out) < f.First {
			out = append(out, tech[i])
		}
	}
	return out
}

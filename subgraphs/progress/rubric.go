package progress

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Soft skills (communication, leadership, negotiation, …) cannot be measured
// by multiple-choice questions: knowing the right answer is not doing it.
// They get a rubric instead: for each level 1–5 the behaviour that shows it,
// so a self-assessment is a choice between observable descriptions rather
// than a number. The rubrics are data written for this project.
//
//go:embed rubrics/*.json
var rubricFiles embed.FS

// Rubric describes one soft skill's levels by behaviour.
type Rubric struct {
	Skill   string   `json:"skill"`
	Anchors []string `json:"levels"` // Anchors[i] describes level i+1
}

// Rubrics is the loaded set of rubrics; read-only after LoadRubrics.
type Rubrics struct {
	bySkill map[string]Rubric
	fold    map[string]string
}

// LoadRubrics parses and checks the embedded rubrics: one per skill, an
// anchor for each of the five levels, no two anchors alike.
func LoadRubrics() (*Rubrics, error) {
	rs := &Rubrics{bySkill: map[string]Rubric{}, fold: map[string]string{}}
	entries, err := rubricFiles.ReadDir("rubrics")
	if err != nil {
		return nil, fmt.Errorf("load rubrics: %w", err)
	}
	for _, e := range entries {
		raw, err := rubricFiles.ReadFile("rubrics/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("load rubrics: %w", err)
		}
		var list []Rubric
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, fmt.Errorf("load rubrics: %s: %w", e.Name(), err)
		}
		for _, r := range list {
			if err := rs.add(r); err != nil {
				return nil, fmt.Errorf("load rubrics: %s: %w", e.Name(), err)
			}
		}
	}
	return rs, nil
}

func (rs *Rubrics) add(r Rubric) error {
	if r.Skill == "" || rs.fold[strings.ToLower(r.Skill)] != "" {
		return fmt.Errorf("rubric skill %q empty or listed twice", r.Skill)
	}
	if len(r.Anchors) != MaxLevel-MinLevel+1 {
		return fmt.Errorf("rubric %s has %d levels, want %d", r.Skill, len(r.Anchors), MaxLevel-MinLevel+1)
	}
	seen := map[string]bool{}
	for i, a := range r.Anchors {
		k := foldText(a)
		if k == "" || seen[k] {
			return fmt.Errorf("rubric %s level %d is empty or repeats another level", r.Skill, i+1)
		}
		seen[k] = true
	}
	rs.bySkill[r.Skill] = r
	rs.fold[strings.ToLower(r.Skill)] = r.Skill
	return nil
}

// Skills lists the skills that have a rubric, sorted.
func (rs *Rubrics) Skills() []string {
	out := make([]string, 0, len(rs.bySkill))
	for s := range rs.bySkill {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// For returns the rubric of a skill, ignoring case.
func (rs *Rubrics) For(skill string) (Rubric, bool) {
	r, ok := rs.bySkill[rs.fold[strings.ToLower(strings.TrimSpace(skill))]]
	return r, ok
}

// All returns every rubric, by skill name.
func (rs *Rubrics) All() []Rubric {
	out := make([]Rubric, 0, len(rs.bySkill))
	for _, s := range rs.Skills() {
		out = append(out, rs.bySkill[s])
	}
	return out
}

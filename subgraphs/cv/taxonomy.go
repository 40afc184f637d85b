package cv

import "github.com/careercoach/coach/internal/skills"

// Taxonomy adapts the shared skills taxonomy to SkillFinder.
type Taxonomy struct{ T *skills.Taxonomy }

// FindSkills returns the taxonomy's matches in text.
func (t Taxonomy) FindSkills(text string) []SkillMatch {
	ms := t.T.Find(text)
	out := make([]SkillMatch, len(ms))
	for i, m := range ms {
		out[i] = SkillMatch{Name: m.Skill.Name, Category: m.Skill.Category, Start: m.Start, End: m.End}
	}
	return out
}

// Canonical resolves a name or alias.
func (t Taxonomy) Canonical(name string) (string, bool) {
	s, ok := t.T.Lookup(name)
	return s.Name, ok
}

package planning

import "github.com/careercoach/coach/internal/skills"

// TaxonomyKey compares skills through the shared taxonomy: a known name or
// alias ("JS", "k8s") keys as its canonical name ("JavaScript",
// "Kubernetes"); a name the taxonomy does not know falls back to
// NormalizeSkill, so two spellings of it still meet.
func TaxonomyKey(t *skills.Taxonomy) SkillKeyFunc {
	return func(name string) string {
		if s, ok := t.Lookup(name); ok {
			return s.Name
		}
		return NormalizeSkill(name)
	}
}

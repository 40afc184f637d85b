package planning_test

import (
	"testing"

	"github.com/careercoach/coach/internal/skills"
)

// Every skill the hand-written datasets name (named roles' requirements,
// interview questions) must be a canonical name of the shared taxonomy,
// exactly: that name is a skill's identity in events and in the other
// services. Occupations' requirements use the taxonomy's name where it
// knows the skill and O*NET's otherwise (TestOccupationSkillNames).
func TestDatasetSkillsAreCanonical(t *testing.T) {
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := load(t)
	for _, name := range c.SkillNames() {
		s, ok := tax.Lookup(name)
		if !ok {
			t.Errorf("%q is not in the skills taxonomy", name)
		} else if s.Name != name {
			t.Errorf("%q resolves to %q; use the canonical name", name, s.Name)
		}
	}
}

package courses_test

import (
	"testing"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/courses"
)

// Every skill the catalogue names is a canonical name of the shared
// taxonomy, spelled exactly as the taxonomy spells it: skills are matched by
// name across services (cv.analyzed, goal.changed, course.catalogued).
func TestCatalogueSkillsAreCanonical(t *testing.T) {
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := courses.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	cat := shipped.Courses
	bad := map[string]string{}
	for _, c := range cat {
		for _, name := range c.Skills {
			s, ok := tax.Lookup(name)
			switch {
			case !ok:
				bad[name] = "not in the taxonomy"
			case s.Name != name:
				bad[name] = "is an alias of " + s.Name
			}
		}
	}
	for name, why := range bad {
		t.Errorf("catalogue skill %q %s", name, why)
	}
}

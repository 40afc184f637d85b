package cv

import (
	"slices"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/skills"
)

// TestFindSkillsContext: a skill's name inside a link, a list's label or
// the employer's name is not a skill; languages are not skills.
func TestFindSkillsContext(t *testing.T) {
	tx, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, skill string
		want              bool
	}{
		{"a link", "Ada Lovelace\ngithub.com/ada | ada@example.com\nExperience\nEngineer, Acme Ltd, 2019 – 2021", "GitHub", false},
		{"a link label", "LINKS\nGithub:// ada", "GitHub", false},
		{"GitHub used", "Experience\nEngineer, Acme Ltd, 2019 – 2021\n- Ran CI on GitHub Actions and GitHub", "GitHub", true},
		{"a list label", "Skills\nProgramming Languages: Go, Python", "Software Development", false},
		{"the label's items", "Skills\nProgramming Languages: Go, Python", "Python", true},
		{"the employer on the line below the title", "Work Experience\nCode Conjurer Intern Jun 2022 — Aug 2022\nBits & Bytes Consulting Silicon Suburb, CA\n• Built a mobile app", "Consulting", false},
		{"a language", "Languages\nSpanish (native), English (C1)", "Spanish", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var names []string
			for _, f := range FindSkills(tt.text, Parse(tt.text), Taxonomy{tx}, time.Now()) {
				names = append(names, f.Name)
			}
			if got := slices.Contains(names, tt.skill); got != tt.want {
				t.Errorf("skills %v: %s found %v, want %v", names, tt.skill, got, tt.want)
			}
		})
	}
}

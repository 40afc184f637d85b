package cv_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/cv"
)

var now = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func taxonomy(t testing.TB) cv.Taxonomy {
	t.Helper()
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cv.Taxonomy{T: tax}
}

func readText(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseSections(t *testing.T) {
	s := cv.Parse(readText(t, "ada.txt"))
	checks := []struct {
		name      string
		got, want any
	}{
		{"name", s.Contact.Name, "Ada Lovelace"},
		{"email", s.Contact.Email, "ada@example.com"},
		{"phone", s.Contact.Phone, "+49 30 1234 5678"},
		{"location", s.Contact.Location, "Berlin, Germany"},
		{"links", strings.Join(s.Contact.Links, " "), "linkedin.com/in/ada-lovelace https://github.com/ada"},
		{"summary starts", strings.HasPrefix(s.Summary, "Backend engineer with eight years"), true},
		{"positions", len(s.Experience), 3},
		{"education", len(s.Education), 2},
		{"skills items", strings.Join(s.Skills, ","), "Go,Python,Java,SQL,Docker,Kubernetes,Terraform,AWS,PostgreSQL,Redis,Git"},
		{"certifications", len(s.Certifications), 2},
		{"languages", strings.Join(s.Languages, ","), "English (fluent),German (native),French (B1)"},
		{"projects", len(s.Projects), 1},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v, want %v", c.got, c.want)
			}
		})
	}
	if t.Failed() {
		return
	}
	t.Run("positions in detail", func(t *testing.T) {
		want := []cv.Experience{
			{Title: "Senior Software Engineer", Company: "Acme Corp", StartDate: "2021-01", Current: true},
			{Title: "Software Engineer", Company: "Initech GmbH", StartDate: "2017-03", EndDate: "2020-12"},
			{Title: "Intern", Company: "Globex", StartDate: "2016", EndDate: "2016"},
		}
		for i, w := range want {
			g := s.Experience[i]
			if g.Title != w.Title || g.Company != w.Company || g.StartDate != w.StartDate || g.EndDate != w.EndDate || g.Current != w.Current {
				t.Errorf("position %d = %+v, want %+v", i, g, w)
			}
		}
		if b := s.Experience[0].Bullets; len(b) != 3 || !strings.HasSuffix(b[1], "on PostgreSQL and Kafka.") {
			t.Errorf("bullets %q (wrapped line not joined?)", b)
		}
	})
	t.Run("education in detail", func(t *testing.T) {
		e := s.Education[0]
		if e.Degree != "MSc Computer Science" || e.Institution != "Technical University of Munich" || e.StartDate != "2014" || e.EndDate != "2016" {
			t.Errorf("got %+v", e)
		}
	})
	t.Run("project", func(t *testing.T) {
		p := s.Projects[0]
		if p.Name != "gopher-queue" || p.Description != "a durable job queue for Go" || len(p.Bullets) != 1 {
			t.Errorf("got %+v", p)
		}
	})
}

func TestFindSkillsLevels(t *testing.T) {
	text := readText(t, "ada.txt")
	s := cv.Parse(text)
	found := cv.FindSkills(text, s, taxonomy(t), now)
	by := map[string]cv.SkillFinding{}
	for _, f := range found {
		by[f.Name] = f
	}
	tests := []struct {
		skill    string
		minLevel int
		maxLevel int
	}{
		{"Kubernetes", 4, 5}, // used at Acme for ~6 years (2021–now)
		{"Python", 4, 5},     // Initech 2017–2020
		{"Terraform", 2, 2},  // only listed
		{"Java", 2, 3},       // an internship ten years ago
	}
	for _, tt := range tests {
		t.Run(tt.skill, func(t *testing.T) {
			f, ok := by[tt.skill]
			if !ok {
				t.Fatalf("not found among %v", names(found))
			}
			if f.Level < tt.minLevel || f.Level > tt.maxLevel {
				t.Errorf("level %d (years %.1f, last %d), want %d..%d", f.Level, f.Years, f.LastUsed, tt.minLevel, tt.maxLevel)
			}
			if len(f.Evidence) == 0 || f.Evidence[0].Snippet == "" {
				t.Errorf("no evidence")
			}
		})
	}
	t.Run("evidence names the position", func(t *testing.T) {
		ev := by["Kubernetes"].Evidence
		if !slices.ContainsFunc(ev, func(e cv.Evidence) bool { return e.Where == "experience: Senior Software Engineer at Acme Corp" }) {
			t.Errorf("evidence %+v", ev)
		}
	})
}

func names(fs []cv.SkillFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

func TestOfflineAnalysis(t *testing.T) {
	tax := taxonomy(t)
	text := readText(t, "ada.txt")
	s := cv.Parse(text)
	o := cv.NewOffline(tax)
	o.Now = func() time.Time { return now }
	in := cv.AnalysisInput{Text: text, Sections: s, Skills: cv.FindSkills(text, s, tax, now)}
	a, err := o.Analyze(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	t.Run("reasons add up to the score", func(t *testing.T) {
		sum, maxSum := 0, 0
		for _, r := range a.ScoreReasons {
			sum += r.Points
			maxSum += r.MaxPoints
		}
		if sum != a.Score || maxSum != 100 {
			t.Errorf("sum %d max %d score %d", sum, maxSum, a.Score)
		}
	})
	t.Run("a strong CV scores high", func(t *testing.T) {
		if a.Score < 75 {
			t.Errorf("score %d: %+v", a.Score, a.ScoreReasons)
		}
	})
	t.Run("seniority", func(t *testing.T) {
		if a.Seniority != cv.SenioritySenior {
			t.Errorf("seniority %s", a.Seniority)
		}
	})
	t.Run("roles", func(t *testing.T) {
		if len(a.SuggestedRoles) == 0 || !slices.ContainsFunc(a.SuggestedRoles, func(r cv.RoleSuggestion) bool {
			return strings.Contains(r.Title, "Backend") || strings.Contains(r.Title, "DevOps")
		}) {
			t.Errorf("roles %+v", a.SuggestedRoles)
		}
	})
	t.Run("deterministic", func(t *testing.T) {
		b, _ := o.Analyze(context.Background(), in)
		if b.Score != a.Score || len(b.Suggestions) != len(a.Suggestions) {
			t.Errorf("second run differs")
		}
	})
	t.Run("an empty CV scores low with suggestions", func(t *testing.T) {
		e, _ := o.Analyze(context.Background(), cv.AnalysisInput{Text: "Jo Bloggs", Sections: cv.Parse("Jo Bloggs")})
		if e.Score > 20 || len(e.Suggestions) < 4 {
			t.Errorf("score %d suggestions %d", e.Score, len(e.Suggestions))
		}
	})
}

func TestOfflineRolesResolve(t *testing.T) {
	// Every role rule's skills must be canonical taxonomy names.
	tax := taxonomy(t)
	for _, name := range cv.RoleSkillNames() {
		if c, ok := tax.Canonical(name); !ok || c != name {
			t.Errorf("role skill %q resolves to %q, %v", name, c, ok)
		}
	}
}

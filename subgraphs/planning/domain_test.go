package planning_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/subgraphs/planning"
)

func TestCareerPath(t *testing.T) {
	c := load(t)
	role := func(id string) *planning.Role {
		t.Helper()
		if id == "not-in-catalogue" {
			return &planning.Role{ID: id}
		}
		r, ok := c.Role(id)
		if !ok {
			t.Fatalf("no role %s", id)
		}
		return r
	}
	tests := []struct {
		name     string
		from, to string
		want     string // role ids after from, comma-separated; "-" = unreachable
	}{
		{"same role", "data-analyst", "data-analyst", ""},
		{"one step", "data-analyst", "data-scientist", "data-scientist"},
		{"ladder", "junior-software-engineer", "staff-software-engineer", "software-engineer,senior-software-engineer,staff-software-engineer"},
		{"into management", "software-engineer", "director-of-engineering", "senior-software-engineer,engineering-manager,director-of-engineering"},
		{"cross-family", "high-school-teacher", "ux-designer", "instructional-designer,ux-designer"},
		{"unreachable", "not-in-catalogue", "registered-nurse", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := c.Path(role(tt.from), role(tt.to))
			if tt.want == "-" {
				if ok {
					t.Fatalf("found a path %+v", p.Steps)
				}
				return
			}
			if !ok {
				t.Fatal("no path")
			}
			var ids []string
			prev := tt.from
			for _, st := range p.Steps {
				if st.From.ID != prev {
					t.Errorf("step from %s, want %s", st.From.ID, prev)
				}
				prev = st.To.ID
				ids = append(ids, st.To.ID)
				for _, s := range st.SkillsToGain {
					if s.ToLevel <= s.FromLevel {
						t.Errorf("step %s→%s: %+v gains nothing", st.From.ID, st.To.ID, s)
					}
				}
			}
			if got := strings.Join(ids, ","); got != tt.want {
				t.Fatalf("path %s, want %s", got, tt.want)
			}
		})
	}
}

// The path is the cheapest by skills to gain, not the fewest hops.
func TestCareerPathIsCheapest(t *testing.T) {
	c := load(t)
	for _, from := range c.NamedRoles() {
		for _, to := range c.NamedRoles() {
			p, ok := c.Path(from, to)
			if !ok {
				continue
			}
			// Any direct transition must not be cheaper than the chosen path.
			for _, n := range from.Next {
				if n != to.ID || len(p.Steps) <= 1 {
					continue
				}
				direct := 1
				for _, s := range c.SkillsToGain(from, to) {
					direct += s.ToLevel - s.FromLevel
				}
				total := 0
				for _, st := range p.Steps {
					total++
					for _, s := range st.SkillsToGain {
						total += s.ToLevel - s.FromLevel
					}
				}
				if total > direct {
					t.Errorf("%s→%s: path costs %d, the direct step %d", from.ID, to.ID, total, direct)
				}
			}
		}
	}
}

func TestGap(t *testing.T) {
	c := load(t)
	r, _ := c.Role("frontend-developer") // HTML 4, CSS 4, JavaScript 4, TypeScript 3, React 4, Accessibility 3, Unit Testing 3, Git 3, REST APIs 2 = 30
	tests := []struct {
		name                    string
		skills                  []planning.SkillLevel
		matched, missing, under int
		readiness               int
	}{
		{"none", nil, 0, 9, 0, 0},
		{"all at level", []planning.SkillLevel{{"HTML", 4}, {"CSS", 4}, {"JavaScript", 5}, {"TypeScript", 3}, {"React", 4}, {"Accessibility", 3}, {"Unit Testing", 3}, {"Git", 3}, {"REST APIs", 2}}, 9, 0, 0, 100},
		{"partial", []planning.SkillLevel{{"html", 2}, {"javascript", 4}}, 1, 7, 1, 20},
		{"levels clamped", []planning.SkillLevel{{"HTML", 99}}, 1, 8, 0, 13},
		{"duplicate names keep the higher level", []planning.SkillLevel{{"CSS", 1}, {"css", 4}}, 1, 8, 0, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := c.Gap(r, tt.skills)
			if len(g.Matched) != tt.matched || len(g.Missing) != tt.missing || len(g.UnderLevel) != tt.under || g.Readiness != tt.readiness {
				t.Fatalf("matched %d missing %d under %d readiness %d, want %d %d %d %d",
					len(g.Matched), len(g.Missing), len(g.UnderLevel), g.Readiness, tt.matched, tt.missing, tt.under, tt.readiness)
			}
		})
	}
}

func TestLearningOrder(t *testing.T) {
	c := load(t)
	r, _ := c.Role("data-engineer")
	steps := planning.LearningOrder(c.Gap(r, []planning.SkillLevel{{"SQL", 2}}))
	if len(steps) != len(r.Skills) {
		t.Fatalf("%d steps", len(steps))
	}
	for i := 1; i < len(steps); i++ {
		if steps[i].TargetLevel < steps[i-1].TargetLevel {
			t.Errorf("step %d (%s %d) after a higher-level step", i+1, steps[i].Skill, steps[i].TargetLevel)
		}
		if steps[i].Position != i+1 {
			t.Errorf("position %d at index %d", steps[i].Position, i)
		}
	}
}

func TestRuleReviewer(t *testing.T) {
	c := load(t)
	beh, _ := c.Question("b-006")    // disagreement with a teammate
	tech, _ := c.Question("t-sql-2") // indexes
	tests := []struct {
		name        string
		q           *planning.Question
		answer      string
		minOverall  int
		maxOverall  int
		wantSuggest string // substring of some suggestion
	}{
		{"STAR answer", beh, "When I was at my last company our team had two engineers who disagreed about the conflict over API design. My task was to resolve it before the release. I set up a meeting, I listened to both, and I proposed a compromise we tested in 2 days. As a result we shipped on time and cut review time by 30%.", 4, 5, ""},
		{"vague answer", beh, "I think communication is important and people should get along.", 1, 2, "situation"},
		{"team not self", beh, "We had a conflict and we talked and we resolved it and we were happy with it in the end.", 1, 3, "\"I\""},
		{"technical on topic", tech, "An index is a B-tree over a column, so lookups avoid a full scan and the query plan uses it; but every write must update the index, and low selectivity columns gain little. I check EXPLAIN before adding one.", 4, 5, ""},
		{"technical off topic", tech, "I like working with databases and I have used many of them in my career for different projects.", 1, 2, "index"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fb, err := planning.RuleReviewer{}.Review(context.Background(), tt.q, tt.answer)
			if err != nil {
				t.Fatal(err)
			}
			if fb.Overall < tt.minOverall || fb.Overall > tt.maxOverall {
				t.Errorf("overall %d, want %d–%d: %+v", fb.Overall, tt.minOverall, tt.maxOverall, fb)
			}
			for _, s := range []planning.Score{fb.STAR, fb.Specificity, fb.Relevance} {
				if s.Score < 1 || s.Score > 5 || len(s.Reasons) == 0 {
					t.Errorf("dimension %+v", s)
				}
			}
			if tt.wantSuggest != "" && !strings.Contains(strings.Join(fb.Suggestions, " "), tt.wantSuggest) {
				t.Errorf("suggestions %q lack %q", fb.Suggestions, tt.wantSuggest)
			}
		})
	}
}

func TestParseEvents(t *testing.T) {
	t.Run("skillprofile.changed is sanitised", func(t *testing.T) {
		long := strings.Repeat("x", 101)
		us := planning.ParseSkillProfile(bus.SkillProfileChangedPayload{UserID: "u1", Skills: []bus.ProfileSkill{
			{Name: " Go ", Level: 9}, {Name: "", Level: 3}, {Name: long, Level: 2}, {Name: "SQL", Level: 0}}}, time.Unix(0, 0))
		if len(us.Skills) != 2 || us.Skills[0] != (planning.SkillLevel{Name: "Go", Level: 5}) || us.Skills[1].Level != 1 {
			t.Fatalf("skills %+v", us.Skills)
		}
	})
	t.Run("course.catalogued", func(t *testing.T) {
		c := planning.ParseCourseCatalogued(bus.CourseCataloguedPayload{CourseID: "c1", Title: "T", Skills: []string{"Go", " ", ""}, DurationHours: -3})
		if len(c.Skills) != 1 || c.DurationHours != 0 {
			t.Fatalf("%+v", c)
		}
	})
}

func TestNormalizeSkill(t *testing.T) {
	for a, b := range map[string]string{"Node.js": "node js", "CI/CD": "cicd", "C++": "c++", "C#": "C #"} {
		if planning.NormalizeSkill(a) != planning.NormalizeSkill(b) {
			t.Errorf("%q and %q differ", a, b)
		}
	}
	if planning.NormalizeSkill("C") == planning.NormalizeSkill("C++") || planning.NormalizeSkill("C#") == planning.NormalizeSkill("C++") {
		t.Error("C, C# and C++ must stay apart")
	}
}

func TestCheckAnswer(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"ok", "  a long enough answer  ", true},
		{"short", "short", false},
		{"too long", strings.Repeat("é", planning.MaxAnswerLen+1), false},
		{"max length in runes", strings.Repeat("é", planning.MaxAnswerLen), true},
		{"nul byte", "a long enough\x00answer", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := planning.CheckAnswer(tt.in); (err == nil) != tt.ok {
				t.Fatalf("CheckAnswer: %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

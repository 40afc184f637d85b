package jobad

import (
	"context"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/skills"
)

const matchAd = `Backend Developer

Requirements
- 3+ years of experience
- Python and SQL required
- Excellent communication skills
- Current BLS certification
- Bachelor's degree

Nice to have
- Docker
`

func matcher(t testing.TB) *Matcher {
	t.Helper()
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(tax, nil)
}

func parsed(t testing.TB, text string) *Ad {
	t.Helper()
	ad, err := parser(t).Parse(context.Background(), text, "")
	if err != nil {
		t.Fatal(err)
	}
	return ad
}

func item(t *testing.T, r Result, name string) Item {
	t.Helper()
	for _, it := range r.Items {
		if it.Requirement.Name == name {
			return it
		}
	}
	t.Fatalf("no item %q in %+v", name, r.Items)
	return Item{}
}

func TestMatch(t *testing.T) {
	m, ad := matcher(t), parsed(t, matchAd)
	prof := func(hs ...Held) Person { return Person{Skills: hs} }
	py := Held{Name: "Python", Level: 4, Source: "skill profile"}
	sql := Held{Name: "sql", Level: 3, Source: "skill profile", Evidence: "Wrote reports in SQL"}
	tests := []struct {
		name  string
		p     Person
		check func(t *testing.T, r Result)
	}{
		{"nothing known", Person{}, func(t *testing.T, r Result) {
			if r.Score != 0 || item(t, r, "Python").Status != Missing || item(t, r, "3+ years of experience").Status != Unknown {
				t.Errorf("score %d, items %+v", r.Score, r.Items)
			}
			if r.Coverage >= 1 || r.Coverage <= 0 {
				t.Errorf("coverage %v: experience and education are unknown, skills are not", r.Coverage)
			}
		}},
		{"met with evidence", prof(py, sql), func(t *testing.T, r Result) {
			it := item(t, r, "SQL")
			if it.Status != Met || it.Held == nil || it.Held.Evidence != "Wrote reports in SQL" || it.Gain != 0 || it.Advice != "" {
				t.Errorf("SQL item %+v", it)
			}
		}},
		{"a skill without a source is no evidence", prof(Held{Name: "Python", Level: 5}), func(t *testing.T, r Result) {
			if item(t, r, "Python").Status != Missing {
				t.Error("Python without a source counted")
			}
		}},
		{"below the level is partly met", prof(Held{Name: "Python", Level: 1, Source: "CV"}), func(t *testing.T, r Result) {
			it := item(t, r, "Python")
			if it.Status != Partly || it.Gain <= 0 || !strings.Contains(it.Advice, "level 1") {
				t.Errorf("Python item %+v", it)
			}
		}},
		{"the skill a certificate proves is not the certificate", prof(Held{Name: "Basic Life Support", Level: 3, Source: "quiz"}),
			func(t *testing.T, r Result) {
				if it := item(t, r, "BLS"); it.Status != Partly {
					t.Errorf("BLS item %+v", it)
				}
			}},
		{"everything known and met", Person{Skills: []Held{py, sql, {Name: "Communication", Level: 3, Source: "CV"}, {Name: "Docker", Level: 3, Source: "CV"}},
			Certifications: []Held{{Name: "BLS", Source: "CV"}}, Years: ptr(6.0), Education: EduMaster, EducationFrom: "CV"},
			func(t *testing.T, r Result) {
				if r.Score != 100 {
					t.Errorf("score %d, want 100: %+v", r.Score, r.Items)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := m.Match(ad, tt.p)
			tt.check(t, r)
			sum := 0.0
			for _, p := range r.Parts {
				if p.Scored {
					sum += p.Points
				}
				if len(p.Reasons) == 0 {
					t.Errorf("part %s has no reason", p.Part)
				}
			}
			for _, it := range r.Items {
				if it.Reason == "" || (it.Status != Met && it.Advice == "") {
					t.Errorf("item %s has no reason or advice: %+v", it.Requirement.Name, it)
				}
				if (it.Status == Met || it.Status == Unknown) && it.Gain != 0 {
					t.Errorf("item %s %s has gain %d", it.Requirement.Name, it.Status, it.Gain)
				}
			}
		})
	}
}

// Keyword stuffing: naming a skill twenty times in the ad, or holding it
// twice, changes nothing.
func TestMatchIgnoresStuffing(t *testing.T) {
	m := matcher(t)
	p := Person{Skills: []Held{{Name: "Python", Level: 3, Source: "CV"}}}
	base := m.Match(parsed(t, matchAd), p)
	stuffed := m.Match(parsed(t, matchAd+strings.Repeat("- Python\n", 20)), p)
	twice := m.Match(parsed(t, matchAd), Person{Skills: append(p.Skills, p.Skills...)})
	if base.Score != stuffed.Score || base.Score != twice.Score || len(base.Items) != len(stuffed.Items) {
		t.Errorf("scores %d / stuffed ad %d / held twice %d; items %d / %d", base.Score, stuffed.Score, twice.Score, len(base.Items), len(stuffed.Items))
	}
}

// The "what if" gain of a missing item is what the score becomes when it
// is met.
func TestMatchGain(t *testing.T) {
	m, ad := matcher(t), parsed(t, matchAd)
	p := Person{Skills: []Held{{Name: "Python", Level: 4, Source: "CV"}}}
	r := m.Match(ad, p)
	it := item(t, r, "SQL")
	after := m.Match(ad, Person{Skills: append(p.Skills, Held{Name: "SQL", Level: 4, Source: "CV"})})
	if it.Gain <= 0 || after.Score-r.Score != it.Gain {
		t.Errorf("SQL gain %d, but the score goes %d → %d", it.Gain, r.Score, after.Score)
	}
}

func ptr[T any](v T) *T { return &v }

// BenchmarkMatch is a full match offline: parse a real-sized ad and match
// it against a 60-skill profile. The goal is under 50 ms.
func BenchmarkMatch(b *testing.B) {
	p, m := parser(b), matcher(b)
	text := adText(b, "tech-backend-go")
	var person Person
	for _, s := range m.tax.All()[:60] {
		person.Skills = append(person.Skills, Held{Name: s.Name, Level: 3, Source: "skill profile"})
	}
	b.ResetTimer()
	for b.Loop() {
		ad, err := p.Parse(context.Background(), text, "")
		if err != nil {
			b.Fatal(err)
		}
		if r := m.Match(ad, person); len(r.Items) == 0 {
			b.Fatal("no items")
		}
	}
}

package planning_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// Every O*NET occupation with data is a role whose every required skill
// says where it comes from; the 51 named roles keep their ids.
func TestOccupationsAreRoles(t *testing.T) {
	c := load(t)
	sources := []string{planning.SourceONetSkill, planning.SourceONetKnowledge, planning.SourceONetTech, planning.SourceRelated, planning.SourceCatalogue}
	var occ int
	for _, r := range c.Roles("") {
		if !r.Occupation {
			continue
		}
		occ++
		if len(r.Skills) == 0 || len(r.Basis) != len(r.Skills) || !planning.IsCategory(r.Category) || r.ID != r.ONetSOC {
			t.Errorf("%s: %d skills, %d bases, category %q", r.ID, len(r.Skills), len(r.Basis), r.Category)
			continue
		}
		for i, s := range r.Skills {
			if s.Level < 1 || s.Level > planning.MaxLevel || !slices.Contains(sources, r.Basis[i].Source) || r.Basis[i].Basis == "" {
				t.Errorf("%s: skill %+v basis %+v", r.ID, s, r.Basis[i])
			}
		}
	}
	if occ < 800 {
		t.Errorf("%d occupations are roles, want at least 800", occ)
	}
	for _, id := range []string{"data-engineer", "junior-software-engineer", "registered-nurse"} {
		if r, ok := c.Role(id); !ok || r.Occupation {
			t.Errorf("named role %s: %v", id, ok)
		}
	}
}

// The requirements follow the O*NET ratings, and an occupation O*NET left
// unrated is labelled by what stands in.
func TestOccupationSkillsFollowTheRatings(t *testing.T) {
	c := load(t)
	ds, err := occupations.Load()
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]occupations.Occupation{}
	for _, o := range ds.Occupations {
		byCode[o.Code] = o
	}
	tests := []struct {
		code, skill, source string
		level               int
		inBasis             string
	}{
		// Registered Nurses rate Critical Thinking importance 4.00, level 4.12 → 4.12×5/7 = 2.9 → 3.
		{"29-1141.00", "Critical Thinking", planning.SourceONetSkill, 3, `O*NET 29.3 Skills "Critical Thinking": importance 4.00 of 5, level 4.12 of 7`},
		// O*NET's "Speaking" is the taxonomy's Communication.
		{"47-2111.00", "Communication", planning.SourceONetSkill, 2, `Skills "Speaking"`},
		{"47-2111.00", "Troubleshooting (O*NET)", planning.SourceONetSkill, 3, "importance 4.00 of 5, level 4.00 of 7"},
		// Software Developers: no ratings in 29.3; the hand-written role and related occupations stand in.
		{"15-1252.00", "Python", planning.SourceCatalogue, 3, `Career Coach role "Software Engineer"`},
		{"15-1252.00", "Software Development", planning.SourceRelated, 3, "related occupations 15-1299.08, 15-1251.00, 15-1211.00"},
		{"15-1252.00", "AWS", planning.SourceONetTech, 3, "Amazon Web Services AWS software hot technology, in demand"},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.skill, func(t *testing.T) {
			r, ok := c.Role(tt.code)
			if !ok {
				t.Fatal("no role")
			}
			i := slices.IndexFunc(r.Skills, func(s planning.SkillLevel) bool { return s.Name == tt.skill })
			if i < 0 {
				t.Fatalf("%s not required: %+v", tt.skill, r.Skills)
			}
			if r.Skills[i].Level != tt.level || r.Basis[i].Source != tt.source || !strings.Contains(r.Basis[i].Basis, tt.inBasis) {
				t.Errorf("level %d, %+v; want %d, %s, basis containing %q", r.Skills[i].Level, r.Basis[i], tt.level, tt.source, tt.inBasis)
			}
		})
	}
	// No rated occupation borrows; no unrated one claims its own ratings.
	for _, r := range c.Roles("") {
		if !r.Occupation {
			continue
		}
		rated := len(byCode[r.ID].Skills) > 0
		for _, b := range r.Basis {
			own := b.Source == planning.SourceONetSkill || b.Source == planning.SourceONetKnowledge
			borrowed := b.Source == planning.SourceRelated || b.Source == planning.SourceCatalogue
			if (rated && borrowed) || (!rated && own) {
				t.Errorf("%s (rated %v) has a %s requirement", r.ID, rated, b.Source)
				break
			}
		}
	}
}

// Market insights answer for at least 700 occupations; every figure is the
// dataset's, names its release file, and every missing one says why.
func TestOccupationInsights(t *testing.T) {
	c := load(t)
	ds, err := occupations.Load()
	if err != nil {
		t.Fatal(err)
	}
	bySOC := map[string]occupations.Market{}
	for _, m := range ds.Market {
		bySOC[m.SOC] = m
	}
	var withPay int
	for _, r := range c.Roles("") {
		in := c.Insights(r)
		figs := map[string]*planning.Figure{"medianPay": in.MedianPay, "pay10thPercentile": in.Pay10th, "pay25thPercentile": in.Pay25th,
			"pay75thPercentile": in.Pay75th, "pay90thPercentile": in.Pay90th, "employment": in.Employment,
			"projectedGrowthPercent": in.GrowthPercent, "annualOpenings": in.AnnualOpenings}
		missing := map[string]string{}
		for _, u := range in.Unavailable {
			missing[u.Figure] = u.Reason
		}
		for name, f := range figs {
			switch {
			case f == nil && missing[name] == "":
				t.Errorf("%s: %s is nil without a reason", r.ID, name)
			case f != nil && missing[name] != "":
				t.Errorf("%s: %s both given and unavailable", r.ID, name)
			case f != nil && (f.Source.File == "" || f.Source.Year == "" || f.Source.Date == "" || f.Source.URL == ""):
				t.Errorf("%s: %s source %+v", r.ID, name, f.Source)
			}
		}
		if (in.TypicalEducation == nil) == (missing["typicalEducation"] == "") {
			t.Errorf("%s: typical education %v, reason %q", r.ID, in.TypicalEducation, missing["typicalEducation"])
		}
		if in.MedianPay != nil {
			withPay++
			if w := bySOC[r.MarketSOC].Wages; w == nil || w.P50 == nil || float64(*w.P50) != in.MedianPay.Value || in.MedianPay.Source.File != "national_M2024_dl.xlsx" {
				t.Errorf("%s: median %v is not the release's", r.ID, in.MedianPay.Value)
			}
		}
	}
	if withPay < 700 {
		t.Errorf("%d roles with a median pay, want at least 700", withPay)
	}
	el, _ := c.Role("47-2111.00")
	if in := c.Insights(el); in.MedianPay == nil || in.MedianPay.Value != 62350 || in.MedianPay.Source.Year != "May 2024" {
		t.Errorf("electricians: %+v; OEWS May 2024 publishes a median of 62,350", in.MedianPay)
	}
}

func TestSearchRoles(t *testing.T) {
	c := load(t)
	tests := []struct {
		name, q, category string
		offset, first     int
		wantFirst         string // id of the first hit
		wantMatched       string // its matched title
		wantErr           bool
	}{
		{name: "alternate title", q: "RN", first: 5, wantFirst: "29-1141.00", wantMatched: "RN"},
		{name: "title prefix words", q: "electric", category: "CONSTRUCTION", first: 5, wantFirst: "47-2111.00", wantMatched: "Electricians"},
		{name: "named roles first", q: "data engin", first: 5, wantFirst: "data-engineer", wantMatched: "Data Engineer"},
		{name: "plural folding", q: "registered nurses", first: 5, wantFirst: "registered-nurse"},
		{name: "category filters", q: "nurse", category: "CONSTRUCTION", first: 5},
		{name: "offset past the end", q: "nurse", offset: 900, first: 5},
		{name: "empty query", q: "  ", first: 5, wantErr: true},
		{name: "query too long", q: strings.Repeat("a", planning.MaxSearchQuery+1), first: 5, wantErr: true},
		{name: "page too big", q: "nurse", first: planning.MaxSearchPage + 1, wantErr: true},
		{name: "negative offset", q: "nurse", offset: -1, first: 5, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, total, err := c.SearchRoles(tt.q, tt.category, tt.offset, tt.first)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if len(hits) > tt.first || total < len(hits) {
				t.Fatalf("%d hits of %d", len(hits), total)
			}
			if tt.wantFirst == "" {
				if len(hits) != 0 {
					t.Errorf("hits %v, want none", hits[0].Role.ID)
				}
				return
			}
			if len(hits) == 0 || hits[0].Role.ID != tt.wantFirst || (tt.wantMatched != "" && hits[0].MatchedTitle != tt.wantMatched) {
				t.Fatalf("first hit %+v, want %s (%s)", hits, tt.wantFirst, tt.wantMatched)
			}
			for _, h := range hits {
				if tt.category != "" && h.Role.Category != tt.category {
					t.Errorf("%s is in %s", h.Role.ID, h.Role.Category)
				}
			}
		})
	}
	// Pages do not overlap and add up to the total.
	all, total, _ := c.SearchRoles("nurse", "", 0, planning.MaxSearchPage)
	var paged []string
	for off := 0; off < total; off += 7 {
		hits, _, err := c.SearchRoles("nurse", "", off, 7)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			paged = append(paged, h.Role.ID)
		}
	}
	var want []string
	for _, h := range all {
		want = append(want, h.Role.ID)
	}
	if fmt.Sprint(paged[:len(want)]) != fmt.Sprint(want) || len(paged) != total {
		t.Errorf("pages %v, want %v (total %d)", paged, want, total)
	}
}

func TestRolesForTitle(t *testing.T) {
	c := load(t)
	tests := []struct{ title, want string }{
		{"RN", "29-1141.00"},
		{"Registered Nurse", "registered-nurse"},
		{"Journeyman Electrician", "47-2111.00"},
		{"Senior Java Developer at Acme", ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			got := c.RolesForTitle(tt.title)
			if tt.want == "" {
				if len(got) != 0 {
					t.Errorf("got %s, want none", got[0].ID)
				}
				return
			}
			if len(got) == 0 || got[0].ID != tt.want {
				t.Errorf("got %v, want %s first", got, tt.want)
			}
		})
	}
}

// Paths run over the whole graph: every step is a listed transition.
func TestPathsAcrossOccupations(t *testing.T) {
	c := load(t)
	nurse, _ := c.Role("29-1141.00")
	el, _ := c.Role("47-2111.00")
	p, ok := c.Path(nurse, el)
	if !ok || len(p.Steps) == 0 || p.Steps[len(p.Steps)-1].To != el {
		t.Fatalf("no path nurse → electrician: %v", ok)
	}
	for _, st := range p.Steps {
		if !slices.Contains(st.From.Next, st.To.ID) {
			t.Errorf("%s → %s is not a transition", st.From.ID, st.To.ID)
		}
	}
}

// The path finder answers in well under 100 ms on the whole graph.
func BenchmarkCareerPath(b *testing.B) {
	c, err := planning.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	roles := c.Roles("")
	i := 0
	for b.Loop() {
		from, to := roles[i%len(roles)], roles[(i*7919+13)%len(roles)]
		c.Path(from, to)
		i++
	}
}

// An occupation's skill is named as the taxonomy names it whenever the
// taxonomy knows it, so a CV's "JS" meets a requirement of JavaScript.
func TestOccupationSkillNames(t *testing.T) {
	tax, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := load(t)
	for _, r := range c.Roles("") {
		for _, s := range r.Skills {
			if k, ok := tax.Lookup(s.Name); ok && k.Name != s.Name {
				t.Errorf("%s requires %q, which the taxonomy names %q", r.ID, s.Name, k.Name)
			}
		}
	}
}

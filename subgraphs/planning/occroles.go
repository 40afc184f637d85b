package planning

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// Where a role's required skill comes from (RoleSkill.source in GraphQL).
const (
	SourceONetSkill     = "ONET_SKILL"          // O*NET Skills: importance and level rated for this occupation
	SourceONetKnowledge = "ONET_KNOWLEDGE"      // O*NET Knowledge, likewise
	SourceONetTech      = "ONET_TECHNOLOGY"     // O*NET Technology Skills: a hot technology (no level rated)
	SourceRelated       = "RELATED_OCCUPATIONS" // O*NET ratings of related occupations (this one is unrated)
	SourceCatalogue     = "CATALOGUE"           // Career Coach's hand-written role
)

// Rules that turn O*NET ratings into required skills; README "Roles from
// O*NET" explains them.
const (
	// minImportance is O*NET's own cut for an important element (3 of 5,
	// "important" on O*NET OnLine's 0–100 scale is 50).
	minImportance = 3.0
	// maxRatedSkills and maxTechSkills bound a role's requirements.
	maxRatedSkills = 10
	maxTechSkills  = 5
	// relatedForUnrated is how many rated related occupations stand in
	// for an occupation O*NET has not rated.
	relatedForUnrated = 3
)

// onetToTaxonomy names the taxonomy skill an O*NET skill or knowledge
// element is, where one fits; others keep O*NET's name.
var onetToTaxonomy = map[string]string{
	"Active Listening": "Active Listening", "Writing": "Written Communication", "Speaking": "Communication",
	"Critical Thinking": "Critical Thinking", "Negotiation": "Negotiation", "Instructing": "Teaching",
	"Service Orientation": "Customer Service", "Complex Problem Solving": "Problem Solving",
	"Programming": "Software Development", "Quality Control Analysis": "Quality Management",
	"Judgment and Decision Making": "Decision Making", "Time Management": "Time Management",
	"Management of Financial Resources": "Budget Management", "Management of Personnel Resources": "People Management",
	"Administrative": "Office Administration", "Customer and Personal Service": "Customer Service",
	"Personnel and Human Resources": "HR Management", "English Language": "English",
}

// levelFromONet maps an O*NET level (0–7) onto our 1–5 scale.
func levelFromONet(lv float64) int {
	return min(MaxLevel, max(1, int(math.Round(lv*MaxLevel/7))))
}

// techLevel is the level asked of a hot technology: O*NET rates none, so
// the rule is fixed and said so: working use (3) for one employers name
// most in postings (In Demand), basic use (2) otherwise.
func techLevel(t occupations.Tech) int {
	if t.InDemand {
		return 3
	}
	return 2
}

// required is a required skill with its basis.
type required struct {
	SkillLevel
	SkillBasis
}

// occupationBuilder turns the dataset's occupations into roles.
type occupationBuilder struct {
	c       *Catalog
	tax     *skills.Taxonomy
	release string // O*NET release, e.g. "29.3"
	byCode  map[string]*occupations.Occupation
	named   map[string]*Role // a hand-written role per O*NET code (MID preferred)
}

func (c *Catalog) loadOccupations(ds *occupations.Dataset, tax *skills.Taxonomy) error {
	b := &occupationBuilder{c: c, tax: tax, byCode: map[string]*occupations.Occupation{}, named: map[string]*Role{}}
	for _, s := range ds.Sources {
		if s.Key == "onet.skills" {
			b.release = s.Release
		}
	}
	for i := range ds.Occupations {
		b.byCode[ds.Occupations[i].Code] = &ds.Occupations[i]
	}
	for _, r := range c.named {
		if cur := b.named[r.ONetSOC]; cur == nil || (cur.Seniority != "MID" && r.Seniority == "MID") {
			b.named[r.ONetSOC] = r
		}
	}
	for i := range ds.Occupations {
		o := &ds.Occupations[i]
		r := &Role{ID: o.Code, Title: o.Title, Description: o.Description, ONetSOC: o.Code, MarketSOC: o.MarketSOC,
			Category: occupationCategory(o.Code), Seniority: occupationSeniority(o.Code, o.JobZone), JobZone: o.JobZone,
			Occupation: true, AltTitles: o.AltTitles}
		for _, q := range b.skills(o) {
			r.Skills = append(r.Skills, q.SkillLevel)
			r.Basis = append(r.Basis, q.SkillBasis)
		}
		if len(r.Skills) == 0 {
			continue // nothing honest to require: not a role
		}
		if _, dup := c.byID[r.ID]; dup {
			return fmt.Errorf("occupation %s clashes with a role id", r.ID)
		}
		c.occupations = append(c.occupations, r)
		c.byID[r.ID] = r
	}
	slices.SortFunc(c.occupations, func(a, b *Role) int { return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID)) })
	return nil
}

// skills builds an occupation's requirements: its own O*NET ratings, or
// (unrated) the hand-written role of the occupation and the average
// ratings of its nearest rated related occupations; then its hot
// technologies. A skill named twice keeps its first source.
func (b *occupationBuilder) skills(o *occupations.Occupation) []required {
	var out []required
	seen := map[string]bool{}
	add := func(s required) {
		if k := b.c.Key(s.Name); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	if len(o.Skills)+len(o.Knowledge) > 0 {
		for _, s := range b.rated(o.Skills, o.Knowledge, fmt.Sprintf("O*NET %s", b.release)) {
			add(s)
		}
	} else {
		if r := b.named[o.Code]; r != nil {
			for _, s := range r.Skills {
				add(required{s, SkillBasis{Source: SourceCatalogue,
					Basis: fmt.Sprintf("Career Coach role %q (hand-written; O*NET %s rates no skills for this occupation)", r.Title, b.release)}})
			}
		}
		for _, s := range b.fromRelated(o) {
			add(s)
		}
	}
	for _, s := range b.tech(o) {
		add(s)
	}
	return out
}

// rated picks the important elements (importance ≥ 3), most important
// first, skills and knowledge together, at most maxRatedSkills.
func (b *occupationBuilder) rated(sk, kn []occupations.Rating, basis string) []required {
	type el struct {
		r      occupations.Rating
		source string
	}
	var all []el
	for _, r := range sk {
		all = append(all, el{r, SourceONetSkill})
	}
	for _, r := range kn {
		all = append(all, el{r, SourceONetKnowledge})
	}
	slices.SortStableFunc(all, func(a, b el) int { return cmp.Compare(b.r.Importance, a.r.Importance) })
	var out []required
	seen := map[string]bool{}
	for _, e := range all {
		if e.r.Importance < minImportance || len(out) == maxRatedSkills {
			break
		}
		name := b.ratedName(e.r.Name)
		if seen[name] {
			continue
		}
		seen[name] = true
		kind := "Skills"
		if e.source == SourceONetKnowledge {
			kind = "Knowledge"
		}
		out = append(out, required{SkillLevel{Name: name, Level: levelFromONet(e.r.Level)}, SkillBasis{Source: e.source,
			Basis: fmt.Sprintf("%s %s %q: importance %.2f of 5, level %.2f of 7", basis, kind, e.r.Name, e.r.Importance, e.r.Level)}})
	}
	return out
}

// ratedName names an O*NET element: the taxonomy skill it is, else
// O*NET's name; when the taxonomy knows that name as another skill
// ("Troubleshooting" is its alias of software Debugging), O*NET's name is
// marked so the two are not compared as one.
func (b *occupationBuilder) ratedName(name string) string {
	if t, ok := onetToTaxonomy[name]; ok {
		return t
	}
	if s, ok := b.tax.Lookup(name); ok && s.Name != name {
		return name + " (O*NET)"
	}
	return name
}

// fromRelated averages the ratings of the first relatedForUnrated rated
// related occupations (O*NET lists the most related first).
func (b *occupationBuilder) fromRelated(o *occupations.Occupation) []required {
	var codes []string
	sum := map[string]*occupations.Rating{}
	var skillIDs, knowIDs []string
	for _, rel := range o.Related {
		ro := b.byCode[rel.Code]
		if ro == nil || len(ro.Skills) == 0 || len(codes) == relatedForUnrated {
			continue
		}
		codes = append(codes, ro.Code)
		for i, list := range [][]occupations.Rating{ro.Skills, ro.Knowledge} {
			for _, r := range list {
				s := sum[r.ID]
				if s == nil {
					s = &occupations.Rating{ID: r.ID, Name: r.Name}
					sum[r.ID] = s
					if i == 0 {
						skillIDs = append(skillIDs, r.ID)
					} else {
						knowIDs = append(knowIDs, r.ID)
					}
				}
				s.Importance += r.Importance
				s.Level += r.Level
			}
		}
	}
	if len(codes) == 0 {
		return nil
	}
	avg := func(ids []string) []occupations.Rating {
		out := make([]occupations.Rating, len(ids))
		for i, id := range ids {
			s := sum[id]
			n := float64(len(codes))
			out[i] = occupations.Rating{ID: id, Name: s.Name, Importance: s.Importance / n, Level: s.Level / n}
		}
		return out
	}
	out := b.rated(avg(skillIDs), avg(knowIDs), fmt.Sprintf("Average O*NET %s rating of related occupations %s (O*NET rates none for this one):",
		b.release, strings.Join(codes, ", ")))
	for i := range out {
		out[i].Source = SourceRelated
	}
	return out
}

// tech lists the occupation's hot technologies, In Demand first, named as
// the taxonomy names them when it knows them.
func (b *occupationBuilder) tech(o *occupations.Occupation) []required {
	var hot []occupations.Tech
	for _, t := range o.Tech {
		if t.Hot {
			hot = append(hot, t)
		}
	}
	slices.SortStableFunc(hot, func(a, b occupations.Tech) int {
		if a.InDemand != b.InDemand {
			if a.InDemand {
				return -1
			}
			return 1
		}
		return 0
	})
	var out []required
	for _, t := range hot {
		if len(out) == maxTechSkills {
			break
		}
		demand := "hot technology"
		if t.InDemand {
			demand = "hot technology, in demand"
		}
		out = append(out, required{SkillLevel{Name: b.techName(t.Name), Level: techLevel(t)}, SkillBasis{Source: SourceONetTech,
			Basis: fmt.Sprintf("O*NET %s Technology Skills: %s %s (O*NET rates no level: level %d by Career Coach's rule)", b.release, t.Name, demand, techLevel(t))}})
	}
	return out
}

// techName is the taxonomy's name of an O*NET product ("Oracle Java" is
// Java) when the taxonomy finds exactly one skill in it, else O*NET's name.
func (b *occupationBuilder) techName(name string) string {
	if s, ok := b.tax.Lookup(name); ok {
		return s.Name
	}
	var found string
	for _, m := range b.tax.Find(name) {
		if found != "" && m.Skill.Name != found {
			return name
		}
		found = m.Skill.Name
	}
	if found != "" {
		return found
	}
	return name
}

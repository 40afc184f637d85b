package planning

import (
	"fmt"
	"slices"
	"strings"

	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// DataSource names where a figure comes from: the publisher's dataset,
// its release and date, and the release file the build read it from.
type DataSource struct {
	Name string
	Year string // the release or reference period, e.g. "May 2024" or "2024–34"
	URL  string
	File string // the release file, e.g. "national_M2024_dl.xlsx"
	Date string // the release's date as published, e.g. "May 2024 estimates"
}

// Figure is a number with its unit and source.
type Figure struct {
	Value float64
	Unit  string
	// AtLeast marks a value at the publisher's top-coding cap (BLS OEWS
	// publishes ≥ $239,200 as that value).
	AtLeast bool
	Source  DataSource
}

// TextFact is a non-numeric fact with its source.
type TextFact struct {
	Value  string
	Source DataSource
}

// Unavailable is a figure the sources do not publish for an occupation,
// and why; the figure itself is nil, never zero.
type Unavailable struct {
	Figure string // the GraphQL field, e.g. "pay90thPercentile"
	Reason string
}

// Insights are job-market facts for a role, from its SOC occupation. A
// nil figure is one the sources do not publish (see Unavailable).
type Insights struct {
	Role             *Role
	SOC              string
	OccupationTitle  string
	ProjectionGroup  string // the BLS broad group the figures cover, when broader than the occupation
	MedianPay        *Figure
	Pay10th          *Figure
	Pay25th          *Figure
	Pay75th          *Figure
	Pay90th          *Figure
	Employment       *Figure
	GrowthPercent    *Figure
	AnnualOpenings   *Figure
	TypicalEducation *TextFact
	Unavailable      []Unavailable
	TopSkills        []SkillLevel
	SkillsSource     DataSource
	HotTechnologies  []string
	TechSource       DataSource
	RelatedRoles     []*Role
}

// Bounds on the lists an insight shows.
const (
	maxHotTechnologies = 12
	maxRelatedRoles    = 12
)

// MarketData holds the BLS figures by SOC code and O*NET's technologies
// by occupation, from the generated dataset (package occupations).
type MarketData struct {
	wage, projection, tech, skills DataSource
	bySOC                          map[string]*occupations.Market
	techByONet                     map[string][]occupations.Tech
}

func source(s occupations.Source, name string) DataSource {
	return DataSource{Name: name, Year: s.Release, URL: s.URL, File: s.File, Date: s.Date}
}

func loadMarket(c *Catalog, ds *occupations.Dataset) (*MarketData, error) {
	src := map[string]occupations.Source{}
	for _, s := range ds.Sources {
		src[s.Key] = s
	}
	for _, k := range []string{"bls.oews", "bls.projections", "onet.technology_skills", "onet.skills"} {
		if _, ok := src[k]; !ok {
			return nil, fmt.Errorf("market dataset: source %s missing", k)
		}
	}
	onet := src["onet.skills"].Release
	m := &MarketData{
		wage:       source(src["bls.oews"], "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (national, all industries, annual wages)"),
		projection: source(src["bls.projections"], "U.S. Bureau of Labor Statistics, Employment Projections, Table 1.2"),
		tech:       source(src["onet.technology_skills"], "O*NET Hot Technologies, O*NET "+onet+" Database, USDOL/ETA (CC BY 4.0)"),
		skills: source(src["onet.skills"], "O*NET "+onet+" Database Skills, Knowledge and Technology Skills, USDOL/ETA (CC BY 4.0), "+
			"mapped to Career Coach skills (see each skill's basis)"),
		bySOC: map[string]*occupations.Market{}, techByONet: map[string][]occupations.Tech{},
	}
	m.tech.Year, m.skills.Year = "O*NET "+onet, "O*NET "+onet
	for i := range ds.Market {
		m.bySOC[ds.Market[i].SOC] = &ds.Market[i]
	}
	for _, o := range ds.Occupations {
		m.techByONet[o.Code] = o.Tech
	}
	for _, r := range c.named {
		if r.MarketSOC != "" && m.bySOC[r.MarketSOC] == nil {
			return nil, fmt.Errorf("market dataset: no BLS figures for SOC %s (role %s)", r.MarketSOC, r.ID)
		}
	}
	return m, nil
}

// hotTechnologies lists O*NET's Hot Technologies of an occupation, those
// employers ask for most in its postings (In Demand) first.
func hotTechnologies(tech []occupations.Tech) []string {
	var demand, hot []string
	for _, t := range tech {
		switch {
		case t.Hot && t.InDemand:
			demand = append(demand, t.Name)
		case t.Hot:
			hot = append(hot, t.Name)
		}
	}
	all := append(demand, hot...)
	return all[:min(maxHotTechnologies, len(all))]
}

// Insights returns the market insights of role: every figure BLS
// publishes for its SOC code, and for each one it does not, the reason.
func (c *Catalog) Insights(role *Role) Insights {
	m := c.market
	in := Insights{Role: role, SOC: role.MarketSOC, OccupationTitle: role.Title}
	tech := m.tech
	tech.URL = "https://www.onetonline.org/link/summary/" + role.ONetSOC
	in.TechSource = tech
	in.HotTechnologies = hotTechnologies(m.techByONet[role.ONetSOC])
	in.SkillsSource = m.skills
	in.SkillsSource.URL = tech.URL
	top := slices.Clone(role.Skills)
	slices.SortStableFunc(top, func(a, b SkillLevel) int { return b.Level - a.Level })
	in.TopSkills = top[:min(5, len(top))]
	in.RelatedRoles = c.related(role)

	mk := m.bySOC[role.MarketSOC]
	if mk == nil {
		in.SOC = role.ONetSOC[:min(7, len(role.ONetSOC))]
		for _, f := range []string{"medianPay", "pay10thPercentile", "pay25thPercentile", "pay75thPercentile", "pay90thPercentile", "employment",
			"projectedGrowthPercent", "annualOpenings", "typicalEducation"} {
			in.Unavailable = append(in.Unavailable, Unavailable{f, fmt.Sprintf("BLS publishes no OEWS or Employment Projections figures for SOC %s or its broad group", in.SOC)})
		}
		return in
	}
	in.OccupationTitle = mk.Title
	if mk.Level == "broad" {
		in.ProjectionGroup = mk.Title
	}
	c.wageFigures(&in, mk)
	c.projectionFigures(&in, mk)
	return in
}

func (c *Catalog) wageFigures(in *Insights, mk *occupations.Market) {
	wage := c.market.wage
	if mk.Level == "detailed" {
		wage.URL = "https://www.bls.gov/oes/2024/may/oes" + strings.ReplaceAll(mk.SOC, "-", "") + ".htm"
	}
	w := mk.Wages
	for _, f := range []struct {
		field, name, unit string
		dst               **Figure
		get               func(*occupations.Wages) *int
	}{
		{"medianPay", "p50", "USD per year", &in.MedianPay, func(w *occupations.Wages) *int { return w.P50 }},
		{"pay10thPercentile", "p10", "USD per year", &in.Pay10th, func(w *occupations.Wages) *int { return w.P10 }},
		{"pay25thPercentile", "p25", "USD per year", &in.Pay25th, func(w *occupations.Wages) *int { return w.P25 }},
		{"pay75thPercentile", "p75", "USD per year", &in.Pay75th, func(w *occupations.Wages) *int { return w.P75 }},
		{"pay90thPercentile", "p90", "USD per year", &in.Pay90th, func(w *occupations.Wages) *int { return w.P90 }},
		{"employment", "", "jobs", &in.Employment, func(w *occupations.Wages) *int { return w.Employment }},
	} {
		if w == nil {
			in.Unavailable = append(in.Unavailable, Unavailable{f.field, fmt.Sprintf("BLS OEWS %s publishes no wage estimates for SOC %s", wage.Year, mk.SOC)})
			continue
		}
		v := f.get(w)
		if v == nil {
			in.Unavailable = append(in.Unavailable, Unavailable{f.field, fmt.Sprintf("BLS OEWS %s does not publish this estimate for SOC %s", wage.Year, mk.SOC)})
			continue
		}
		*f.dst = &Figure{Value: float64(*v), Unit: f.unit, AtLeast: f.name != "" && slices.Contains(w.TopCoded, f.name), Source: wage}
	}
}

func (c *Catalog) projectionFigures(in *Insights, mk *occupations.Market) {
	src := c.market.projection
	p := mk.Projection
	if p == nil {
		for _, f := range []string{"projectedGrowthPercent", "annualOpenings", "typicalEducation"} {
			in.Unavailable = append(in.Unavailable, Unavailable{f, fmt.Sprintf("BLS Employment Projections %s has no line item for SOC %s", src.Year, mk.SOC)})
		}
		return
	}
	in.GrowthPercent = &Figure{Value: p.GrowthPct, Unit: "percent over 10 years", Source: src}
	in.AnnualOpenings = &Figure{Value: float64(p.Openings), Unit: "openings per year", Source: src}
	if p.Education == "" {
		in.Unavailable = append(in.Unavailable, Unavailable{"typicalEducation", fmt.Sprintf("BLS Employment Projections %s names no typical entry education for SOC %s", src.Year, mk.SOC)})
		return
	}
	edu := src
	edu.Name += " (typical education needed for entry)"
	in.TypicalEducation = &TextFact{Value: p.Education, Source: edu}
}

// related lists the roles one step away in either direction, then roles
// of the same occupation, without duplicates, at most maxRelatedRoles.
func (c *Catalog) related(role *Role) []*Role {
	var out []*Role
	seen := map[*Role]bool{role: true}
	add := func(r *Role) {
		if r != nil && !seen[r] && len(out) < maxRelatedRoles {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, id := range role.Next {
		add(c.byID[id])
	}
	for _, r := range c.named {
		if slices.Contains(r.Next, role.ID) || (r.ONetSOC == role.ONetSOC) {
			add(r)
		}
	}
	return out
}

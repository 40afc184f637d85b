package planning

import (
	"fmt"
	"slices"
	"strings"

	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// DataSource names where a figure comes from.
type DataSource struct {
	Name string
	Year string // the reference period, e.g. "May 2024" or "2023-33"
	URL  string
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

// Insights are job-market facts for a role, from its SOC occupation.
type Insights struct {
	Role             *Role
	SOC              string
	OccupationTitle  string
	ProjectionGroup  string // the BLS broad group the figures cover, when broader than the occupation
	MedianPay        Figure
	Pay10th          Figure
	Pay90th          Figure
	GrowthPercent    Figure
	AnnualOpenings   Figure
	TypicalEducation TextFact
	TopSkills        []SkillLevel
	SkillsSource     DataSource
	HotTechnologies  []string
	TechSource       DataSource
	RelatedRoles     []*Role
}

// maxHotTechnologies bounds the list shown per role.
const maxHotTechnologies = 12

// marketFacts are the published figures of one role's occupation.
type marketFacts struct {
	SOC, Title, ProjectionGroup string
	Median, P10, P90            float64
	P90AtLeast                  bool
	Growth, Openings            float64
	Education                   string
	Hot                         []string // O*NET Hot Technologies of the role's O*NET-SOC occupation
}

// MarketData holds the figures of the catalogue's roles, taken from the
// generated O*NET/BLS dataset (package occupations), and their sources.
type MarketData struct {
	wage, projection, education, tech DataSource // URL: a pattern for wage and tech
	bySOC                             map[string]*marketFacts
	hotByONet                         map[string][]string
}

func loadMarket(c *Catalog) (*MarketData, error) {
	ds, err := occupations.Load()
	if err != nil {
		return nil, fmt.Errorf("load market dataset: %w", err)
	}
	release := map[string]string{}
	for _, s := range ds.Sources {
		release[s.Key] = s.Release
	}
	m := &MarketData{
		wage: DataSource{Name: "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (national, all industries, annual wages)",
			Year: release["bls.oews"], URL: "https://www.bls.gov/oes/2024/may/oes%s.htm"},
		projection: DataSource{Name: "U.S. Bureau of Labor Statistics, Employment Projections, Table 1.2",
			Year: release["bls.projections"], URL: "https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm"},
		education: DataSource{Name: "U.S. Bureau of Labor Statistics, Employment Projections, Table 1.2 (typical education needed for entry)",
			Year: release["bls.projections"], URL: "https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm"},
		tech: DataSource{Name: "O*NET Hot Technologies, O*NET " + release["onet.technology_skills"] + " Database, USDOL/ETA (CC BY 4.0)",
			Year: "O*NET " + release["onet.technology_skills"], URL: "https://www.onetonline.org/link/summary/%s"},
		bySOC:     map[string]*marketFacts{},
		hotByONet: map[string][]string{},
	}
	bySOC := map[string]*occupations.Market{}
	for i := range ds.Market {
		bySOC[ds.Market[i].SOC] = &ds.Market[i]
	}
	byCode := map[string]*occupations.Occupation{}
	for i := range ds.Occupations {
		byCode[ds.Occupations[i].Code] = &ds.Occupations[i]
	}
	for _, r := range c.roles {
		o := byCode[r.ONetSOC]
		if o == nil {
			return nil, fmt.Errorf("market dataset: no O*NET occupation %s (role %s)", r.ONetSOC, r.ID)
		}
		m.hotByONet[r.ONetSOC] = hotTechnologies(o.Tech)
		if m.bySOC[r.MarketSOC] != nil {
			continue
		}
		f, err := facts(bySOC[r.MarketSOC])
		if err != nil {
			return nil, fmt.Errorf("market dataset: %s (role %s): %w", r.MarketSOC, r.ID, err)
		}
		m.bySOC[r.MarketSOC] = f
	}
	return m, nil
}

// facts takes the figures a role page needs; a role whose occupation
// lacks one is a catalogue error, found at start.
func facts(mk *occupations.Market) (*marketFacts, error) {
	if mk == nil {
		return nil, fmt.Errorf("BLS publishes no figures for this code")
	}
	w, p := mk.Wages, mk.Projection
	if w == nil || p == nil || w.P10 == nil || w.P50 == nil || w.P90 == nil || p.Education == "" {
		return nil, fmt.Errorf("pay percentiles, projection or education missing")
	}
	f := &marketFacts{SOC: mk.SOC, Title: mk.Title, Median: float64(*w.P50), P10: float64(*w.P10), P90: float64(*w.P90),
		P90AtLeast: slices.Contains(w.TopCoded, "p90"), Growth: p.GrowthPct, Openings: float64(p.Openings), Education: p.Education}
	if mk.Level == "broad" {
		f.ProjectionGroup = mk.Title
	}
	return f, nil
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

// Insights returns the market insights of role.
func (c *Catalog) Insights(role *Role) Insights {
	m := c.market
	o := m.bySOC[role.MarketSOC]
	wage := m.wage
	wage.URL = fmt.Sprintf(m.wage.URL, strings.ReplaceAll(o.SOC, "-", ""))
	tech := m.tech
	tech.URL = fmt.Sprintf(m.tech.URL, role.ONetSOC)
	top := slices.Clone(role.Skills)
	slices.SortStableFunc(top, func(a, b SkillLevel) int { return b.Level - a.Level })
	return Insights{
		Role: role, SOC: o.SOC, OccupationTitle: o.Title, ProjectionGroup: o.ProjectionGroup,
		MedianPay:        Figure{Value: o.Median, Unit: "USD per year", Source: wage},
		Pay10th:          Figure{Value: o.P10, Unit: "USD per year", Source: wage},
		Pay90th:          Figure{Value: o.P90, Unit: "USD per year", AtLeast: o.P90AtLeast, Source: wage},
		GrowthPercent:    Figure{Value: o.Growth, Unit: "percent over 10 years", Source: m.projection},
		AnnualOpenings:   Figure{Value: o.Openings, Unit: "openings per year", Source: m.projection},
		TypicalEducation: TextFact{Value: o.Education, Source: m.education},
		TopSkills:        top[:min(5, len(top))],
		SkillsSource: DataSource{Name: "Career Coach role catalogue, built from O*NET skills and technology data (CC BY 4.0)", Year: tech.Year,
			URL: tech.URL},
		HotTechnologies: slices.Clone(m.hotByONet[role.ONetSOC]),
		TechSource:      tech,
		RelatedRoles:    c.related(role),
	}
}

// related lists roles one transition away in either direction, then roles
// of the same occupation, without duplicates, in catalogue order.
func (c *Catalog) related(role *Role) []*Role {
	var out []*Role
	for _, r := range c.roles {
		if r == role {
			continue
		}
		if slices.Contains(role.Next, r.ID) || slices.Contains(r.Next, role.ID) || r.MarketSOC == role.MarketSOC {
			out = append(out, r)
		}
	}
	return out
}

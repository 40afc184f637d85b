package planning

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
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
	ProjectionGroup  string // the OOH occupation the projection covers, when broader than SOC
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

type sourceJSON struct {
	Name       string `json:"name"`
	Year       string `json:"year"`
	URL        string `json:"url"`
	URLPattern string `json:"urlPattern"`
}

type occupationJSON struct {
	SOC             string   `json:"soc"`
	Title           string   `json:"title"`
	Median          float64  `json:"median"`
	P10             float64  `json:"p10"`
	P90             float64  `json:"p90"`
	P90AtLeast      bool     `json:"p90AtLeast"`
	Growth          float64  `json:"growth"`
	Openings        float64  `json:"openings"`
	ProjectionGroup string   `json:"projectionGroup"`
	Education       string   `json:"education"`
	Hot             []string `json:"hot"`
}

// MarketData is the embedded market dataset.
type MarketData struct {
	WageSource       sourceJSON       `json:"wageSource"`
	ProjectionSource sourceJSON       `json:"projectionSource"`
	EducationSource  sourceJSON       `json:"educationSource"`
	TechnologySource sourceJSON       `json:"technologySource"`
	Occupations      []occupationJSON `json:"occupations"`
	bySOC            map[string]*occupationJSON
}

func loadMarket(c *Catalog) (*MarketData, error) {
	raw, err := dataFiles.ReadFile("data/market.json")
	if err != nil {
		return nil, fmt.Errorf("read market dataset: %w", err)
	}
	m := &MarketData{bySOC: map[string]*occupationJSON{}}
	if err := json.Unmarshal(raw, m); err != nil {
		return nil, fmt.Errorf("parse market dataset: %w", err)
	}
	for i := range m.Occupations {
		o := &m.Occupations[i]
		if o.Median <= 0 || o.P10 <= 0 || o.P10 > o.Median || o.P90 < o.Median || o.Openings <= 0 || o.Education == "" || o.Title == "" {
			return nil, fmt.Errorf("market dataset: occupation %s has implausible or missing figures", o.SOC)
		}
		m.bySOC[o.SOC] = o
	}
	for _, r := range c.roles {
		if m.bySOC[r.MarketSOC] == nil {
			return nil, fmt.Errorf("market dataset: no figures for %s (role %s)", r.MarketSOC, r.ID)
		}
	}
	return m, nil
}

// Insights returns the market insights of role.
func (c *Catalog) Insights(role *Role) Insights {
	o := c.market.bySOC[role.MarketSOC]
	m := c.market
	wage := DataSource{Name: m.WageSource.Name, Year: m.WageSource.Year,
		URL: fmt.Sprintf(m.WageSource.URLPattern, strings.ReplaceAll(o.SOC, "-", ""))}
	proj := DataSource{Name: m.ProjectionSource.Name, Year: m.ProjectionSource.Year, URL: m.ProjectionSource.URL}
	edu := DataSource{Name: m.EducationSource.Name, Year: m.EducationSource.Year, URL: m.EducationSource.URL}
	tech := DataSource{Name: m.TechnologySource.Name, Year: m.TechnologySource.Year, URL: fmt.Sprintf(m.TechnologySource.URLPattern, role.ONetSOC)}
	top := slices.Clone(role.Skills)
	slices.SortStableFunc(top, func(a, b SkillLevel) int { return b.Level - a.Level })
	return Insights{
		Role: role, SOC: o.SOC, OccupationTitle: o.Title, ProjectionGroup: o.ProjectionGroup,
		MedianPay:        Figure{Value: o.Median, Unit: "USD per year", Source: wage},
		Pay10th:          Figure{Value: o.P10, Unit: "USD per year", Source: wage},
		Pay90th:          Figure{Value: o.P90, Unit: "USD per year", AtLeast: o.P90AtLeast, Source: wage},
		GrowthPercent:    Figure{Value: o.Growth, Unit: "percent over 10 years", Source: proj},
		AnnualOpenings:   Figure{Value: o.Openings, Unit: "openings per year", Source: proj},
		TypicalEducation: TextFact{Value: o.Education, Source: edu},
		TopSkills:        top[:min(5, len(top))],
		SkillsSource: DataSource{Name: "Career Coach role catalogue, built from O*NET skills and technology data (CC BY 4.0)", Year: tech.Year,
			URL: fmt.Sprintf(m.TechnologySource.URLPattern, role.ONetSOC)},
		HotTechnologies: slices.Clone(o.Hot),
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

// Package occupations builds and ships the occupation catalogue and the
// labour-market figures of the planning service from official releases:
// O*NET (occupations, alternate titles, skills, knowledge, technology
// skills, related occupations, job zones, education) and BLS (OEWS wages,
// Employment Projections). Build turns the raw release files into one
// compact, deterministic file (data/occupations.json.gz) that Load reads.
package occupations

// Dataset is everything the build produces.
type Dataset struct {
	// Sources lists every raw file a figure was read from; each figure
	// names its source by Key.
	Sources     []Source     `json:"sources"`
	Occupations []Occupation `json:"occupations"`
	// Market holds BLS figures by SOC code, for every occupation BLS
	// publishes (detailed and broad codes alike).
	Market []Market `json:"market"`
}

// Occupation is one O*NET-SOC occupation with data.
type Occupation struct {
	Code        string   `json:"code"` // O*NET-SOC 2019, e.g. 15-1252.00
	Title       string   `json:"title"`
	Description string   `json:"description"`
	AltTitles   []string `json:"alt,omitempty"`
	// JobZone is O*NET's preparation level 1 (little) to 5 (extensive);
	// 0 when O*NET assigns none.
	JobZone   int       `json:"jobZone,omitempty"`
	Skills    []Rating  `json:"skills,omitempty"`
	Knowledge []Rating  `json:"knowledge,omitempty"`
	Tech      []Tech    `json:"tech,omitempty"`
	Related   []Related `json:"related,omitempty"`
	// Education is the required level of education most respondents named
	// (O*NET Education, Training, and Experience, scale RL); "" if unrated.
	Education string `json:"education,omitempty"`
	// MarketSOC is the SOC code of the BLS figures that apply: the
	// occupation's own 6-digit code, else its broad group; "" when BLS
	// publishes none.
	MarketSOC string `json:"marketSoc,omitempty"`
}

// Rating is an O*NET skill or knowledge area with its importance (1–5)
// and level (0–7) for the occupation.
type Rating struct {
	ID         string  `json:"id"` // O*NET element id, e.g. 2.A.1.a
	Name       string  `json:"name"`
	Importance float64 `json:"im"`
	Level      float64 `json:"lv"`
	// LowPrecision is O*NET's "Recommend Suppress" flag on either value.
	LowPrecision bool `json:"lowPrecision,omitempty"`
}

// Tech is a technology skill (software product) used in the occupation.
type Tech struct {
	Name     string `json:"name"`
	Category string `json:"category"` // UNSPSC commodity title
	Hot      bool   `json:"hot,omitempty"`
	InDemand bool   `json:"inDemand,omitempty"`
}

// Related is an O*NET related occupation, most related first.
type Related struct {
	Code  string `json:"code"`
	Tier  string `json:"tier"` // e.g. Primary-Short
	Index int    `json:"index"`
}

// Market is what BLS publishes for one SOC code.
type Market struct {
	SOC        string      `json:"soc"`
	Title      string      `json:"title"`
	Level      string      `json:"level"` // "detailed" or "broad"
	Wages      *Wages      `json:"wages,omitempty"`
	Projection *Projection `json:"projection,omitempty"`
}

// Wages are OEWS national annual wages and employment. A nil figure is
// one BLS does not publish; TopCoded names percentiles BLS reports only as
// "at least" the value given.
type Wages struct {
	Source     string   `json:"source"` // Source.Key
	Employment *int     `json:"employment,omitempty"`
	Mean       *int     `json:"mean,omitempty"`
	P10        *int     `json:"p10,omitempty"`
	P25        *int     `json:"p25,omitempty"`
	P50        *int     `json:"p50,omitempty"`
	P75        *int     `json:"p75,omitempty"`
	P90        *int     `json:"p90,omitempty"`
	TopCoded   []string `json:"topCoded,omitempty"`
}

// Projection is a BLS Employment Projections line item.
type Projection struct {
	Source         string  `json:"source"`         // Source.Key
	Employment     int     `json:"employment"`     // base year, persons
	EmploymentProj int     `json:"employmentProj"` // projection year, persons
	GrowthPct      float64 `json:"growthPct"`
	Openings       int     `json:"openings"` // annual average, persons
	Education      string  `json:"education,omitempty"`
	Experience     string  `json:"experience,omitempty"`
	Training       string  `json:"training,omitempty"`
}

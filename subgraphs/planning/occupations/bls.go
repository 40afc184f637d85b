package occupations

import (
	"fmt"
	"math"
	"strings"
)

// OEWS marks a wage at or above its top code with "#" and a figure it does
// not publish with "*" or "**" (https://www.bls.gov/oes/tables.htm, the
// file's Field Descriptions sheet). The May 2024 top code is $239,200 a
// year ($115.00 an hour).
const oewsTopCode = 239200

// readOEWS reads the national cross-industry rows of detailed and broad
// occupations into market figures by SOC code.
func readOEWS(t *table, key string, market map[string]*Market) error {
	for i, r := range t.rows {
		group := t.get(r, "O_GROUP")
		if group != "detailed" && group != "broad" {
			continue
		}
		if t.get(r, "AREA_TYPE") != "1" || t.get(r, "NAICS") != "000000" {
			return fmt.Errorf("%s: not a national cross-industry row (is this the national file?)", t.where(i))
		}
		soc := t.get(r, "OCC_CODE")
		if !validSOC(soc) {
			return fmt.Errorf("%s: bad SOC code %q", t.where(i), soc)
		}
		m := marketFor(market, soc, t.get(r, "OCC_TITLE"), group)
		if m.Wages != nil {
			// A broad group with one published detailed occupation appears
			// as both; the rows agree, and the detailed one is kept.
			if m.Level == group {
				return fmt.Errorf("%s: SOC %s listed twice", t.where(i), soc)
			}
			if group == "broad" {
				continue
			}
			m.Level = group
		}
		w := &Wages{Source: key}
		for _, f := range []struct {
			col  string
			name string
			dst  **int
		}{
			{"TOT_EMP", "", &w.Employment},
			{"A_MEAN", "mean", &w.Mean},
			{"A_PCT10", "p10", &w.P10},
			{"A_PCT25", "p25", &w.P25},
			{"A_MEDIAN", "p50", &w.P50},
			{"A_PCT75", "p75", &w.P75},
			{"A_PCT90", "p90", &w.P90},
		} {
			v := t.get(r, f.col)
			switch v {
			case "", "*", "**":
				continue // not published
			case "#":
				top := oewsTopCode
				*f.dst = &top
				w.TopCoded = append(w.TopCoded, f.name)
				continue
			}
			n, err := whole(v)
			if err != nil {
				return fmt.Errorf("%s, %s: %w", t.where(i), f.col, err)
			}
			*f.dst = &n
		}
		m.Wages = w
	}
	return nil
}

// readProjections reads Employment Projections Table 1.2 line items.
// Employment and openings are published in thousands.
func readProjections(t *table, key string, cols projectionCols, market map[string]*Market) error {
	for i, r := range t.rows {
		if t.get(r, cols.kind) != "Line item" {
			continue
		}
		soc := t.get(r, cols.code)
		if !validSOC(soc) {
			return fmt.Errorf("%s: bad SOC code %q", t.where(i), soc)
		}
		var nums [4]float64
		for j, c := range []string{cols.emp, cols.empProj, cols.growth, cols.openings} {
			v, err := decimal(t.get(r, c))
			if err != nil {
				return fmt.Errorf("%s, %s: %w", t.where(i), c, err)
			}
			nums[j] = v
		}
		level := "detailed"
		if strings.HasSuffix(soc, "0") {
			level = "broad"
		}
		m := marketFor(market, soc, strings.TrimSpace(t.get(r, cols.title)), level)
		if m.Projection != nil {
			return fmt.Errorf("%s: SOC %s listed twice", t.where(i), soc)
		}
		m.Projection = &Projection{
			Source:         key,
			Employment:     thousands(nums[0]),
			EmploymentProj: thousands(nums[1]),
			GrowthPct:      nums[2],
			Openings:       thousands(nums[3]),
			Education:      published(t.get(r, cols.education)),
			Experience:     published(t.get(r, cols.experience)),
			Training:       published(t.get(r, cols.training)),
		}
	}
	return nil
}

// projectionCols are Table 1.2's column names; they carry the projection
// years, so they come from the release (see build.go).
type projectionCols struct {
	title, code, kind, emp, empProj, growth, openings, education, experience, training string
}

func (c projectionCols) all() []string {
	return []string{c.title, c.code, c.kind, c.emp, c.empProj, c.growth, c.openings, c.education, c.experience, c.training}
}

func thousands(v float64) int { return int(math.Round(v * 1000)) }

// published maps BLS's "—" (not applicable) to "".
func published(s string) string {
	if s == "—" || s == "-" {
		return ""
	}
	return s
}

func marketFor(market map[string]*Market, soc, title, level string) *Market {
	m := market[soc]
	if m == nil {
		m = &Market{SOC: soc, Title: title, Level: level}
		market[soc] = m
	}
	return m
}

package occupations

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// onetCol is the code column of every O*NET file.
const onetCol = "O*NET-SOC Code"

// readOccupations reads Occupation Data: code, title, description.
func readOccupations(t *table) (map[string]*Occupation, error) {
	occ := make(map[string]*Occupation, len(t.rows))
	for i, r := range t.rows {
		code := t.get(r, onetCol)
		if !validONetCode(code) {
			return nil, fmt.Errorf("%s: bad O*NET-SOC code %q", t.where(i), code)
		}
		if occ[code] != nil {
			return nil, fmt.Errorf("%s: occupation %s listed twice", t.where(i), code)
		}
		occ[code] = &Occupation{Code: code, Title: t.get(r, "Title"), Description: t.get(r, "Description")}
	}
	return occ, nil
}

// known looks up the occupation a row of another O*NET file refers to; a
// code Occupation Data does not list means the files are from different
// releases.
func known(occ map[string]*Occupation, t *table, i int, r []string) (*Occupation, error) {
	code := t.get(r, onetCol)
	o := occ[code]
	if o == nil {
		return nil, fmt.Errorf("%s: occupation %q is not in Occupation Data (files from different releases?)", t.where(i), code)
	}
	return o, nil
}

func addAltTitles(occ map[string]*Occupation, t *table) error {
	for i, r := range t.rows {
		o, err := known(occ, t, i, r)
		if err != nil {
			return err
		}
		for _, title := range []string{t.get(r, "Alternate Title"), t.get(r, "Short Title")} {
			if title != "" && !strings.EqualFold(title, o.Title) {
				o.AltTitles = append(o.AltTitles, title)
			}
		}
	}
	for _, o := range occ {
		slices.Sort(o.AltTitles)
		o.AltTitles = slices.Compact(o.AltTitles)
	}
	return nil
}

// readRatings reads Skills or Knowledge: one importance (IM) and one level
// (LV) row per element; the pair becomes one Rating.
func readRatings(occ map[string]*Occupation, t *table) (map[string][]Rating, error) {
	type key struct{ code, id string }
	pairs := map[key]*Rating{}
	seen := map[key]int{}
	for i, r := range t.rows {
		o, err := known(occ, t, i, r)
		if err != nil {
			return nil, err
		}
		k := key{o.Code, t.get(r, "Element ID")}
		v, err := decimal(t.get(r, "Data Value"))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.where(i), err)
		}
		p := pairs[k]
		if p == nil {
			p = &Rating{ID: k.id, Name: t.get(r, "Element Name")}
			pairs[k] = p
		}
		switch t.get(r, "Scale ID") {
		case "IM":
			p.Importance = v
			seen[k] |= 1
		case "LV":
			p.Level = v
			seen[k] |= 2
		default:
			return nil, fmt.Errorf("%s: unknown scale %q", t.where(i), t.get(r, "Scale ID"))
		}
		if t.get(r, "Recommend Suppress") == "Y" {
			p.LowPrecision = true
		}
	}
	out := map[string][]Rating{}
	for k, p := range pairs {
		if seen[k] != 3 {
			return nil, fmt.Errorf("%s: %s %s has importance or level but not both", t.file, k.code, k.id)
		}
		out[k.code] = append(out[k.code], *p)
	}
	for _, rs := range out {
		// Most important first; element id breaks ties so builds repeat.
		slices.SortFunc(rs, func(a, b Rating) int {
			return cmp.Or(cmp.Compare(b.Importance, a.Importance), cmp.Compare(a.ID, b.ID))
		})
	}
	return out, nil
}

func addTech(occ map[string]*Occupation, t *table) error {
	for i, r := range t.rows {
		o, err := known(occ, t, i, r)
		if err != nil {
			return err
		}
		o.Tech = append(o.Tech, Tech{
			Name:     t.get(r, "Example"),
			Category: t.get(r, "Commodity Title"),
			Hot:      t.get(r, "Hot Technology") == "Y",
			InDemand: t.get(r, "In Demand") == "Y",
		})
	}
	for _, o := range occ {
		slices.SortFunc(o.Tech, func(a, b Tech) int {
			return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Category, b.Category))
		})
		o.Tech = slices.Compact(o.Tech)
	}
	return nil
}

func addRelated(occ map[string]*Occupation, t *table) error {
	for i, r := range t.rows {
		o, err := known(occ, t, i, r)
		if err != nil {
			return err
		}
		to := t.get(r, "Related O*NET-SOC Code")
		if occ[to] == nil {
			return fmt.Errorf("%s: related occupation %q is not in Occupation Data", t.where(i), to)
		}
		n, err := strconv.Atoi(t.get(r, "Index"))
		if err != nil {
			return fmt.Errorf("%s: bad index %q", t.where(i), t.get(r, "Index"))
		}
		o.Related = append(o.Related, Related{Code: to, Tier: t.get(r, "Relatedness Tier"), Index: n})
	}
	for _, o := range occ {
		slices.SortFunc(o.Related, func(a, b Related) int {
			return cmp.Or(cmp.Compare(a.Index, b.Index), cmp.Compare(a.Code, b.Code))
		})
	}
	return nil
}

func addJobZones(occ map[string]*Occupation, t *table) error {
	for i, r := range t.rows {
		o, err := known(occ, t, i, r)
		if err != nil {
			return err
		}
		z, err := strconv.Atoi(t.get(r, "Job Zone"))
		if err != nil || z < 1 || z > 5 {
			return fmt.Errorf("%s: bad job zone %q", t.where(i), t.get(r, "Job Zone"))
		}
		o.JobZone = z
	}
	return nil
}

// addEducation sets each occupation's modal required level of education
// (scale RL: the category the most respondents chose).
func addEducation(occ map[string]*Occupation, t, cats *table) error {
	names := map[string]string{}
	for _, r := range cats.rows {
		if cats.get(r, "Scale ID") == "RL" {
			d := cats.get(r, "Category Description")
			if short, _, ok := strings.Cut(d, " - "); ok {
				d = short
			}
			names[cats.get(r, "Category")] = d
		}
	}
	best := map[string]float64{}
	for i, r := range t.rows {
		if t.get(r, "Scale ID") != "RL" {
			continue
		}
		o, err := known(occ, t, i, r)
		if err != nil {
			return err
		}
		v, err := decimal(t.get(r, "Data Value"))
		if err != nil {
			return fmt.Errorf("%s: %w", t.where(i), err)
		}
		cat := t.get(r, "Category")
		name, ok := names[cat]
		if !ok {
			return fmt.Errorf("%s: education category %q is not in the categories file", t.where(i), cat)
		}
		// Ties keep the lower category (rows come in category order).
		if b, ok := best[o.Code]; !ok || v > b {
			best[o.Code] = v
			o.Education = name
		}
	}
	return nil
}

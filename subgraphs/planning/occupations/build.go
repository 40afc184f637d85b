package occupations

import (
	"bytes"

	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
)

// Table 1.2 of Employment Projections 2024–34.
var projections2024 = projectionCols{
	title:      "2024 National Employment Matrix title",
	code:       "2024 National Employment Matrix code",
	kind:       "Occupation type",
	emp:        "Employment, 2024",
	empProj:    "Employment, 2034",
	growth:     "Employment change, percent, 2024–34",
	openings:   "Occupational openings, 2024–34 annual average",
	education:  "Typical education needed for entry",
	experience: "Work experience in a related occupation",
	training:   "Typical on-the-job training needed to attain competency in the occupation",
}

// The columns each O*NET file must have (O*NET 29.x/30.x Excel and text
// releases name them alike).
var onetColumns = map[string][]string{
	"onet.occupations":          {onetCol, "Title", "Description"},
	"onet.alternate_titles":     {onetCol, "Alternate Title", "Short Title"},
	"onet.skills":               {onetCol, "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress"},
	"onet.knowledge":            {onetCol, "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress"},
	"onet.technology_skills":    {onetCol, "Example", "Commodity Title", "Hot Technology", "In Demand"},
	"onet.related_occupations":  {onetCol, "Related O*NET-SOC Code", "Relatedness Tier", "Index"},
	"onet.job_zones":            {onetCol, "Job Zone"},
	"onet.education":            {onetCol, "Scale ID", "Category", "Data Value"},
	"onet.education_categories": {"Scale ID", "Category", "Category Description"},
	"bls.oews":                  {"AREA_TYPE", "NAICS", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"},
	"bls.projections":           projections2024.all(),
}

// Build reads the raw files in dir (after checking their checksums against
// sources) and joins them into a Dataset.
func Build(ctx context.Context, dir string, sources []Source) (*Dataset, error) {
	if err := VerifyRaw(dir, sources); err != nil {
		return nil, err
	}
	tables := map[string]*table{}
	for _, s := range sources {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("building occupations: %w", err)
		}
		want, ok := onetColumns[s.Key]
		if !ok {
			return nil, fmt.Errorf("source %q: the build does not know this key", s.Key)
		}
		rows, err := readSheet(filepath.Join(dir, s.File), s.Sheet)
		if err != nil {
			return nil, err
		}
		t, err := newTable(s.File, rows, want...)
		if err != nil {
			return nil, err
		}
		tables[s.Key] = t
	}
	for k := range onetColumns {
		if tables[k] == nil {
			return nil, fmt.Errorf("sources.json has no %q file", k)
		}
	}
	ds, err := join(tables)
	if err != nil {
		return nil, err
	}
	ds.Sources = slices.Clone(sources)
	return ds, nil
}

func join(t map[string]*table) (*Dataset, error) {
	occ, err := readOccupations(t["onet.occupations"])
	if err != nil {
		return nil, err
	}
	if err := addAltTitles(occ, t["onet.alternate_titles"]); err != nil {
		return nil, err
	}
	skills, err := readRatings(occ, t["onet.skills"])
	if err != nil {
		return nil, err
	}
	knowledge, err := readRatings(occ, t["onet.knowledge"])
	if err != nil {
		return nil, err
	}
	for code, o := range occ {
		o.Skills, o.Knowledge = skills[code], knowledge[code]
	}
	if err := addTech(occ, t["onet.technology_skills"]); err != nil {
		return nil, err
	}
	if err := addRelated(occ, t["onet.related_occupations"]); err != nil {
		return nil, err
	}
	if err := addJobZones(occ, t["onet.job_zones"]); err != nil {
		return nil, err
	}
	if err := addEducation(occ, t["onet.education"], t["onet.education_categories"]); err != nil {
		return nil, err
	}
	market := map[string]*Market{}
	if err := readOEWS(t["bls.oews"], "bls.oews", market); err != nil {
		return nil, err
	}
	if err := readProjections(t["bls.projections"], "bls.projections", projections2024, market); err != nil {
		return nil, err
	}

	ds := &Dataset{}
	for _, code := range slices.Sorted(maps.Keys(occ)) {
		o := occ[code]
		// "With data": O*NET rates it or lists its technology. Codes
		// without either (e.g. most "All Other" residual occupations)
		// carry only a title and would be empty roles.
		if len(o.Skills) == 0 && len(o.Knowledge) == 0 && len(o.Tech) == 0 {
			continue
		}
		o.MarketSOC = marketSOC(market, o.Code)
		ds.Occupations = append(ds.Occupations, *o)
	}
	// Related occupations may point at dropped codes; keep only live ones.
	live := map[string]bool{}
	for _, o := range ds.Occupations {
		live[o.Code] = true
	}
	for i := range ds.Occupations {
		ds.Occupations[i].Related = slices.DeleteFunc(ds.Occupations[i].Related, func(r Related) bool { return !live[r.Code] })
	}
	for _, soc := range slices.Sorted(maps.Keys(market)) {
		ds.Market = append(ds.Market, *market[soc])
	}
	return ds, nil
}

// marketSOC joins an 8-digit O*NET-SOC code to BLS's 6-digit SOC: the
// detailed code when BLS publishes it, else the broad group BLS
// aggregates it into (e.g. OEWS publishes 13-1020 for 13-1021..13-1023).
func marketSOC(market map[string]*Market, code string) string {
	s := soc6(code)
	if market[s] != nil {
		return s
	}
	if b := broadSOC(s); market[b] != nil {
		return b
	}
	return ""
}

// Encode writes the dataset as gzipped JSON. The bytes depend only on the
// dataset: sorted content, no timestamp or name in the gzip header.
func Encode(ds *Dataset) ([]byte, error) {
	js, err := json.Marshal(ds)
	if err != nil {
		return nil, fmt.Errorf("encoding occupations: %w", err)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("compressing occupations: %w", err)
	}
	if _, err := zw.Write(js); err != nil {
		return nil, fmt.Errorf("compressing occupations: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compressing occupations: %w", err)
	}
	return buf.Bytes(), nil
}

// Stats summarises a dataset for the build's report and the tests.
type Stats struct {
	Occupations, WithSkills, AltTitles, WithMarket, WithWages, WithProjection, MarketCodes int
}

// Summarise counts what a dataset holds.
func Summarise(ds *Dataset) Stats {
	st := Stats{Occupations: len(ds.Occupations), MarketCodes: len(ds.Market)}
	bySOC := map[string]Market{}
	for _, m := range ds.Market {
		bySOC[m.SOC] = m
	}
	for _, o := range ds.Occupations {
		st.AltTitles += len(o.AltTitles)
		if len(o.Skills) > 0 {
			st.WithSkills++
		}
		if o.MarketSOC == "" {
			continue
		}
		st.WithMarket++
		m := bySOC[o.MarketSOC]
		if m.Wages != nil {
			st.WithWages++
		}
		if m.Projection != nil {
			st.WithProjection++
		}
	}
	return st
}

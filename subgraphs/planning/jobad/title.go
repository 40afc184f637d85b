package jobad

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// titleMapper maps an ad's title to an O*NET occupation through the
// occupation catalogue's title index.
type titleMapper struct {
	idx *occupations.Index
	// tech holds, per occupation code, the taxonomy skills among its O*NET
	// technology skills: when several occupations share a title, the one
	// whose tools the ad names wins.
	tech map[string]map[string]bool
}

func newTitleMapper(tax *skills.Taxonomy, ds *occupations.Dataset, idx *occupations.Index) *titleMapper {
	m := &titleMapper{idx: idx, tech: map[string]map[string]bool{}}
	for _, o := range ds.Occupations {
		set := map[string]bool{}
		for _, t := range o.Tech {
			if s, ok := tax.Lookup(t.Name); ok {
				set[s.Name] = true
			}
		}
		for _, r := range append(append([]occupations.Rating(nil), o.Skills...), o.Knowledge...) {
			if s, ok := tax.Lookup(r.Name); ok && r.Importance >= 3 {
				set[s.Name] = true
			}
		}
		m.tech[o.Code] = set
	}
	return m
}

// Title noise: what follows a separator (place, team, contract), gender
// tags, and seniority words O*NET titles do not carry.
var (
	titleCut  = regexp.MustCompile(`\s+(?:[-–—|@]|at|in|for|to the|bei|en|chez)\s+.*$|\s*[(\[].*$|,.*$|\s*/.*$`)
	seniority = regexp.MustCompile(`(?i)^(?:(?:senior|sr\.?|junior|jr\.?|lead|principal|staff|head|chief|entry[- ]level|mid[- ]level|experienced|graduate|trainee|intern|associate)\s+)+|\s+(?:i{1,3}|iv|[1-4])$`)
	jobLabel  = regexp.MustCompile(`(?i)^(?:job title|position|role|title|stelle|puesto|poste)\s*:\s*`)
)

// mapTitle finds the occupation of title; ad skills break ties.
func (m *titleMapper) mapTitle(title string, adSkills []string) Title {
	title = strings.TrimSpace(jobLabel.ReplaceAllString(strings.TrimSpace(title), ""))
	if len(title) > 200 {
		title = title[:200]
	}
	t := Title{Text: title}
	full := strings.TrimSpace(title)
	cut := strings.TrimSpace(titleCut.ReplaceAllString(full, ""))
	bare := strings.TrimSpace(seniority.ReplaceAllString(cut, ""))
	steps := []struct {
		q    string
		conf float64
		how  string
	}{
		{full, 1, "O*NET lists this title"},
		{cut, 0.95, "O*NET lists the title without its place or team"},
		{bare, 0.9, "O*NET lists the title without its seniority"},
	}
	for _, s := range steps {
		if s.q == "" {
			continue
		}
		if occ := m.idx.Match(s.q); len(occ) > 0 {
			return m.choose(t, occ, adSkills, s.conf, s.how+fmt.Sprintf(" (%q)", s.q))
		}
	}
	// Spelling variants O*NET does not list: "Backend" is "Back End",
	// an "Engineer" of software is also its "Developer".
	for _, v := range variants(bare) {
		if occ := m.idx.Match(v); len(occ) > 0 {
			return m.choose(t, occ, adSkills, 0.85, fmt.Sprintf("O*NET lists the title as %q", v))
		}
	}
	// Drop words until a title O*NET lists is left ("HVAC Service
	// Technician" → "HVAC Technician"); of equally long ones the title
	// shared by the fewest occupations says the most.
	words := strings.Fields(bare)
	if len(words) > 6 {
		words = words[len(words)-6:]
	}
	for keep := len(words) - 1; keep >= 1; keep-- {
		var best []*occupations.Occupation
		bestQ := ""
		for _, q := range subsequences(words, keep) {
			for _, v := range append([]string{q}, variants(q)...) {
				if occ := m.idx.Match(v); len(occ) > 0 && (best == nil || len(occ) < len(best)) {
					best, bestQ = occ, v
				}
			}
		}
		if best != nil {
			conf := 0.7
			if keep == 1 {
				conf = 0.5 // one word ("Engineer") says little
			}
			return m.choose(t, best, adSkills, conf, fmt.Sprintf("the closest title O*NET lists is %q", bestQ))
		}
	}
	if occ := m.idx.Search(bare, 5); len(occ) > 0 {
		return m.choose(t, occ, adSkills, 0.4, "O*NET titles starting with these words")
	}
	t.How = "no O*NET occupation has this title"
	return t
}

// choose picks among occupations sharing a title the one whose O*NET
// tools and skills the ad names most; the index's order breaks ties.
func (m *titleMapper) choose(t Title, occ []*occupations.Occupation, adSkills []string, conf float64, how string) Title {
	best, bestN := occ[0], -1
	for _, o := range occ {
		n := 0
		for _, s := range adSkills {
			if m.tech[o.Code][s] {
				n++
			}
		}
		if n > bestN {
			best, bestN = o, n
		}
	}
	t.Occupation, t.Confidence, t.How = best, conf, how
	if len(occ) > 1 {
		t.Confidence = conf * 0.8
		t.How += fmt.Sprintf("; %d occupations share it, the ad's skills chose %s", len(occ), best.Title)
	}
	return t
}

// variants spells a title the ways O*NET may list it.
func variants(title string) []string {
	low := strings.ToLower(title)
	r := strings.NewReplacer("backend", "back end", "back-end", "back end", "frontend", "front end",
		"front-end", "front end", "fullstack", "full stack", "full-stack", "full stack")
	spelled := r.Replace(low)
	var out []string
	if spelled != low {
		out = append(out, spelled)
	}
	for _, s := range []string{low, spelled} {
		switch {
		case strings.HasSuffix(s, " engineer"):
			out = append(out, strings.TrimSuffix(s, "engineer")+"developer")
		case strings.HasSuffix(s, " developer"):
			out = append(out, strings.TrimSuffix(s, "developer")+"engineer")
		}
	}
	return out
}

// subsequences returns the ways to keep n of words in order (at most 6
// words, so at most 20 ways).
func subsequences(words []string, n int) []string {
	var out []string
	var pick func(start int, acc []string)
	pick = func(start int, acc []string) {
		if len(acc) == n {
			out = append(out, strings.Join(acc, " "))
			return
		}
		for i := start; i < len(words); i++ {
			pick(i+1, append(acc, words[i]))
		}
	}
	pick(0, make([]string, 0, n))
	return out
}

package cv

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Parse splits CV text into sections.
func Parse(text string) *Sections {
	lines := splitLines(text)
	joinSplitPeriods(lines)
	secs := sectionLines(lines)
	s := &Sections{
		Contact:              parseContact(secs[secHeader], text),
		Experience:           parseExperience(secs[secExperience]),
		Education:            parseEducation(secs[secEducation]),
		Skills:               listItems(secs[secSkills], false),
		Certifications:       listItems(secs[secCertifications], true),
		Languages:            listItems(secs[secLanguages], false),
		Projects:             parseProjects(secs[secProjects]),
		CertificationEntries: parseListed(secs[secCertifications], true),
		Awards:               parseListed(secs[secAwards], false),
	}
	langLines := secs[secLanguages]
	for _, l := range lines {
		if languageLabel.MatchString(l.text) {
			langLines = append(langLines, l)
		}
	}
	s.SpokenLanguages = parseLanguages(langLines)
	var summary []string
	for _, l := range secs[secSummary] {
		summary = append(summary, stripBullet(l.text))
	}
	s.Summary = strings.Join(summary, " ")
	if s.Experience == nil {
		s.Experience = []Experience{}
	}
	if s.Education == nil {
		s.Education = []Education{}
	}
	if s.Projects == nil {
		s.Projects = []Project{}
	}
	return s
}

// sectionAt tells which section the byte offset off of the text is in.
type sectionIndex struct {
	lines []line
	secOf []string // per line
}

func indexSections(text string) sectionIndex {
	lines := splitLines(text)
	idx := sectionIndex{lines: lines, secOf: make([]string, len(lines))}
	cur := secHeader
	for i, l := range lines {
		if sec := headingOf(l.text); sec != "" {
			cur = sec
		}
		idx.secOf[i] = cur
	}
	return idx
}

// at returns the section and line index at offset off.
func (x sectionIndex) at(off int) (string, int) {
	lo, hi := 0, len(x.lines)-1
	for lo < hi { // last line whose start <= off
		mid := (lo + hi + 1) / 2
		if x.lines[mid].start <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if len(x.lines) == 0 {
		return secHeader, 0
	}
	return x.secOf[lo], lo
}

// maxEvidence bounds the evidence kept per skill.
const maxEvidence = 3

// FindSkills finds the taxonomy's skills in the text with evidence and an
// estimated level 1–5. The level weighs context (listed only, used in a
// project, used in a position), the years of the positions that mention
// the skill, and recency: a skill last used long ago counts less.
func FindSkills(text string, secs *Sections, finder SkillFinder, now time.Time) []SkillFinding {
	if finder == nil {
		return []SkillFinding{}
	}
	idx := indexSections(text)
	type acc struct {
		f         SkillFinding
		mentions  int
		used      bool // in experience or projects
		inProject bool
		spans     []span
		positions map[int]bool
		seenLine  map[int]bool
	}
	byName := map[string]*acc{}
	var order []string
	for _, m := range finder.FindSkills(text) {
		if isSpokenLanguage(m.Name) {
			continue // a language, with its level in Sections.SpokenLanguages
		}
		a := byName[m.Name]
		if a == nil {
			a = &acc{f: SkillFinding{Name: m.Name, Category: m.Category, Evidence: []Evidence{}}, positions: map[int]bool{}, seenLine: map[int]bool{}}
			byName[m.Name] = a
			order = append(order, m.Name)
		}
		sec, li := idx.at(m.Start)
		if notASkillHere(text, idx.lines[li], m) {
			continue
		}
		where := sec
		switch sec {
		case secExperience:
			a.used = true
			for i, e := range secs.Experience {
				if m.Start >= e.Start && m.Start < e.End {
					if e.Company != "" && strings.Contains(e.Company, text[m.Start:m.End]) && !isBullet(idx.lines[li].text) &&
						strings.Contains(idx.lines[li].text, e.Company) {
						goto next // the employer's name ("Grünwald Logistics") is not a skill
					}
					where = "experience: " + strings.TrimSpace(e.Title+" "+at(e.Company))
					if !a.positions[i] {
						a.positions[i] = true
						if sp, ok := spanOf(e, now); ok {
							a.spans = append(a.spans, sp)
							a.f.LastUsed = max(a.f.LastUsed, int(sp.to))
						}
					}
					break
				}
			}
		case secProjects:
			a.used, a.inProject = true, true
		case secHeader:
			where = "header"
		}
		a.mentions++
		if !a.seenLine[li] {
			a.seenLine[li] = true
			ev := Evidence{Snippet: snippet(idx.lines[li].text, m.Start-idx.lines[li].start), Where: where}
			switch {
			case len(a.f.Evidence) < maxEvidence:
				a.f.Evidence = append(a.f.Evidence, ev)
			case sec == secExperience || sec == secProjects:
				// Use in a position says more than a list entry: replace one.
				for k := range a.f.Evidence {
					if !strings.HasPrefix(a.f.Evidence[k].Where, secExperience) && !strings.HasPrefix(a.f.Evidence[k].Where, secProjects) {
						a.f.Evidence[k] = ev
						break
					}
				}
			}
		}
	next:
	}
	out := make([]SkillFinding, 0, len(order))
	for _, name := range order {
		a := byName[name]
		if a.mentions == 0 {
			continue // only ever seen as an employer's name
		}
		sortEvidence(a.f.Evidence)
		a.f.Years = round1(totalYears(a.spans))
		a.f.Level = estimateLevel(a.used, a.inProject, a.f.Years, len(a.positions), a.mentions, a.f.LastUsed, now)
		out = append(out, a.f)
	}
	return out
}

// notASkillHere: a match inside a link or an address ("github.com/ada",
// "Github:// ada"), or inside a list's label ("Programming Languages: Go")
// names no skill.
func notASkillHere(text string, l line, m SkillMatch) bool {
	rest := text[m.End:min(len(text), m.End+8)]
	if strings.HasPrefix(rest, "://") || domainAfter.MatchString(rest) {
		return true
	}
	for _, loc := range linkRE.FindAllStringIndex(l.text, 10) {
		if off := m.Start - l.start - (len(text[l.start:l.end]) - len(strings.TrimLeft(text[l.start:l.end], " \t"))); off >= loc[0] && off < loc[1] {
			return true
		}
	}
	if colon := strings.IndexByte(text[l.start:l.end], ':'); colon > 0 && colon <= 30 && m.End <= l.start+colon &&
		strings.TrimSpace(text[l.start+colon+1:l.end]) != "" {
		return true
	}
	return false
}

var domainAfter = regexp.MustCompile(`^\.(?:com|io|org|net|dev|co|me)\b`)

func at(company string) string {
	if company == "" {
		return ""
	}
	return "at " + company
}

func estimateLevel(used, inProject bool, years float64, positions, mentions, lastUsed int, now time.Time) int {
	level := 2 // listed
	switch {
	case years >= 7 && positions >= 2:
		level = 5
	case years >= 3.5:
		level = 4
	case years >= 1.5:
		level = 3
	case used || inProject:
		level = 3
	case mentions >= 3:
		level = 3
	}
	if lastUsed > 0 && now.Year()-lastUsed > 5 {
		level-- // rusty
	}
	return max(1, min(5, level))
}

// snippet is the line around a match, at most ~160 bytes.
func snippet(s string, off int) string {
	const width = 160
	if len(s) <= width {
		return s
	}
	from := max(0, min(off-width/2, len(s)-width))
	for from > 0 && from < len(s) && s[from]&0xC0 == 0x80 {
		from--
	}
	to := min(len(s), from+width)
	for to < len(s) && s[to]&0xC0 == 0x80 {
		to++
	}
	return strings.TrimSpace(s[from:to])
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// sortEvidence puts use in positions and projects before mentions in lists.
func sortEvidence(ev []Evidence) {
	rank := func(e Evidence) int {
		switch {
		case strings.HasPrefix(e.Where, secExperience):
			return 0
		case strings.HasPrefix(e.Where, secProjects):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(ev, func(a, b Evidence) int { return rank(a) - rank(b) })
}

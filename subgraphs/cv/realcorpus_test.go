package cv

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/cv/extract"
)

// The real-world corpus is extract/testdata/real (template CVs from public
// repositories, licences in its MANIFEST.md). What the parser and the
// analysis should make of each file is in testdata/real/<file>.sections.truth.
const realCorpus = "extract/testdata/real"

// Targets from issue 21.
const targetHeadingKinds = 0.9

// floorSchools is the education entries read when the truth was written
// (of 14; the third school of xelatex-deedy.pdf, a name in capitals with
// no school word, is missed).
const floorSchools = 13

type sectionsTruth struct {
	headings [][2]string // heading, kind
	facts    map[string]string
	entries  [][4]string // title, employer, start, end
	schools  [][4]string // degree, school, start, end
	skills   []string    // every skill named: recall is measured on these
	skillsOK []string    // acceptable finds, not required
}

func readSectionsTruth(path string) (sectionsTruth, error) {
	f, err := os.Open(path)
	if err != nil {
		return sectionsTruth{}, err
	}
	defer f.Close()
	tr := sectionsTruth{facts: map[string]string{}}
	part := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if name, ok := strings.CutPrefix(l, "== "); ok {
			part = name
			continue
		}
		switch part {
		case "headings":
			h, k, ok := strings.Cut(l, " => ")
			if !ok {
				return tr, fmt.Errorf("%s: heading without \" => \": %q", path, l)
			}
			tr.headings = append(tr.headings, [2]string{h, k})
		case "facts":
			k, v, ok := strings.Cut(l, ": ")
			if !ok {
				return tr, fmt.Errorf("%s: fact without \": \": %q", path, l)
			}
			tr.facts[k] = v
		case "entries":
			p := strings.Split(l, " | ")
			if len(p) != 4 {
				return tr, fmt.Errorf("%s: entry needs 4 fields: %q", path, l)
			}
			tr.entries = append(tr.entries, [4]string{p[0], p[1], p[2], p[3]})
		case "education":
			p := strings.Split(l, "|")
			if len(p) != 4 {
				return tr, fmt.Errorf("%s: education needs 4 fields: %q", path, l)
			}
			for i := range p {
				p[i] = strings.TrimSpace(p[i])
			}
			tr.schools = append(tr.schools, [4]string{p[0], p[1], p[2], p[3]})
		case "skills":
			tr.skills = append(tr.skills, l)
		case "skills ok":
			tr.skillsOK = append(tr.skillsOK, l)
		default:
			return tr, fmt.Errorf("%s: line outside a part: %q", path, l)
		}
	}
	return tr, sc.Err()
}

// realFile is one corpus file read and analysed as the pipeline does.
type realFile struct {
	name     string
	text     string
	secs     *Sections
	analysis *Analysis
	truth    sectionsTruth
}

// realNow is a fixed "today", years after every corpus CV was written.
var realNow = time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)

func loadRealCorpus(t *testing.T) []realFile {
	t.Helper()
	truths, err := filepath.Glob("testdata/real/*.sections.truth")
	if err != nil || len(truths) < 10 {
		t.Fatalf("%d sections truth files (%v)", len(truths), err)
	}
	var out []realFile
	for _, tp := range truths {
		name := strings.TrimSuffix(filepath.Base(tp), ".sections.truth")
		tr, err := readSectionsTruth(tp)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(realCorpus, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.ExtractInProcess(context.Background(), data, extract.DefaultLimits())
		if err != nil {
			t.Fatalf("%s: extract: %v", name, err)
		}
		text := Unwrap(doc.Text)
		secs := Parse(text)
		o := NewOffline(nil)
		o.Now = func() time.Time { return realNow }
		a, err := o.Analyze(context.Background(), AnalysisInput{Text: text, Sections: secs, Skills: FindSkills(text, secs, nil, realNow), FileDate: FileDate(data)})
		if err != nil {
			t.Fatalf("%s: analyse: %v", name, err)
		}
		out = append(out, realFile{name: name, text: text, secs: secs, analysis: a, truth: tr})
	}
	return out
}

// TestRealCorpusSections measures, per file and over the corpus, the
// headings recognised with the right kind (target ≥ 90%) and the
// experience entries read with their dates and title or employer.
func TestRealCorpusSections(t *testing.T) {
	files := loadRealCorpus(t)
	var hits, total, eHits, eTotal, sHits, sTotal int
	for _, f := range files {
		kinds := map[string]string{}
		for _, l := range strings.Split(f.text, "\n") {
			if k := headingOf(l); k != "" {
				kinds[normHeading(l)] = k
			}
		}
		h, e := 0, 0
		var missed []string
		for _, hk := range f.truth.headings {
			if kinds[normHeading(hk[0])] == hk[1] {
				h++
			} else {
				missed = append(missed, fmt.Sprintf("%s (%s, got %q)", hk[0], hk[1], kinds[normHeading(hk[0])]))
			}
		}
		for _, want := range f.truth.entries {
			if entryFound(f.secs.Experience, want) {
				e++
			} else {
				missed = append(missed, "entry "+strings.Join(want[:], " | "))
			}
		}
		if want, ok := f.truth.facts["languages"]; ok {
			var got []string
			for _, l := range f.secs.SpokenLanguages {
				if l.Level != "" {
					l.Name += " (" + l.Level + ")"
				}
				got = append(got, l.Name)
			}
			if strings.Join(got, ", ") != want {
				t.Errorf("%s: languages %q, want %q", f.name, got, want)
			}
		}
		sc := 0
		for _, want := range f.truth.schools {
			if schoolFound(f.secs.Education, want) {
				sc++
			} else {
				missed = append(missed, "education "+strings.Join(want[:], " | "))
			}
		}
		sHits, sTotal = sHits+sc, sTotal+len(f.truth.schools)
		t.Logf("%-28s headings %2d/%-2d entries %d/%d education %d/%d %s", f.name, h, len(f.truth.headings), e, len(f.truth.entries), sc, len(f.truth.schools), strings.Join(missed, "; "))
		hits, total, eHits, eTotal = hits+h, total+len(f.truth.headings), eHits+e, eTotal+len(f.truth.entries)
	}
	share := float64(hits) / float64(total)
	t.Logf("corpus: headings with the right kind %d/%d (%.2f), experience entries %d/%d, education entries %d/%d", hits, total, share, eHits, eTotal, sHits, sTotal)
	if sHits < floorSchools {
		t.Errorf("education entries %d/%d read, floor %d", sHits, sTotal, floorSchools)
	}
	if share < targetHeadingKinds {
		t.Errorf("headings with the right kind %.2f, target %.2f", share, targetHeadingKinds)
	}
	if eHits < eTotal {
		t.Errorf("experience entries %d/%d read", eHits, eTotal)
	}
}

func entryFound(got []Experience, want [4]string) bool {
	end := want[3]
	for _, e := range got {
		gotEnd := e.EndDate
		if e.Current {
			gotEnd = "present"
		}
		if e.StartDate != want[2] || gotEnd != end {
			continue
		}
		both := strings.ToLower(e.Title + " " + e.Company)
		if strings.Contains(both, strings.ToLower(want[0])) || strings.Contains(both, strings.ToLower(want[1])) {
			return true
		}
	}
	return false
}

func schoolFound(got []Education, want [4]string) bool {
	for _, e := range got {
		if e.StartDate != want[2] || e.EndDate != want[3] {
			continue
		}
		both := strings.ToLower(e.Degree + " " + e.Institution)
		if (want[0] != "" && strings.Contains(both, strings.ToLower(want[0]))) || strings.Contains(both, strings.ToLower(want[1])) {
			return true
		}
	}
	return false
}

// TestRealCorpusNoFalseClaims: on every corpus file the offline analysis
// claims nothing missing that the CV holds (contact details, experience,
// education, summary), judges a summary's length only when it measured
// the real summary, and does not rate a long career ENTRY or JUNIOR.
func TestRealCorpusNoFalseClaims(t *testing.T) {
	for _, f := range loadRealCorpus(t) {
		t.Run(f.name, func(t *testing.T) {
			a, facts := f.analysis, f.truth.facts
			said := strings.ToLower(strings.Join(append(append(append([]string{}, a.Weaknesses...), a.Suggestions...), reasonsText(a)...), "\n"))
			t.Logf("confidence %.2f, unread %v", a.Confidence, a.UnreadParts)
			for _, item := range []string{"phone", "email"} {
				if facts[item] == "yes" && strings.Contains(said, "missing:") && strings.Contains(said, item) {
					t.Errorf("claims the %s is missing: %s", item, said)
				}
			}
			if n, _ := strconv.Atoi(facts["experience"]); n > 0 {
				for _, bad := range []string{"no work experience", "no dated work experience"} {
					if strings.Contains(said, bad) {
						t.Errorf("%d positions, but says %q", n, bad)
					}
				}
			}
			if n, _ := strconv.Atoi(facts["education"]); n > 0 && strings.Contains(said, "no education") {
				t.Errorf("%d education entries, but says no education", n)
			}
			if facts["summary"] == "yes" && strings.Contains(said, "no summary") {
				t.Error("has a summary, but says none")
			}
			if w, err := strconv.Atoi(facts["summary words"]); err == nil {
				got := len(strings.Fields(f.secs.Summary))
				long, short := strings.Contains(said, "summary is long"), strings.Contains(said, "summary is short")
				if (long && w <= 120) || (short && w >= 20) {
					t.Errorf("summary of %d words judged on %d words: %s", w, got, said)
				}
			}
			if y, err := strconv.ParseFloat(facts["years at least"], 64); err == nil {
				switch a.Seniority {
				case SeniorityEntry, SeniorityJunior:
					t.Errorf("%v years, rated %s", y, a.Seniority)
				}
			}
			if a.Confidence <= 0 || a.Confidence > 1 {
				t.Errorf("confidence %v", a.Confidence)
			}
		})
	}
}

func reasonsText(a *Analysis) []string {
	var out []string
	for _, r := range a.ScoreReasons {
		out = append(out, r.Comment)
	}
	return out
}

// realSkillFloors are the skill figures measured when the truth was
// written (taxonomy of internal/skills): a drop fails. The target
// (micro F1 ≥ 0.85, precision ≥ 0.9) needs the large taxonomy of a later
// issue; precision is held to it already.
var realSkillFloors = map[string]struct{ precision, recall float64 }{
	"lualatex-awesome-cv.pdf": {0.9, 0.95},
	"typst-basic-resume.pdf":  {0.95, 0.95},
	"xelatex-deedy.pdf":       {0.9, 0.9},
}

// TestRealCorpusSkills measures skill precision and recall per file against
// the truth's skills (names resolved through the taxonomy; a name the
// taxonomy lacks counts as missed), and micro figures over the corpus.
func TestRealCorpusSkills(t *testing.T) {
	tx, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	finder := Taxonomy{tx}
	canon := func(n string) string {
		if c, ok := finder.Canonical(n); ok {
			return c
		}
		return n
	}
	var tp, fp, fn int
	for _, f := range loadRealCorpus(t) {
		if len(f.truth.skills) == 0 {
			continue
		}
		want, ok := map[string]bool{}, map[string]bool{}
		for _, n := range f.truth.skills {
			want[canon(n)] = true
		}
		for _, n := range f.truth.skillsOK {
			ok[canon(n)] = true
		}
		got := map[string]bool{}
		for _, sk := range FindSkills(f.text, f.secs, finder, realNow) {
			got[sk.Name] = true
		}
		var hits, wrong int
		var falsePos, missed []string
		for n := range got {
			switch {
			case want[n]:
				hits++
			case !ok[n]:
				wrong++
				falsePos = append(falsePos, n)
			}
		}
		for n := range want {
			if !got[n] {
				missed = append(missed, n)
			}
		}
		sort.Strings(falsePos)
		sort.Strings(missed)
		p := float64(hits) / float64(max(1, hits+wrong))
		r := float64(hits) / float64(len(want))
		t.Logf("%-28s skills precision %.2f recall %.2f; false %v; missed %v", f.name, p, r, falsePos, missed)
		if fl, ok := realSkillFloors[f.name]; ok && (p < fl.precision || r < fl.recall) {
			t.Errorf("%s: skills precision %.2f recall %.2f, floor %.2f / %.2f", f.name, p, r, fl.precision, fl.recall)
		}
		tp, fp, fn = tp+hits, fp+wrong, fn+len(want)-hits
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("corpus skills: micro precision %.2f recall %.2f F1 %.2f", p, r, 2*p*r/(p+r))
}

package extract

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The real-world corpus (testdata/real, see its MANIFEST.md): template
// example CVs from public repositories, as their producers wrote them, each
// with a hand-written truth file. Targets from issue 21.
const (
	realTargetRecall = 0.98 // word recall on every file
)

// realFloor is what each file must still reach: the figures measured when
// the file or the last fix landed. A file below a target prints "below
// target"; a file below its floor fails (a regression).
type realFloor struct {
	recall   float64
	headings int // headings found on their own line
	before   int // column-order pairs in order
	lines    int // expected lines found within one line
	absent   int // forbidden strings (icon names) absent
}

var realFloors = map[string]realFloor{
	"chromium-html-sidebar.pdf": {recall: 1, headings: 5, before: 8, absent: 5},
	"firefox-html-sidebar.pdf":  {recall: 1, headings: 5, before: 8, absent: 5},
	"lualatex-awesome-cv.pdf":   {recall: 0.99, headings: 5, before: 6, lines: 7, absent: 3},
	"lualatex-moderncv-es.pdf":  {recall: 1, headings: 7, before: 5, lines: 1},
	"pdftex-altacv.pdf":         {recall: 1, headings: 10, before: 8},
	"pdftex-moderncv-zh.pdf":    {recall: 1, headings: 9, before: 5, lines: 1, absent: 1},
	"react-pdf-resume.pdf":      {recall: 1, headings: 3, before: 4},
	"typst-basic-resume.pdf":    {recall: 1, headings: 5, before: 5},
	"typst-grid.pdf":            {recall: 1, headings: 5, before: 5},
	"xelatex-deedy.pdf":         {recall: 0.99, headings: 8, before: 10, lines: 5},
}

// realTruth is a parsed .truth file: "== section" headers, one item a line,
// "#" comments. before pairs read "A << B": the first A precedes the first B.
type realTruth struct {
	text     string
	headings []string
	before   [][2]string
	lines    []string
	absent   []string
}

func readRealTruth(path string) (realTruth, error) {
	f, err := os.Open(path)
	if err != nil {
		return realTruth{}, err
	}
	defer f.Close()
	var tr realTruth
	var text strings.Builder
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		if name, ok := strings.CutPrefix(l, "== "); ok {
			section = strings.TrimSpace(name)
			continue
		}
		switch section {
		case "text":
			text.WriteString(l + "\n")
		case "headings":
			tr.headings = append(tr.headings, l)
		case "lines":
			tr.lines = append(tr.lines, l)
		case "absent":
			tr.absent = append(tr.absent, l)
		case "before":
			a, b, ok := strings.Cut(l, " << ")
			if !ok {
				return tr, fmt.Errorf("%s: before pair without \" << \": %q", path, l)
			}
			tr.before = append(tr.before, [2]string{strings.TrimSpace(a), strings.TrimSpace(b)})
		default:
			return tr, fmt.Errorf("%s: line outside a section: %q", path, l)
		}
	}
	tr.text = text.String()
	return tr, sc.Err()
}

// flat lower-cases, folds dashes to "-" and collapses spaces, so a check
// is about words and their order, not about which dash a font drew.
func flat(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‐', '‑', '‒', '–', '—', '−':
			return '-'
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

type realResult struct {
	name                                  string
	words                                 int
	recall, order                         float64
	headings, before, lines, absent       int
	nHeadings, nBefore, nLines, nAbsent   int
	verdict                               string
	failedHeadings, failedBefore, missing []string
}

func measureReal(text string, tr realTruth) realResult {
	exp, got := words(tr.text), words(text)
	res := realResult{
		words: len(exp), recall: recall(exp, got), order: order(exp, got),
		nHeadings: len(tr.headings), nBefore: len(tr.before), nLines: len(tr.lines), nAbsent: len(tr.absent),
		missing: missing(exp, got, 12),
	}
	own := map[string]bool{}
	var outLines []string
	for _, l := range strings.Split(text, "\n") {
		own[flat(l)] = true
		outLines = append(outLines, flat(l))
	}
	for _, h := range tr.headings {
		if own[flat(h)] {
			res.headings++
		} else {
			res.failedHeadings = append(res.failedHeadings, h)
		}
	}
	all := flat(text)
	for _, p := range tr.before {
		a, b := strings.Index(all, flat(p[0])), strings.Index(all, flat(p[1]))
		if a >= 0 && b >= 0 && a < b {
			res.before++
		} else {
			res.failedBefore = append(res.failedBefore, p[0]+" << "+p[1])
		}
	}
	for _, want := range tr.lines {
		for _, l := range outLines {
			if strings.Contains(l, flat(want)) {
				res.lines++
				break
			}
		}
	}
	for _, bad := range tr.absent {
		found := false
		for _, l := range outLines {
			found = found || strings.Contains(l, flat(bad))
		}
		if !found {
			res.absent++
		}
	}
	return res
}

// TestRealCorpus extracts every real CV through the child process, as
// production does, and reports per file: word recall and LCS order against
// the truth text, headings on their own line, column-order pairs, lines
// kept whole and icon names absent. It fails on a regression below the
// file's floor or a refused file, and prints which targets are not met.
func TestRealCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/real/*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < len(realFloors) {
		t.Fatalf("%d corpus files, want %d", len(files), len(realFloors))
	}
	var rows []realResult
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			floor, ok := realFloors[name]
			if !ok {
				t.Fatalf("no floor for %s in realFloors", name)
			}
			tr, err := readRealTruth(path + ".truth")
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Extract(context.Background(), data, DefaultLimits())
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			res := measureReal(doc.Text, tr)
			res.name = name
			v := Check(doc)
			res.verdict = v.Code
			rows = append(rows, res)
			if !v.OK {
				t.Errorf("quality gate refused a text PDF: %+v", v)
			}
			if res.recall < floor.recall {
				t.Errorf("word recall %.3f fell below its floor %.2f; missing: %v", res.recall, floor.recall, res.missing)
			}
			for _, c := range []struct {
				what       string
				got, floor int
				failed     []string
			}{
				{"headings on their own line", res.headings, floor.headings, res.failedHeadings},
				{"column-order pairs", res.before, floor.before, res.failedBefore},
				{"lines kept whole", res.lines, floor.lines, nil},
				{"icon names absent", res.absent, floor.absent, nil},
			} {
				if c.got < c.floor {
					t.Errorf("%s: %d fell below its floor %d; failing: %q", c.what, c.got, c.floor, c.failed)
				}
			}
			if t.Failed() {
				t.Logf("text:\n%s", doc.Text)
			}
		})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].name < rows[j].name })
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-26s %5s %6s %6s %8s %7s %6s %6s  %s\n", "file", "words", "recall", "order", "headings", "columns", "lines", "icons", "below target")
	for _, r := range rows {
		var below []string
		if r.recall < realTargetRecall {
			below = append(below, fmt.Sprintf("recall (missing %v)", r.missing))
		}
		if r.headings < r.nHeadings {
			below = append(below, fmt.Sprintf("headings %q", r.failedHeadings))
		}
		if r.before < r.nBefore {
			below = append(below, fmt.Sprintf("order %q", r.failedBefore))
		}
		if r.lines < r.nLines || r.absent < r.nAbsent {
			below = append(below, "lines/icons")
		}
		fmt.Fprintf(&b, "%-26s %5d %6.3f %6.3f %4d/%-3d %3d/%-3d %2d/%-3d %2d/%-3d  %s\n", r.name, r.words, r.recall, r.order,
			r.headings, r.nHeadings, r.before, r.nBefore, r.lines, r.nLines, r.absent, r.nAbsent, strings.Join(below, "; "))
	}
	t.Log(b.String())
}

// BenchmarkRealCorpus extracts each real CV in-process; run with -cpu 1
// for the one-core figure the target (< 1 s per file) is about.
func BenchmarkRealCorpus(b *testing.B) {
	files, err := filepath.Glob("testdata/real/*.pdf")
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus: %v", err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			for b.Loop() {
				if _, err := ExtractInProcess(context.Background(), data, DefaultLimits()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

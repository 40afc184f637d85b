package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The bar: every text-bearing corpus file yields at least this share of
// its known words, and the words come in reading order.
const (
	minRecall = 0.95
	minOrder  = 0.90
)

// errCorpus lists the corpus files that must not open, with the error.
var errCorpus = map[string]error{
	"encrypted-user-password.pdf": ErrEncrypted,
}

// gateCorpus lists the corpus files that must fail the quality gate.
var gateCorpus = map[string]string{
	"scanned.pdf": VerdictScanned,
	"garbled.pdf": VerdictGarbled,
}

// TestMain keeps the child-process hook explicit for readers; init has
// already served a child request before this runs.
func TestMain(m *testing.M) {
	RunChildIfRequested()
	os.Exit(m.Run())
}

func TestCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		name          string
		recall, order float64
		words         int
		verdict       string
	}
	var rows []row
	for _, path := range files {
		name := filepath.Base(path)
		ext := filepath.Ext(name)
		if ext != ".pdf" && ext != ".docx" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Extract(context.Background(), data, DefaultLimits())
			if want, ok := errCorpus[name]; ok {
				if !errors.Is(err, want) {
					t.Fatalf("Extract: %v, want %v", err, want)
				}
				rows = append(rows, row{name: name, verdict: "error: " + codeOf(err)})
				return
			}
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			v := Check(doc)
			if want, ok := gateCorpus[name]; ok {
				if v.OK || v.Code != want {
					t.Errorf("verdict %+v, want %s", v, want)
				}
				if !strings.Contains(v.Reason, "PDF") || !strings.Contains(v.Reason, "DOCX") {
					t.Errorf("reason %q does not ask for a text PDF or a DOCX", v.Reason)
				}
				rows = append(rows, row{name: name, verdict: v.Code})
				return
			}
			want, err := os.ReadFile(path + ".txt")
			if err != nil {
				t.Fatalf("no expected text: %v", err)
			}
			exp, got := words(string(want)), words(doc.Text)
			r, o := recall(exp, got), order(exp, got)
			rows = append(rows, row{name, r, o, len(exp), v.Code})
			if !v.OK {
				t.Errorf("quality gate refused a good file: %+v", v)
			}
			if r < minRecall {
				t.Errorf("word recall %.3f < %.2f; missing: %v", r, minRecall, missing(exp, got, 15))
			}
			if o < minOrder {
				t.Errorf("reading order %.3f < %.2f\n%s", o, minOrder, doc.Text)
			}
		})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].name < rows[j].name })
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-30s %5s  %6s  %6s  %s\n", "file", "words", "recall", "order", "verdict")
	for _, r := range rows {
		if r.words == 0 {
			fmt.Fprintf(&b, "%-30s %5s  %6s  %6s  %s\n", r.name, "-", "-", "-", r.verdict)
			continue
		}
		fmt.Fprintf(&b, "%-30s %5d  %6.3f  %6.3f  %s\n", r.name, r.words, r.recall, r.order, r.verdict)
	}
	t.Log(b.String())
}

// words splits text into comparable words: NFC, lower case, edge
// punctuation stripped, empty tokens dropped.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(norm.NFC.String(s)) {
		w = strings.TrimFunc(strings.ToLower(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// recall is the share of expected words (as a multiset) found.
func recall(exp, got []string) float64 {
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	n := 0
	for _, w := range exp {
		if have[w] > 0 {
			have[w]--
			n++
		}
	}
	return float64(n) / float64(max(1, len(exp)))
}

// order is the longest common subsequence of the word sequences over the
// expected length: 1.0 when every found word comes in the expected order.
func order(exp, got []string) float64 {
	prev := make([]int, len(got)+1)
	cur := make([]int, len(got)+1)
	for i := 1; i <= len(exp); i++ {
		for j := 1; j <= len(got); j++ {
			switch {
			case exp[i-1] == got[j-1]:
				cur[j] = prev[j-1] + 1
			case cur[j-1] > prev[j]:
				cur[j] = cur[j-1]
			default:
				cur[j] = prev[j]
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(got)]) / float64(max(1, len(exp)))
}

func missing(exp, got []string, n int) []string {
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	var out []string
	for _, w := range exp {
		if have[w] > 0 {
			have[w]--
			continue
		}
		if len(out) < n {
			out = append(out, w)
		}
	}
	return out
}

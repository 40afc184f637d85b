package coursedata

import (
	"os"
	"strings"
	"testing"
)

func TestParseFPB(t *testing.T) {
	f, err := os.Open("testdata/fpb-free-courses-en.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, err := parseFPB(f)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]entry{}
	for _, e := range entries {
		if strings.HasPrefix(e.URL, "#") {
			t.Fatalf("index link kept: %+v", e)
		}
		byTitle[e.Title] = e
	}
	tests := []struct {
		title, url, author, sections string
	}{
		{"Algorithms", "https://www.youtube.com/playlist?list=PLDN4rrl48XKpZkf03iYFl-O29szjTrs_O", "Abdul Bari", "Algorithms & Data Structures"},
		{"LearnWeb3 DAO | Become a Web3 Developer for Free", "https://learnweb3.io", "", ""},
		{"C Programming & Data Structures", "https://www.youtube.com/playlist?list=PLBlnK6fEyqRhX6r2uhhlubuF5QextdCSM", "Sujeet Singh (Neso Academy)", "C"},
		{"A Tour Of Go", "https://tour.golang.org/welcome/1", "", "Go"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			e, ok := byTitle[tt.title]
			if !ok {
				t.Fatalf("not parsed; have %d entries", len(entries))
			}
			if e.URL != tt.url || e.Author != tt.author || strings.Join(e.Sections, " / ") != tt.sections {
				t.Fatalf("%+v", e)
			}
		})
	}
}

func TestParseOSSU(t *testing.T) {
	f, err := os.Open("testdata/ossu-computer-science-README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, err := parseOSSU(f)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]entry{}
	for _, e := range entries {
		if !strings.HasPrefix(e.URL, "https://") {
			t.Fatalf("relative link kept: %+v", e)
		}
		byTitle[e.Title] = e
	}
	tests := []struct {
		title, level, sections string
		hours                  float64
		note                   string
	}{
		{"Programming Languages", "INTERMEDIATE", "Core CS / Core programming", 66, "11 weeks, at 4-8 hours/week, prerequisites: Systematic Program Design"},
		{"Software Architecture", "INTERMEDIATE", "Core CS / Core programming", 14, "4 weeks, at 2-5 hours/week, prerequisites: Object Oriented Design"},
		{"Fullstack Open", "ADVANCED", "Final project", 180, "12 weeks, at 15 hours/week, prerequisites: programming"},
		{"Game Design and Development with Unity 2020 (Specialization)", "ADVANCED", "Final project", 130, "6 months, at 5 hours/week, prerequisites: programming, interactive design"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			e, ok := byTitle[tt.title]
			if !ok {
				t.Fatalf("not parsed; have %v", entries)
			}
			if e.Level != tt.level || strings.Join(e.Sections, " / ") != tt.sections || e.Hours != tt.hours || e.Note != tt.note {
				t.Fatalf("%+v", e)
			}
		})
	}
	if _, ok := byTitle["Introduction to Computer Science and Programming using Python"]; ok {
		t.Fatal("a row linking OSSU's own course page was kept")
	}
}

func TestMarkdownLinks(t *testing.T) {
	tests := []struct {
		in, text, link, rest string
		ok                   bool
	}{
		{"[A](https://x.org/a) - B", "A", "https://x.org/a", " - B", true},
		{"[A [nested]](https://x.org/wiki/A_(b)) rest", "A [nested]", "https://x.org/wiki/A_(b)", " rest", true},
		{`[A \] b](https://x.org)`, "A ] b", "https://x.org", "", true},
		{"[A](https://x.org", "", "", "", false},
		{"[A] (https://x.org)", "", "", "", false},
		{"[](https://x.org)", "", "", "", false},
		{"plain text", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			text, link, rest, ok := mdLink(tt.in)
			if ok != tt.ok || text != tt.text || link != tt.link || rest != tt.rest {
				t.Fatalf("got %q %q %q %v", text, link, rest, ok)
			}
		})
	}
}

// A line longer than the bound is an error, not a silent truncation.
func TestParseRefusesOverlongLines(t *testing.T) {
	long := "* [A](https://x.org/" + strings.Repeat("a", maxLine) + ")\n"
	if _, err := parseFPB(strings.NewReader(long)); err == nil {
		t.Fatal("no error")
	}
}

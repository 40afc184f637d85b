package extract

import (
	"strings"
	"testing"
)

func TestDropRunningLines(t *testing.T) {
	pages := [][]string{
		{"Ana Ćirić · ana@example.com", "Experience", "Engineer at Acme", "Ana Ćirić — CV — Page 1 of 3"},
		{"Ana Ćirić · ana@example.com", "Intern at Beta", "Education", "Ana Ćirić — CV — Page 2 of 3"},
		{"Ana Ćirić · ana@example.com", "Skills", "Go", "3"},
	}
	got := dropRunningLines(pages)
	var lines []string
	for _, p := range got {
		lines = append(lines, strings.Join(p, " / "))
	}
	want := []string{
		"Ana Ćirić · ana@example.com / Experience / Engineer at Acme",
		"Intern at Beta / Education",
		"Skills / Go",
		"Ana Ćirić — CV — Page 1 of 3", // the footer, once, after the last page
	}
	if len(lines) != len(want) {
		t.Fatalf("%d pages: %q", len(lines), lines)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("page %d: %q, want %q", i+1, lines[i], want[i])
		}
	}
	one := [][]string{{"Page 1", "text"}}
	if got := dropRunningLines(one); len(got[0]) != 2 {
		t.Errorf("a one-page document lost lines: %q", got)
	}
}

// A contact line of digits and punctuation at a page's edge is not a page
// number (moderncv's footer "+1 (234) 567 890 • +2 (345) 678 901" was
// dropped), and a footer ending in its page's number is one running line.
func TestRunningLinesKeepPhoneNumbers(t *testing.T) {
	pages := [][]string{
		{"+49 30 1234 5678", "Experience", "Engineer at Acme", "+1 (234) 567 890 • +2 (345) 678 901", "February 10, 2026 Ana Ćirić · Résumé 1"},
		{"Intern at Beta", "Education", "+1 (234) 567 890 • +2 (345) 678 901", "February 10, 2026 Ana Ćirić · Résumé 2"},
		{"Skills", "Go", "Project 7", "February 10, 2026 Ana Ćirić · Résumé 3"},
	}
	var lines []string
	for _, p := range dropRunningLines(pages) {
		lines = append(lines, strings.Join(p, " / "))
	}
	want := []string{
		"+49 30 1234 5678 / Experience / Engineer at Acme",
		"Intern at Beta / Education",
		"Skills / Go / Project 7",
		"+1 (234) 567 890 • +2 (345) 678 901 / February 10, 2026 Ana Ćirić · Résumé",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d pages: %q", len(lines), lines)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("page %d: %q, want %q", i+1, lines[i], want[i])
		}
	}
}

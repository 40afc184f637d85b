package skills

import (
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, wantErr string
	}{
		{"alias clashes with another skill", "[A]\nJavaScript | JS\nJSON | js\n", `"js" clashes with "JS" on line 2`},
		{"name clashes after normalisation", "[A]\nNode.js\nNodeJS\n", `"NodeJS" clashes with "Node.js"`},
		{"redundant alias in one skill", "[A]\nC# | c#\n", `"c#" clashes with "C#"`},
		{"skill before category", "Go\n", "before the first [Category]"},
		{"bad header", "[A\nGo\n", "bad category header"},
		{"empty header", "[ ]\n", "bad category header"},
		{"punctuation-only name", "[A]\n+++\n", "punctuation-only"},
		{"empty alias", "[A]\nGo || Golang\n", "empty"},
		{"no skills", "# nothing\n", "no skills"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("parse error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestParseMarkers(t *testing.T) {
	tx, err := parse("[Languages]\n!Go | Golang\n=ML | Machine Learning\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want int
	}{
		{"strict form in prose", "we Go there", 0},
		{"strict form in a list", "Go, Golang", 2},
		{"case form wrong case", "ml", 0},
		{"case form right case", "ML", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := len(tx.Find(tc.text)); got != tc.want {
				t.Fatalf("Find(%q) found %d, want %d", tc.text, got, tc.want)
			}
		})
	}
	if s, _ := tx.Lookup("go"); s.Name != "Go" || len(s.Aliases) != 1 || s.Aliases[0] != "Golang" {
		t.Fatalf("Lookup(go) = %+v, want Go with alias Golang (markers stripped)", s)
	}
}

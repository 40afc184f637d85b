package cv

import (
	"strings"
	"testing"
)

func TestJoinSplitPeriods(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"date column read first", "2015\n|\npresent\nSome Position\n(remote)", "\n\n\nSome Position 2015 – present\n(remote)"},
		{"start beside the title", "2014 Another Position\n| Some Workplace\n2015", "Another Position 2014 – 2015\nSome Workplace\n"},
		{"a list of dated awards stays", "2021 2nd Place, GameDay\n2020 Finalist, DEFCON", "2021 2nd Place, GameDay\n2020 Finalist, DEFCON"},
		{"a lone year then text stays", "2019\nSome award text\nmore text", "2019\nSome award text\nmore text"},
		{"an end before the start stays", "2015 Position\n| Workplace\n2009", "2015 Position\n| Workplace\n2009"},
		{"a range already whole stays", "2014 – 2015 Position\n| x\n2016", "2014 – 2015 Position\n| x\n2016"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := splitLines(tt.in)
			joinSplitPeriods(lines)
			var got []string
			for _, l := range lines {
				got = append(got, l.text)
			}
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

package extract

import "testing"

func TestDrawnText(t *testing.T) {
	tests := []struct {
		name string
		s    string
		ems  float64
		want string
	}{
		{"soft hyphen drawn as a hyphen", "\u00AD", 0.33, "-"},
		{"soft hyphen drawn as an en dash", "\u00AD", 0.5, "–"},
		{"soft hyphen drawn as an em dash", "\u00AD", 1, "—"},
		{"private-use icon or ligature", "\uF095", 0.6, "\u200B"},
		{"private-use pair", "\uE000\uE001", 0.6, "\u200B"},
		{"letter", "a", 0.5, "a"},
		{"letter beside private use", "a\uE000", 0.5, "a\uE000"},
		{"space", " ", 0.25, " "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := drawnText(tt.s, tt.ems); got != tt.want {
				t.Errorf("drawnText(%q, %v) = %q, want %q", tt.s, tt.ems, got, tt.want)
			}
		})
	}
}

func TestIsIconFont(t *testing.T) {
	tests := []struct {
		base string
		want bool
	}{
		{"SYUXMJ+FontAwesome7Free-Solid", true},
		{"VMYLBG+FontAwesome5Free-Solid", true},
		{"RVRLQT+FontAwesome", true},
		{"YEEOJD+SimpleIconsFiltered", true},
		{"Font Awesome 6 Brands", true},
		{"Material-Icons", true},
		{"ECMIZR+MarVoSym", true},
		{"OWYBUZ+Roboto-Light", false},
		{"BUKNFV+Lato-Regular", false},
		{"Awesome-Sans", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			if got := isIconFont(tt.base); got != tt.want {
				t.Errorf("isIconFont(%q) = %v, want %v", tt.base, got, tt.want)
			}
		})
	}
}

// Chromium's PDF of a Linux Libertine CV maps the "ft" ligature to U+E039:
// the glyph's advance must not split the word it stands in.
func TestPrivateUseLigatureKeepsTheWord(t *testing.T) {
	var gs []glyph
	x := 286.1
	for _, g := range []struct {
		s string
		w float64
	}{{"c", 4.62}, {"r", 4.01}, {"a", 4.93}, {"\uE039", 6.43}, {"i", 2.93}, {"n", 5.85}, {"g", 5.40}} {
		gs = append(gs, glyph{X: x, Y: 700, W: g.w, Size: 9, S: drawnText(g.s, g.w/9)})
		x += g.w
	}
	f, ok := makeFragment(gs, 0)
	if !ok {
		t.Fatal("no fragment")
	}
	if got := normalizeText(f.text); got != "craing" {
		t.Errorf("text %q, want %q (one word, the unknown ligature left out)", got, "craing")
	}
}

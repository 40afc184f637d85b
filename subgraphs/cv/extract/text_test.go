package extract

import (
	"strings"
	"testing"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ligatures", "e\uFB03cient o\uFB03ce \uFB01le", "efficient office file"},
		{"spaces", "a\u00A0\u00A0b\t c  ", "a b c"},
		{"soft hyphen and zero width", "co\u00ADordi\u200Bnate", "coordinate"},
		{"decomposed accents become NFC", "Jose\u0301", "José"},
		{"blank lines", "\n\na\n\n\n\nb\r\nc\n\n", "a\n\nb\nc"},
		{"control characters stay for the gate", "a\x01b", "a\x01b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeText(tt.in); got != tt.want {
				t.Fatalf("normalizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestJoinBrokenWords(t *testing.T) {
	tests := []struct {
		name     string
		in, want []string
	}{
		{"TeX hyphenation", []string{"a shared fea-", "ture store"}, []string{"a shared feature store"}},
		{"dash before a number", []string{"Berlin 2019–", "2021"}, []string{"Berlin 2019–2021"}},
		{"hyphen before a capital stays", []string{"Open-", "Source work"}, []string{"Open-Source work"}},
		{"a dash standing alone", []string{"Berlin -", "present"}, []string{"Berlin -", "present"}},
		{"bullet list", []string{"- Go", "- SQL"}, []string{"- Go", "- SQL"}},
		{"three lines", []string{"inter-", "nation-", "al"}, []string{"international"}},
		{"compound prefix keeps its hyphen", []string{"a well-", "known library"}, []string{"a well-known library"}},
		{"self- keeps its hyphen", []string{"a self-", "taught engineer"}, []string{"a self-taught engineer"}},
		{"hyphenated form written elsewhere keeps", []string{"data-driven teams; data-", "driven work"}, []string{"data-driven teams; data-driven work"}},
		{"joined form written elsewhere joins", []string{"wellness apps; well-", "ness coach"}, []string{"wellness apps; wellness coach"}},
		{"no evidence joins as TeX does", []string{"an experi-", "ence of note"}, []string{"an experience of note"}},
		{"TeX break after ex- joins", []string{"an ex-", "celent shot"}, []string{"an excelent shot"}},
		{"suffix after a compound prefix joins", []string{"our well-", "ness app"}, []string{"our wellness app"}},
		{"hyphen kept before a number-led line", []string{"ISO-", "9001 audits"}, []string{"ISO-9001 audits"}},
		{"a word longer than the tail read", []string{"a " + strings.Repeat("x", 70) + "-", "yz"}, []string{"a " + strings.Repeat("x", 70) + "yz"}},
		{"multi-byte runes at the tail's cut", []string{strings.Repeat("ü", 40) + "-", "ber"}, []string{strings.Repeat("ü", 40) + "ber"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joinBrokenWords(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestComposeAccents(t *testing.T) {
	g := func(s string, x, w float64) glyph { return glyph{X: x, Y: 700, W: w, Size: 10, S: s} }
	tests := []struct {
		name string
		in   []glyph
		want string
	}{
		{"acute over e (TeX OT1)", []glyph{g("J", 0, 5), g("o", 5, 5), g("s", 10, 4), g("´", 14.5, 4), g("e", 14, 5)}, "José"},
		{"accent drawn before its letter", []glyph{g("¨", 0.5, 4), g("u", 0, 5)}, "ü"},
		{"dotless i takes the accent", []glyph{g("ı", 0, 3), g("´", 0, 3)}, "í"},
		{"a lone accent stays", []glyph{g("a", 0, 5), g("´", 8, 3)}, "a ´"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := layoutPage(tt.in)
			if got := normalizeText(strings.Join(lines, "\n")); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

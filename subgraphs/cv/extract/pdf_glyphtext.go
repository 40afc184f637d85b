package extract

import (
	"strings"
	"unicode"
)

// iconFonts are families whose glyphs are pictures (a phone, a house, a
// GitHub logo). Their ToUnicode maps point at private-use code points, at
// ASCII letters the web font happened to use, or at the icon's name
// (luaotfload writes "HOUSE-CHIMNEY"): none of it is text.
var iconFonts = []string{
	"fontawesome", "simpleicons", "academicons", "materialicons", "materialsymbols",
	"ionicons", "octicons", "fontello", "icomoon", "glyphicons", "linearicons",
	"entypo", "feathericons", "tablericons", "bootstrapicons", "remixicon",
	"boxicons", "devicons", "lineawesome", "themify", "typicons", "foundationicons",
	"weathericons", "socicon", "fontisto", "phosphor",
	"marvosym", // moderncv's phone, letter and bullet symbols
}

// isIconFont reports whether a BaseFont names an icon family: the subset
// tag ("ABCDEF+") and separators are ignored.
func isIconFont(baseFont string) bool {
	if i := strings.IndexByte(baseFont, '+'); i == 6 {
		baseFont = baseFont[i+1:]
	}
	name := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, baseFont)
	for _, f := range iconFonts {
		if strings.HasPrefix(name, f) {
			return true
		}
	}
	return false
}

// drawnText is what a drawn glyph means as text. A soft hyphen (U+00AD)
// that is drawn is visible, so it is a hyphen or a dash: LuaTeX's fonts map
// "-", "–" and "—" all to U+00AD, and the advance tells them apart (a
// hyphen is about 1/3 em, an en dash 1/2, an em dash 1). A glyph whose text
// is only private-use code points (U+E000–U+F8FF) has no meaning outside
// its font: an icon, or a ligature the font keeps there (Linux Libertine's
// "ft" in Chromium's PDFs). It becomes a zero-width space, which keeps its
// place in the word (no gap splits "cra·ing") and is removed from the text.
func drawnText(s string, ems float64) string {
	if s == "\u00AD" {
		switch {
		case ems >= 0.75:
			return "—"
		case ems >= 0.45:
			return "–"
		}
		return "-"
	}
	if s == "" {
		return s
	}
	for _, r := range s {
		if !unicode.Is(unicode.Co, r) {
			return s
		}
	}
	return "\u200B"
}

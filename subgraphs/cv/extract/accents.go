package extract

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// spacingAccents maps the spacing accent characters a font may draw on
// their own to the combining marks they stand for. TeX in its default OT1
// encoding has no "é": it draws "´" over "e", and text extraction would
// read "Jos´e". NFC later turns letter + mark into "é".
var spacingAccents = map[string]rune{
	"´": '\u0301', "`": '\u0300', "ˆ": '\u0302', "˜": '\u0303', "¨": '\u0308',
	"˚": '\u030A', "¸": '\u0327', "ˇ": '\u030C', "˘": '\u0306', "¯": '\u0304',
	"˙": '\u0307', "˝": '\u030B', "˛": '\u0328',
}

// composeAccents merges each spacing accent drawn over (or under) a letter
// into that letter. ln is one baseline, sorted by x.
func composeAccents(ln []glyph) []glyph {
	var out []glyph
	merged := make([]bool, len(ln))
	for i, g := range ln {
		mark, ok := spacingAccents[g.S]
		if !ok {
			continue
		}
		cx := g.X + g.W/2
		for _, j := range []int{i - 1, i + 1, i - 2, i + 2} {
			if j < 0 || j >= len(ln) || merged[j] {
				continue
			}
			b := ln[j]
			r, _ := utf8.DecodeRuneInString(b.S)
			if !unicode.IsLetter(r) || cx < b.X || cx > b.X+b.W || math.Abs(b.Y-g.Y) > b.Size {
				continue
			}
			base := b.S
			switch base {
			case "ı":
				base = "i"
			case "ȷ":
				base = "j"
			}
			ln[j].S = base + string(mark)
			merged[i] = true
			break
		}
	}
	for i, g := range ln {
		if !merged[i] {
			out = append(out, g)
		}
	}
	return out
}

package extract

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// ligatures and invisible characters that producers emit; the analyser and
// the word matcher want plain letters.
var textReplacer = strings.NewReplacer(
	"\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi", "\uFB04", "ffl",
	"\uFB05", "st", "\uFB06", "st",
	"\u00A0", " ", "\u2007", " ", "\u202F", " ", "\u2009", " ", "\u200A", " ",
	"\u00AD", "", "\u200B", "", "\u200C", "", "\u200D", "", "\u2060", "", "\uFEFF", "",
	"\r\n", "\n", "\r", "\n", "\t", " ", "\f", "\n", "\v", "\n",
)

// normalizeText makes Document.Text canonical: NFC, ligatures expanded,
// spaces collapsed, lines trimmed, runs of blank lines reduced to one.
// Control characters other than whitespace are kept on purpose: Check
// looks for them as a sign of garbled extraction.
func normalizeText(s string) string {
	s = norm.NFC.String(textReplacer.Replace(s))
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := true // drop leading blank lines
	for _, ln := range lines {
		ln = strings.Join(strings.FieldsFunc(ln, func(r rune) bool { return r == ' ' }), " ")
		if ln == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, ln)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

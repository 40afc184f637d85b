package cv

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	endsWithDate   = regexp.MustCompile(`(?i)` + dateRE + `$`)
	startsWithDash = regexp.MustCompile(`(?i)^(?:-|–|—|to|until|till)\s*(?:` + dateRE + `|present|current|now|today|ongoing)`)
)

// Unwrap joins lines a PDF's layout broke: a word hyphenated at the line
// end ("fea-" + "ture"), a line ending with a comma, and a date range split
// across lines ("2016" + "to 2020"). Parsing and skill offsets work on the
// unwrapped text, which is what the service stores.
func Unwrap(text string) string {
	lines := strings.Split(text, "\n")
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(lines); i++ {
		cur := strings.TrimRight(lines[i], " \t\r")
		for i+1 < len(lines) {
			next := strings.TrimSpace(lines[i+1])
			if next == "" || isBullet(next) || headingOf(next) != "" {
				break
			}
			switch {
			case hyphenated(cur) && startsLowerRune(next):
				cur = cur[:len(cur)-1] + next
			case strings.HasSuffix(cur, ","):
				cur += " " + next
			case endsWithDate.MatchString(cur) && startsWithDash.MatchString(next):
				cur += " " + next
			default:
				goto done
			}
			i++
		}
	done:
		b.WriteString(cur)
		if i < len(lines)-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func hyphenated(s string) bool {
	if !strings.HasSuffix(s, "-") || len(s) < 3 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return unicode.IsLetter(r)
}

func startsLowerRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

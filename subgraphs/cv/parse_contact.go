package cv

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	emailRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	phoneRE = regexp.MustCompile(`\+?\(?\d[\d\s().\-/]{6,}\d`)
	linkRE  = regexp.MustCompile(`(?i)\b(?:https?://[^\s|,;]+|www\.[^\s|,;]+|(?:linkedin\.com|github\.com|gitlab\.com|stackoverflow\.com|behance\.net|dribbble\.com)/[^\s|,;]+)`)
	// placeRE is "City, Country" or "City, ST": capitalised words, no digits.
	placeRE       = regexp.MustCompile(`^\p{Lu}[\p{L}.'\- ]{1,40},\s*\p{Lu}[\p{L}.'\- ]{1,40}$`)
	headerSep     = regexp.MustCompile(`\s*(?:[|•●·◦]|\s-\s|\s–\s|\s—\s|\t|\s{3,})\s*`)
	locationLabel = regexp.MustCompile(`(?i)^(?:location|address|based in|city)\s*:\s*`)
)

// parseContact reads contact details from the header lines, falling back to
// the whole text for email, phone and links (a DOCX footer, a sidebar).
func parseContact(header []line, text string) Contact {
	c := Contact{Links: []string{}}
	var pieces []string
	for _, l := range header {
		pieces = append(pieces, headerSep.Split(l.text, -1)...)
	}
	for _, p := range pieces {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case emailRE.MatchString(p) || linkRE.MatchString(p) || phoneLike(p):
		case c.Location == "" && locationLabel.MatchString(p):
			c.Location = strings.TrimSpace(locationLabel.ReplaceAllString(p, ""))
		case c.Location == "" && placeRE.MatchString(p):
			c.Location = p
		case c.Name == "" && nameLike(p):
			c.Name = p
		}
	}
	if c.Location == "" {
		c.Location = commaLocation(header)
	}
	c.Email = emailRE.FindString(text)
	for _, m := range phoneRE.FindAllString(text, 8) {
		if phoneLike(m) {
			c.Phone = strings.TrimSpace(m)
			break
		}
	}
	seen := map[string]bool{}
	for _, m := range linkRE.FindAllString(text, 20) {
		m = strings.TrimRight(m, ".)")
		if strings.Contains(m, "@") || seen[strings.ToLower(m)] {
			continue
		}
		seen[strings.ToLower(m)] = true
		c.Links = append(c.Links, m)
	}
	return c
}

// phoneLike: 8–15 digits and nothing that makes it a date range.
func phoneLike(s string) bool {
	m := phoneRE.FindString(s)
	if m == "" || hasPeriod(m) {
		return false
	}
	digits := 0
	for _, r := range m {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits >= 8 && digits <= 15
}

// nameLike: 2–5 words of letters, each capitalised, not a heading word.
func nameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || len(s) > 60 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '.' {
				return false
			}
		}
	}
	return !titleWords.MatchString(s)
}

// commaLocation finds "London, United Kingdom" in a comma-separated
// contact line such as "amara@example.net, +44 20 7946 0958, London, United Kingdom".
func commaLocation(header []line) string {
	for _, l := range header {
		if !emailRE.MatchString(l.text) && !phoneLike(l.text) {
			continue
		}
		var rest []string
		for _, p := range strings.Split(l.text, ",") {
			p = strings.TrimSpace(p)
			if p == "" || emailRE.MatchString(p) || linkRE.MatchString(p) || phoneLike(p) || headerSep.MatchString(p) {
				continue
			}
			rest = append(rest, p)
		}
		if loc := strings.Join(rest, ", "); len(rest) >= 1 && len(rest) <= 3 && placeRE.MatchString(loc) {
			return loc
		}
	}
	return ""
}

package cv

import (
	"regexp"
	"strings"
	"unicode"
)

// line is one line of CV text with its byte offset.
type line struct {
	text  string // trimmed
	start int    // offset of the untrimmed line in the text
	end   int
}

func splitLines(text string) []line {
	var out []line
	off := 0
	for raw := range strings.SplitSeq(text, "\n") {
		t := strings.TrimSpace(raw)
		out = append(out, line{text: t, start: off, end: off + len(raw)})
		off += len(raw) + 1
	}
	return out
}

// Section names, used as keys and in evidence ("where").
const (
	secHeader         = "header"
	secSummary        = "summary"
	secExperience     = "experience"
	secEducation      = "education"
	secSkills         = "skills"
	secCertifications = "certifications"
	secLanguages      = "languages"
	secProjects       = "projects"
	secOther          = "other"
)

// headings maps normalised heading lines to sections. Only short lines that
// are a heading in full count, so "experience with Go" in a bullet does not.
var headings = func() map[string]string {
	m := map[string]string{}
	add := func(sec string, names ...string) {
		for _, n := range names {
			m[n] = sec
		}
	}
	add(secSummary, "summary", "profile", "professional summary", "profile summary", "about", "about me",
		"objective", "career objective", "personal statement", "overview", "professional profile", "career summary")
	add(secExperience, "experience", "work experience", "professional experience", "employment", "employment history",
		"work history", "career history", "relevant experience", "experience and employment", "professional background")
	add(secEducation, "education", "academic background", "education and training", "qualifications",
		"academic qualifications", "education and qualifications")
	add(secSkills, "skills", "technical skills", "core skills", "key skills", "core competencies", "competencies",
		"technologies", "tech stack", "skills and tools", "tools", "skills and technologies", "technical expertise",
		"areas of expertise", "expertise", "skills summary")
	add(secCertifications, "certifications", "certificates", "licenses and certifications", "licences and certifications",
		"certification", "courses", "training", "courses and certifications", "certifications and training")
	add(secLanguages, "languages", "language skills", "spoken languages")
	add(secProjects, "projects", "personal projects", "selected projects", "side projects", "key projects",
		"open source", "open source projects", "portfolio")
	add(secOther, "interests", "hobbies", "hobbies and interests", "references", "publications", "awards",
		"honors and awards", "honours and awards", "volunteering", "volunteer experience", "achievements", "activities")
	return m
}()

var nonLetters = regexp.MustCompile(`[^a-z ]+`)

// headingOf returns the section a line heads, or "".
func headingOf(s string) string {
	if len(s) == 0 || len(s) > 40 {
		return ""
	}
	n := strings.ToLower(strings.TrimRight(s, ": "))
	n = strings.ReplaceAll(n, "&", " and ")
	n = strings.Join(strings.Fields(nonLetters.ReplaceAllString(n, " ")), " ")
	return headings[n]
}

// sectionLines groups the lines under their headings; lines before the
// first heading are the header.
func sectionLines(lines []line) map[string][]line {
	out := map[string][]line{}
	cur := secHeader
	for _, l := range lines {
		if sec := headingOf(l.text); sec != "" {
			cur = sec
			continue
		}
		if l.text == "" {
			continue
		}
		out[cur] = append(out[cur], l)
	}
	return out
}

var bulletPrefix = regexp.MustCompile(`^(?:[•●▪◦‣∙·■□➢➤►▸\-–—*]|\d{1,2}[.)])\s*`)

// isBullet reports whether s starts with a bullet mark; stripBullet removes it.
func isBullet(s string) bool {
	if strings.HasPrefix(s, "-") && len(s) > 1 && unicode.IsDigit(rune(s[1])) {
		return false // a negative number, not a bullet
	}
	return bulletPrefix.MatchString(s) && !dateRange.MatchString(s[:min(len(s), 12)])
}

func stripBullet(s string) string { return strings.TrimSpace(bulletPrefix.ReplaceAllString(s, "")) }

// splitItems splits a list line ("Go, Python; SQL | Docker") into items.
var itemSep = regexp.MustCompile(`\s*(?:[,;|•●▪·/]|\s{2,}|\t)\s*`)

func splitItems(s string) []string {
	var out []string
	for _, it := range itemSep.Split(s, -1) {
		it = strings.Trim(stripBullet(it), " .")
		if it != "" && len(it) <= 60 {
			out = append(out, it)
		}
	}
	return out
}

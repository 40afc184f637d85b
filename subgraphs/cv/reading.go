package cv

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// UnreadPart is a part of the CV the parser saw but could not read
// reliably. The analysis makes no claim about it; the user is told.
type UnreadPart struct {
	Part   string `json:"part"`   // "experience", "education", "summary", "name", "sections", ...
	Reason string `json:"reason"` // what we saw and what the user can do
}

// Reading is what the parser could read, checked against the raw text,
// and how far the analysis can trust it. Every verdict the offline engine
// gives about a missing item comes from here, so it is never based on a
// section the parser failed to find (OWASP's "fail safe" applied to
// advice: when unsure, say so instead of guessing).
type Reading struct {
	Confidence float64 // 0–1
	Unread     []UnreadPart
	// CVDate is the CV's own "now" (see CVDate).
	CVDate time.Time
	// Present in the raw text, whether or not parsed into Sections.
	HasEmail, HasPhone, HasLocation bool
	// ExperienceUnread: the text shows positions (an experience heading
	// or date ranges) but none were parsed.
	ExperienceUnread bool
	// UndatedButDated: a parsed position has no dates although its text
	// holds a year or a month, so its dates could not be read.
	UndatedButDated bool
	EducationUnread bool
	// SectionsUnread: no heading was recognised, so a part's absence
	// cannot be told from a part we did not find.
	SectionsUnread bool
	// SummaryFound: a summary section or an unlabelled profile paragraph.
	// SummaryBounded: its end is known (the next heading), so its length
	// means something.
	SummaryFound, SummaryBounded bool
	SummaryWords                 int
	// Years of experience the text shows: positions parsed, date ranges
	// outside education and projects, and "15+ years" claims.
	Years float64
}

var (
	phoneLabel = regexp.MustCompile(`(?i)(?:\b(?:phone|tel|tel\.|mobile|mob|cell|t[ée]l[ée]fono|t[ée]l[ée]phone|telefon|telem[óo]vel|celular|cellulare|handy)\b|手机|电话)\s*[:.]?\s*\(?\+?\d`)
	// placeholderPhone is a template's "+1 (xxx) xxx-xxxx": a phone the
	// author will fill in, not a missing one.
	placeholderPhone = regexp.MustCompile(`\+?\d{0,3}\s*\(?[x\d]{3}\)?[\s.\-]*[x\d]{3}[\s.\-]*[x\d]{4}`)
	locationWords    = regexp.MustCompile(`(?i)\b(?:address|location|based in|city|direcci[óo]n|adresse|anschrift|endere[çc]o|indirizzo|wohnort)\b|地址`)
	claimedYears     = regexp.MustCompile(`(?i)\b(\d{1,2})\s*\+?\s*(?:years?|yrs|años|ans|jahre|anos|anni)\b|(\d{1,2})\s*\+?\s*年`)
	schoolOrDeg      = regexp.MustCompile(`(?i)\b(?:university|universit[äéày]|universidad|universidade|college|institute of technology|bachelor|master|b\.?sc|m\.?sc|ph\.?\s?d|mba|diploma|licenciatura|grado)\b|大学|学院|学位`)
)

// Confidence penalties, one per part that could not be read.
const (
	penaltyExperience = 0.3
	penaltyEducation  = 0.15
	penaltySummary    = 0.1
	penaltyName       = 0.05
	penaltyDates      = 0.1
	penaltyNoHeadings = 0.4
	penaltySwallowed  = 0.2
)

// Assess checks what Parse read against the raw text. now is the real
// time; the CV's own date is derived from the text.
func Assess(text string, s *Sections, now time.Time) Reading {
	return AssessFile(text, s, time.Time{}, now)
}

// AssessFile is Assess with the file's own date (zero if unknown), which
// dates the CV when its text does not (see CVDateOf).
func AssessFile(text string, s *Sections, fileDate, now time.Time) Reading {
	r := Reading{Confidence: 1, Unread: []UnreadPart{}, CVDate: CVDateOf(text, fileDate, now)}
	lose := func(part, reason string, penalty float64) {
		r.Unread = append(r.Unread, UnreadPart{Part: part, Reason: reason})
		r.Confidence -= penalty
	}
	idx := indexSections(text)
	heads, nonEmpty, headerLines := map[string]bool{}, 0, 0
	for i, l := range idx.lines {
		if k := headingOf(l.text); k != "" {
			heads[k] = true
			continue
		}
		if l.text != "" {
			nonEmpty++
			if idx.secOf[i] == secHeader {
				headerLines++
			}
		}
	}

	// Sections: with no heading at all, or most of the text before the
	// first one, parts were glued together and nothing below is sure.
	switch {
	case len(heads) == 0 && nonEmpty >= 5: // fewer lines hide no parts
		lose("sections", "We found no section headings (Experience, Education, Skills, …), so we could not tell the parts of your CV apart. Give each part a heading on its own line.", penaltyNoHeadings)
		r.SectionsUnread = true
	case nonEmpty >= 20 && float64(headerLines) > 0.6*float64(nonEmpty):
		lose("sections", "Most of your CV comes before the first heading we recognised, so some headings were probably missed. Put each heading on its own line.", penaltySwallowed)
	}

	// Contact: present in the raw text counts, parsed or not.
	r.HasEmail = s.Contact.Email != "" || emailRE.MatchString(text)
	r.HasPhone = s.Contact.Phone != "" || phoneLabel.MatchString(text) || placeholderPhone.MatchString(text)
	if !r.HasPhone {
		for _, m := range phoneRE.FindAllString(text, 50) {
			r.HasPhone = r.HasPhone || phoneLike(m)
		}
	}
	r.HasLocation = s.Contact.Location != "" || len(s.Contact.Links) > 0 || locationWords.MatchString(text)
	if s.Contact.Name == "" {
		lose("name", "We could not tell which line is your name; put it alone on the first line.", penaltyName)
	}

	// Experience.
	periods, expYears := periodsOutside(idx)
	switch {
	case len(s.Experience) == 0 && (heads[secExperience] || periods > 0):
		why := "We found an experience section but could not read its positions."
		if periods > 0 {
			why = "Your CV shows " + strconv.Itoa(periods) + " date range(s) but we could not read them as positions."
		}
		lose("experience", why+" Give each position a line with its title, employer and dates (e.g. \"Engineer, Acme — Sep 2021 – present\").", penaltyExperience)
		r.ExperienceUnread = true
	case len(s.Experience) > 0:
		for _, e := range s.Experience {
			if e.StartDate == "" && e.End <= len(text) && e.Start < e.End && anyDate.MatchString(text[e.Start:e.End]) {
				r.UndatedButDated = true
			}
		}
		if r.UndatedButDated {
			lose("experience dates", "Some positions have dates we could not read; write them as \"Sep 2021 – Mar 2024\" on the position's line.", penaltyDates)
		}
	}
	parsed := 0.0
	var spans []span
	for _, e := range s.Experience {
		if sp, ok := spanOf(e, r.CVDate); ok {
			spans = append(spans, sp)
		}
	}
	parsed = totalYears(spans)
	r.Years = round1(max(parsed, expYears(r.CVDate), claimed(text)))

	// Education.
	if len(s.Education) == 0 && (heads[secEducation] || schoolOrDeg.MatchString(text)) {
		lose("education", "Your CV names a school or degree but we could not read it as an education entry. Give each degree a line with the degree, school and years.", penaltyEducation)
		r.EducationUnread = true
	}

	// Summary: its length only means something when the section ends at
	// a heading we recognised and holds no positions.
	r.SummaryFound = s.Summary != "" || heads[secSummary]
	if r.SummaryFound {
		r.SummaryWords = len(strings.Fields(s.Summary))
		r.SummaryBounded = summaryBounded(idx)
		if !r.SummaryBounded {
			lose("summary", "We could not tell where your summary ends (the heading after it was not recognised), so we did not judge its length.", penaltySummary)
		}
	} else if profileParagraph(idx) {
		r.SummaryFound = true // an unlabelled profile under the name
	}
	r.Confidence = math.Round(max(0.05, min(1, r.Confidence))*100) / 100
	return r
}

// periodsOutside counts the lines with a date range outside education,
// projects and lists of awards or certificates (where dates are not
// positions), and returns a function giving the years they cover.
func periodsOutside(idx sectionIndex) (int, func(now time.Time) float64) {
	var lines []string
	for i, l := range idx.lines {
		switch idx.secOf[i] {
		case secEducation, secProjects, secCertifications, secAwards, secPublications, secInterests, secReferences:
			continue
		}
		if hasPeriod(l.text) {
			lines = append(lines, l.text)
		}
	}
	return len(lines), func(now time.Time) float64 {
		var spans []span
		for _, l := range lines {
			var e Experience
			e.StartDate, e.EndDate, e.Current = datesOf(l)
			if sp, ok := spanOf(e, now); ok {
				spans = append(spans, sp)
			}
		}
		return totalYears(spans)
	}
}

// claimed reads "15+ years of experience": the largest such number under 50.
func claimed(text string) float64 {
	best := 0
	for _, m := range claimedYears.FindAllStringSubmatch(text, 20) {
		for _, g := range m[1:] {
			if n, err := strconv.Atoi(g); err == nil && n < 50 && n > best {
				best = n
			}
		}
	}
	return float64(best)
}

// summaryBounded: the summary section is followed by another heading and
// holds no date ranges and at most a few bullets.
func summaryBounded(idx sectionIndex) bool {
	in, bullets, words := false, 0, 0
	for i, l := range idx.lines {
		sec := idx.secOf[i]
		if sec == secSummary && headingOf(l.text) == secSummary {
			in = true
			continue
		}
		if !in {
			continue
		}
		if sec != secSummary {
			return bullets <= 5 && words <= 400
		}
		if hasPeriod(l.text) {
			return false
		}
		if isBullet(l.text) {
			bullets++
		}
		words += len(strings.Fields(l.text))
	}
	return false // the summary runs to the end of the text
}

// profileParagraph: the header (before the first heading) holds a prose
// paragraph of 25 words or more.
func profileParagraph(idx sectionIndex) bool {
	words := 0
	for i, l := range idx.lines {
		if idx.secOf[i] != secHeader || headingOf(l.text) != "" {
			break
		}
		if n := len(strings.Fields(l.text)); n >= 8 && !emailRE.MatchString(l.text) && !phoneLike(l.text) {
			words += n
		}
	}
	return words >= 25
}

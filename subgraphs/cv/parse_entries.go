package cv

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	titleWords   = regexp.MustCompile(`(?i)\b(?:engineer|developer|manager|lead|analyst|designer|architect|consultant|scientist|intern|director|head|specialist|administrator|officer|coordinator|associate|assistant|programmer|tester|owner|devops|sre|founder|cto|ceo|cfo|vp|president|researcher|teacher|nurse|accountant|technician|advisor|strategist|writer|editor|support|representative|executive|trainee|apprentice|contractor|freelance|freelancer|contributor|leader|member|fellow|maintainer|volunteer|partner|principal|professor|lecturer|tutor|desarrollador|desarrolladora|ingeniero|ingeniera|analista|gerente|jefe|jefa|directora|consultor|consultora|programador|programadora|t[ée]cnico|ingénieur|développeur|développeuse|chef|responsable|chargé|chargée|entwickler|softwareentwickler|ingenieur|leiter|leiterin|berater|beraterin|engenheiro|engenheira|desenvolvedor|desenvolvedora|sviluppatore|sviluppatrice|ingegnere|responsabile)\b`)
	companyWords = regexp.MustCompile(`(?i)\b(?:inc|ltd|llc|gmbh|ag|plc|corp|corporation|company|co|technologies|solutions|labs|bank|group|systems|software|consulting|agency|studio|partners|limited|s\.a|sa|bv|oy|ab|university|hospital|foundation)\b\.?`)
	headSplit    = regexp.MustCompile(`\s*(?:\||·|•|\s[-–—]\s|\s+at\s+|@|,\s)\s*`)
	degreeWords  = regexp.MustCompile(`(?i)\b(?:bachelor|master|b\.?sc|m\.?sc|b\.?eng|m\.?eng|ph\.?d|doctor|doctorate|diploma|mba|associate|a-levels|degree|bs|ms|abitur|licence|license|certificate|grado|licenciatura|m[aá]ster|maestr[ií]a|doctorado|ingenier[ií]a|t[ií]tulo|dipl[oô]me|doctorat|diplom|bachelorarbeit|promotion|bacharelado|mestrado|doutorado|laurea|dottorato)\b|(?:^|[\s(])(?:[bm]\.\s?(?:s|a|sc|eng)\.|ph\.\s?d\.|ll\.\s?[bm]\.)|学士|硕士|博士|学位`)
	projectSplit = regexp.MustCompile(`\s+[-–—:]\s+|:\s`)
	schoolWords  = regexp.MustCompile(`(?i)\b(?:university|college|institute|school|academy|polytechnic|universität|université|universidad|universidade|università|universiteit|uniwersytet|politechnika|hochschule|politecnico|polytechnique|école|escuela|bootcamp)\b`)
)

// parseExperience turns the experience section into positions. Each
// position is anchored on its date range; the title and company are on the
// date line or the line(s) just above or below it.
func parseExperience(lines []line) []Experience {
	var anchors []int
	for i, l := range lines {
		if hasPeriod(l.text) {
			anchors = append(anchors, i)
		}
	}
	type head struct{ start, date int }
	heads := make([]head, len(anchors))
	prevEnd := 0
	for k, i := range anchors {
		// A header wrapped in a narrow column: "Staff Engineer, Nordlicht
		// Payments" / "GmbH, Berlin — 2021–present" is one line.
		if i-1 >= prevEnd && isHeadLine(lines[i-1].text) && titleWords.MatchString(lines[i-1].text) &&
			!titleWords.MatchString(dateRange.ReplaceAllString(lines[i].text, "")) && !strings.HasSuffix(lines[i-1].text, ",") {
			lines[i].text = lines[i-1].text + " " + lines[i].text
			lines[i].start = lines[i-1].start
			lines[i-1].text = ""
		}
		pieces := headPieces(lines[i].text)
		start := i
		for need := 2 - len(pieces); need > 0 && start-1 >= prevEnd && isHeadLine(lines[start-1].text) && !startsLower(lines[start-1].text); need-- {
			start--
		}
		heads[k] = head{start, i}
		prevEnd = i + 1
	}
	out := make([]Experience, 0, len(heads))
	for k, h := range heads {
		bodyEnd := len(lines)
		if k+1 < len(heads) {
			bodyEnd = heads[k+1].start
		}
		var pieces []string
		location := ""
		addLine := func(text string) {
			ps, loc := headParts(text)
			pieces = append(pieces, ps...)
			if location == "" {
				location = loc
			}
		}
		for _, l := range lines[h.start:h.date] {
			addLine(l.text)
		}
		addLine(lines[h.date].text)
		body := lines[h.date+1 : bodyEnd]
		if len(pieces) < 2 && len(body) > 1 && isHeadLine(body[0].text) {
			addLine(body[0].text)
			body = body[1:]
		}
		e := Experience{Bullets: bulletsOf(body), Start: lines[h.start].start, End: lines[bodyEnd-1].end, Location: location}
		e.Title, e.Company = titleAndCompany(pieces)
		e.StartDate, e.EndDate, e.Current = datesOf(lines[h.date].text)
		out = append(out, e)
	}
	return out
}

// headPieces splits a heading line without its dates into its parts.
func headPieces(s string) []string {
	out, _ := headParts(s)
	return out
}

// headParts splits a heading line without its dates into its parts and
// the place at its end ("Dunamu Inc. Seoul, S.Korea": "Dunamu Inc." and
// "Seoul, S.Korea").
func headParts(s string) ([]string, string) {
	if hasYear(s) {
		s = dateRange.ReplaceAllString(s, " ")
		s = sinceDate.ReplaceAllString(s, " ")
		s = openRange.ReplaceAllString(s, " ")
	}
	s = strings.Trim(s, " ,|()-–—·")
	s, loc := splitPlace(s)
	var out []string
	for _, p := range headSplit.Split(s, -1) {
		if p = strings.Trim(p, " ,|()-–—·"); p != "" {
			out = append(out, p)
		}
	}
	return out, loc
}

// region is what follows the last comma of a place: one to three
// capitalised words ("CA", "S.Korea", "United Kingdom").
var region = regexp.MustCompile(`^\p{Lu}[\p{L}.'\-]*(?:\s\p{Lu}[\p{L}.'\-]*){0,2}$`)

// splitPlace takes "City, Region" off the end of a heading: the region
// after the last comma, and before it the city: the words after a
// separator ("| New York, NY"), else the last word, or the last two when
// the first of them opens city names ("San", "New", "Mountain"). Words
// that name a company or a role ("Inc.", "Engineer") are never the city.
func splitPlace(s string) (rest, place string) {
	i := strings.LastIndex(s, ", ")
	if i < 0 {
		return s, ""
	}
	reg := strings.TrimSpace(s[i+2:])
	if !region.MatchString(reg) || companyWords.MatchString(reg) || titleWords.MatchString(reg) {
		return s, ""
	}
	head := s[:i]
	cut := strings.LastIndexAny(head, "|·•")
	words := strings.Fields(head[cut+1:])
	if cut < 0 || len(words) > 3 {
		n := 1
		if len(words) >= 2 && cityPrefix[strings.ToLower(words[len(words)-2])] {
			n = 2
		}
		words = words[max(0, len(words)-n):]
	}
	if len(words) == 0 {
		return s, ""
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || companyWords.MatchString(w) || titleWords.MatchString(w) || strings.ContainsAny(w, "0123456789") {
			return s, ""
		}
	}
	city := strings.Join(words, " ")
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(head), city)), city + ", " + strings.TrimSpace(s[i+2:])
}

// cityPrefix: first words of two-word city names.
var cityPrefix = map[string]bool{"new": true, "san": true, "santa": true, "los": true, "las": true, "st.": true, "saint": true,
	"hong": true, "rio": true, "buenos": true, "mexico": true, "tel": true, "kuala": true, "cape": true, "mountain": true,
	"palo": true, "salt": true, "fort": true, "port": true, "north": true, "south": true, "east": true, "west": true,
	"la": true, "le": true, "el": true, "den": true, "frankfurt": true, "abu": true, "ho": true, "sao": true, "são": true}

// isHeadLine: a short line that is not a bullet nor a sentence.
func isHeadLine(s string) bool {
	return s != "" && len(s) <= 80 && !isBullet(s) && !endsSentence(s) && headingOf(s) == ""
}

// endsSentence: a full stop that is not an abbreviation's ("Inc.", "S.A.").
func endsSentence(s string) bool {
	if !strings.HasSuffix(s, ".") {
		return false
	}
	last := s[strings.LastIndexByte(s, ' ')+1:]
	return !strings.Contains(strings.TrimSuffix(last, "."), ".") && len(last) > 4
}

// titleAndCompany picks the job title and the employer among pieces by
// their words: the title is the first piece naming a role (and no
// company), the employer the first other piece naming a company, else the
// first other piece. Without clues the first piece is the title.
func titleAndCompany(pieces []string) (title, company string) {
	if len(pieces) == 0 {
		return "", ""
	}
	ti := slices.IndexFunc(pieces, func(p string) bool { return titleWords.MatchString(p) && !companyWords.MatchString(p) })
	if ti < 0 { // "Software Architect": a company word, but it ends in a role
		ti = slices.IndexFunc(pieces, endsInRole)
	}
	if ti < 0 {
		if len(pieces) == 1 && companyWords.MatchString(pieces[0]) {
			return "", pieces[0]
		}
		if len(pieces) == 1 {
			return pieces[0], ""
		}
		return pieces[0], pieces[1]
	}
	title = pieces[ti]
	for i, p := range pieces {
		if i != ti && companyWords.MatchString(p) {
			return title, p
		}
	}
	for i, p := range pieces {
		if i != ti {
			return title, p
		}
	}
	return title, ""
}

// endsInRole: the piece's last word names a role ("Software Engineer").
func endsInRole(p string) bool {
	m := titleWords.FindAllStringIndex(p, -1)
	return len(m) > 0 && m[len(m)-1][1] == len(strings.TrimRight(p, " ."))
}

func datesOf(s string) (start, end string, current bool) {
	if !hasYear(s) {
		return "", "", false
	}
	if m := dateRange.FindStringSubmatch(s); m != nil {
		start, end = normDate(m[1]), normDate(m[2])
		return start, end, end == ""
	}
	if m := sinceDate.FindStringSubmatch(s); m != nil {
		return normDate(m[1]), "", true
	}
	if m := openRange.FindStringSubmatch(s); m != nil {
		return normDate(m[1]), "", true
	}
	return "", "", false
}

// hasPeriod reports whether s holds a period: a date range, "since 2020"
// or an open "2019 –".
func hasPeriod(s string) bool {
	return hasYear(s) && (dateRange.MatchString(s) || sinceDate.MatchString(s) || openRange.MatchString(s))
}

// bulletsOf joins wrapped lines back into bullet points.
func bulletsOf(lines []line) []string {
	out := []string{}
	for _, l := range lines {
		t := l.text
		if t == "" {
			continue
		}
		if isBullet(t) {
			out = append(out, stripBullet(t))
			continue
		}
		if n := len(out); n > 0 && (startsLower(t) || !strings.HasSuffix(out[n-1], ".")) {
			out[n-1] += " " + t
			continue
		}
		out = append(out, t)
	}
	return out
}

func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z'
	}
	return false
}

// parseEducation groups lines into schools/degrees: a new entry starts at a
// line naming a school or degree when the current entry already has one.
func parseEducation(lines []line) []Education {
	var out []Education
	cur := -1
	for _, l := range lines {
		text := l.text
		if hasYear(text) && dayDate.MatchString(text) {
			continue // a dated footer ("February 10, 2026 Name · Résumé 3"), not a school year
		}
		start, end, _ := datesOf(text)
		ranged := start != ""
		if start == "" {
			if ds := anyDate.FindAllString(text, 2); len(ds) > 0 { // "Dec 2014 | Ithaca, NY", "2014 2016"
				start, end = normDate(ds[0]), normDate(ds[len(ds)-1])
				if len(ds) == 1 {
					start = ""
				}
			}
		}
		rest := strings.TrimSpace(yearRE.ReplaceAllString(anyDate.ReplaceAllString(dateRange.ReplaceAllString(text, " "), " "), " "))
		rest = strings.Trim(rest, " ,|()-–—·")
		var school, degree string
		var other []string
		for _, p := range headSplit.Split(rest, -1) {
			p = strings.Trim(p, " ,|()-–—·")
			switch {
			case p == "":
			case school == "" && schoolWords.MatchString(p):
				school = p
			case degree == "" && degreeWords.MatchString(p):
				degree = p
			default:
				other = append(other, p)
			}
		}
		if degree != "" && school == "" && len(other) > 0 && (cur < 0 || out[cur].Institution == "" || out[cur].Degree != "") && nameLikePiece(other[0]) {
			school, other = other[0], other[1:] // "MSc Physics, Uniwersytet Warszawski"
		}
		startsNew := cur < 0 || (school != "" && out[cur].Institution != "") || (degree != "" && out[cur].Degree != "")
		if (school != "" || degree != "") && startsNew {
			out = append(out, Education{Details: []string{}})
			cur = len(out) - 1
		}
		if cur < 0 {
			out = append(out, Education{Details: []string{}})
			cur = 0
		}
		e := &out[cur]
		if school != "" {
			e.Institution = school
		}
		if degree != "" {
			e.Degree = degree
		}
		// A range sets the period; a lone year only fills a gap, so a
		// year in a detail line ("Dean's List 2019") does not end it.
		if ranged || (e.StartDate == "" && e.EndDate == "" && (start != "" || end != "")) {
			if e.StartDate == "" || ranged {
				e.StartDate = start
			}
			e.EndDate = end
		}
		if school == "" && degree == "" && len(other) > 0 {
			e.Details = append(e.Details, stripBullet(rest))
		}
	}
	return out
}

// nameLikePiece: a piece that can name a school: capitalised, no digits,
// no grade ("99%", "GPA 3.9/4.0").
func nameLikePiece(p string) bool {
	r, _ := utf8.DecodeRuneInString(p)
	return unicode.IsUpper(r) && !strings.ContainsAny(p, "0123456789%") && !strings.Contains(strings.ToUpper(p), "GPA")
}

// parseProjects: a short non-bullet line names a project ("Name – what it
// is"); bullets and sentences below describe it.
func parseProjects(lines []line) []Project {
	var out []Project
	for _, l := range lines {
		t := l.text
		if !isBullet(t) && len(t) <= 100 && (len(out) == 0 || !startsLower(t)) && !strings.HasSuffix(t, ".") {
			p := Project{Name: t, Bullets: []string{}}
			if parts := projectSplit.Split(t, 2); len(parts) == 2 {
				p.Name, p.Description = strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
			}
			out = append(out, p)
			continue
		}
		if len(out) == 0 {
			out = append(out, Project{Name: "Project", Bullets: []string{}})
		}
		p := &out[len(out)-1]
		p.Bullets = append(p.Bullets, bulletsOf([]line{l})...)
	}
	return out
}

// listItems reads a list section; "Languages: Go, Python" drops the label.
func listItems(lines []line, perLine bool) []string {
	out := []string{}
	for _, l := range lines {
		t := stripBullet(l.text)
		if perLine {
			if t != "" {
				out = append(out, t)
			}
			continue
		}
		if i := strings.Index(t, ":"); i > 0 && i < 30 {
			t = t[i+1:]
		}
		out = append(out, splitItems(t)...)
	}
	return out
}

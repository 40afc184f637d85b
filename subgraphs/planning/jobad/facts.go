package jobad

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/careercoach/coach/internal/skills"
)

// Years of experience: "5+ years", "3-5 years", "at least two years",
// "mindestens 3 Jahre", "2 años", "5 ans". The sentence must also speak of
// experience, or "a 2-year contract" would be a requirement.
var (
	yearsRE     = regexp.MustCompile(`(?i)\b(\d{1,2}(?:[.,]5)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|zwei|drei|vier|fünf|dos|tres|cuatro|cinco|deux|trois|quatre|cinq)\s*\+?\s*(?:(?:-|–|to|bis|a|à)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?|jahre?n?|años|ans)\b`)
	numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
		"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5}
	experienceWords = []string{"experience", "experienced", "background", "track record", "working", "work",
		"erfahrung", "berufserfahrung", "experiencia", "expérience", "in a similar", "in the field", "post-qualification"}
)

// years is one number of years the sentence asks for.
type years struct {
	n  float64
	at int
}

// findYears returns the numbers of years of experience a sentence asks
// for ("3+ years of warehouse experience, including 1 year leading a
// team" asks for both). A number counts when the sentence speaks of
// experience or the years are "of" something or "doing" something; "21
// years of age" never does.
func findYears(low string) []years {
	var out []years
	ctx := hasAny(low, experienceWords)
	for _, m := range yearsRE.FindAllStringSubmatchIndex(low, 4) {
		after := strings.Fields(low[m[1]:min(len(low), m[1]+30)])
		if len(after) > 0 && after[0] == "of" && len(after) > 1 && strings.HasPrefix(after[1], "age") {
			continue
		}
		if !ctx && (len(after) == 0 || after[0] != "of" && !strings.HasSuffix(after[0], "ing")) {
			continue
		}
		w := low[m[2]:m[3]]
		y, known := numberWords[w]
		if !known {
			var err error
			if y, err = strconv.ParseFloat(strings.Replace(w, ",", ".", 1), 64); err != nil {
				continue
			}
		}
		if y > 0 && y <= 40 {
			out = append(out, years{n: y, at: m[0]})
		}
	}
	return out
}

// Education levels, ordered.
const (
	EduHighSchool = 1 + iota
	EduVocational
	EduBachelor
	EduMaster
	EduDoctorate
)

var eduNames = map[int]string{
	EduHighSchool: "High school diploma",
	EduVocational: "Associate degree or vocational qualification",
	EduBachelor:   "Bachelor's degree",
	EduMaster:     "Master's degree",
	EduDoctorate:  "Doctorate",
}

// EducationName names an education level.
func EducationName(level int) string { return eduNames[level] }

var eduPatterns = []struct {
	level int
	re    *regexp.Regexp
}{
	{EduDoctorate, regexp.MustCompile(`(?i)\b(ph\.?\s?d|doctorate|doctoral degree|doctor of \w+|pharm\.?\s?d|doctorado|doctorat)\b`)},
	{EduMaster, regexp.MustCompile(`(?i)\b(master'?s|masters|master (?:degree|of|in|en)|m\.?sc|mba|m\.s\.|msn|máster|maestría|bac\s?\+\s?5)\b|\bMS\b`)},
	{EduBachelor, regexp.MustCompile(`(?i)\b(bachelor'?s?|b\.?sc|b\.s\.|b\.a\.|bsn|bs/ba|ba/bs|four-year degree|4-year degree|licenciatura|grado en|licence (?:en|ou|professionnelle)|bac\s?\+\s?3)\b|\bB[AS]\b`)},
	{EduVocational, regexp.MustCompile(`(?i)\b(associate'?s? degree|associate degree|adn|vocational|trade school|apprenticeship|ausbildung|formación profesional|technical diploma|diploma in|level [1-5] (?:qualification|diploma|certificate)|nvq)\b`)},
	{EduHighSchool, regexp.MustCompile(`(?i)\b(high school (?:diploma|education|graduate)|ged|secondary school (?:diploma|education)|a-levels?|abitur|bachillerato|baccalauréat)\b`)},
}

// genericDegree names a degree without its level: a Bachelor's unless the
// clause names a level.
var genericDegree = regexp.MustCompile(`(?i)\b(university degree|college degree|degree in|hochschulabschluss|abgeschlossenes studium|studium|grado universitario|titulación universitaria)\b`)

type edu struct{ level, start, end int }

// findEducation returns, per clause, the lowest education level named
// ("Bachelor's or Master's degree" asks for a Bachelor's).
func findEducation(s sentence) []edu {
	var out []edu
	start := 0
	for _, c := range s.clauses {
		seg := s.text[start:c.end]
		best := edu{}
		for _, p := range eduPatterns {
			if loc := p.re.FindStringIndex(seg); loc != nil && eduContext(seg, p.level) {
				best = edu{level: p.level, start: start + loc[0], end: start + loc[1]}
			}
		}
		if loc := genericDegree.FindStringIndex(seg); loc != nil && best.level == 0 {
			best = edu{level: EduBachelor, start: start + loc[0], end: start + loc[1]}
		}
		if best.level > 0 {
			out = append(out, best)
		}
		start = c.end
	}
	return out
}

// eduContext keeps an apprenticeship one offers out: it must be one the
// person has completed.
func eduContext(seg string, level int) bool {
	low := strings.ToLower(seg)
	if level == EduVocational && strings.Contains(low, "apprenticeship") {
		return hasAny(low, []string{"completed", "completion", "certificate", "apprenticeship program", "or equivalent"})
	}
	return true
}

// cert is a certification found in a sentence.
type cert struct {
	name       string
	skill      string // the taxonomy skill it proves, if any
	start, end int
}

// Certifications by pattern; the name is the one shown. The generic rule
// after them catches "<Name> certification/license".
var certPatterns = []struct {
	name, skill string
	re          *regexp.Regexp
	ctx         string // a word the sentence must hold ("" for none)
}{
	{"Certified Medical Assistant", "", regexp.MustCompile(`\bCCMA\b|\bRMA\b|\bCMA\b|Certified Medical Assistant`), "medical"},
	{"PMP", "PMP", regexp.MustCompile(`\bPMP\b|Project Management Professional`), ""},
	{"Certified ScrumMaster", "Scrum Master", regexp.MustCompile(`\bCSM\b|Certified Scrum ?Master`), ""},
	{"PRINCE2", "PRINCE2", regexp.MustCompile(`\bPRINCE2\b`), ""},
	{"CPA", "Chartered Accountant", regexp.MustCompile(`\bCPA\b|Certified Public Accountant`), ""},
	{"CFA", "CFA", regexp.MustCompile(`\bCFA\b|Chartered Financial Analyst`), ""},
	{"ACCA", "Chartered Accountant", regexp.MustCompile(`\bACCA\b`), ""},
	{"CMA", "", regexp.MustCompile(`\bCMA\b|Certified Management Accountant`), ""},
	{"FINRA Series 7", "", regexp.MustCompile(`Series 7\b`), ""},
	{"FINRA Series 63", "", regexp.MustCompile(`Series 63\b`), ""},
	{"CISSP", "CISSP", regexp.MustCompile(`\bCISSP\b`), ""},
	{"CompTIA Security+", "CompTIA Security+", regexp.MustCompile(`Security\+`), ""},
	{"CompTIA A+", "", regexp.MustCompile(`CompTIA A\+|\bA\+ certif`), ""},
	{"CCNA", "", regexp.MustCompile(`\bCCNA\b`), ""},
	{"AWS certification", "AWS", regexp.MustCompile(`AWS Certified[A-Za-z -]*|AWS (?:Solutions Architect )?certification`), ""},
	{"CKA", "", regexp.MustCompile(`\bCKA\b|Certified Kubernetes Administrator`), ""},
	{"Registered Nurse license", "Nursing", regexp.MustCompile(`(?i)\bRN licen[sc]e|registered nurse licen[sc]e|licensed as a registered nurse|licen[sc]ed registered nurse`), ""},
	{"BLS", "Basic Life Support", regexp.MustCompile(`\bBLS\b|Basic Life Support`), ""},
	{"ACLS", "Advanced Cardiac Life Support", regexp.MustCompile(`\bACLS\b|Advanced Cardiac Life Support`), ""},
	{"PALS", "", regexp.MustCompile(`\bPALS\b`), ""},
	{"CPR", "Basic Life Support", regexp.MustCompile(`\bCPR\b`), ""},
	{"First Aid certificate", "First Aid", regexp.MustCompile(`(?i)first aid (?:certificat|certified|training)`), ""},
	{"CDL", "", regexp.MustCompile(`\bCDL\b|(?i)commercial driver'?s licen[sc]e`), ""},
	{"Driver's license", "", regexp.MustCompile(`(?i)\bdriver'?s licen[sc]e|driving licen[sc]e|führerschein|carnet de conducir|permis de conduire`), ""},
	{"Journeyman license", "", regexp.MustCompile(`(?i)journeyman(?: electrician| plumber)?(?:'s)? (?:licen[sc]e|card)`), ""},
	{"OSHA 10", "", regexp.MustCompile(`OSHA[ -]10\b`), ""},
	{"OSHA 30", "", regexp.MustCompile(`OSHA[ -]30\b`), ""},
	{"EPA 608 certification", "", regexp.MustCompile(`EPA(?: Section)? 608`), ""},
	{"AWS D1.1 welding certification", "", regexp.MustCompile(`(?:AWS )?D1\.1`), ""},
	{"Teaching license", "Teaching", regexp.MustCompile(`(?i)teaching (?:licen[sc]e|certificat\w*|credential)|\bQTS\b|Qualified Teacher Status|Lehramt`), ""},
	{"TEFL/CELTA", "Language Teaching", regexp.MustCompile(`\bCELTA\b|\bTEFL certificat\w*`), ""},
	{"Six Sigma", "Six Sigma", regexp.MustCompile(`(?i)six sigma(?: green| black)?(?: belt)?`), ""},
	{"SHRM-CP", "", regexp.MustCompile(`SHRM-(?:CP|SCP)`), ""},
	{"ServSafe", "", regexp.MustCompile(`ServSafe`), ""},
	{"Forklift certification", "", regexp.MustCompile(`(?i)forklift (?:certificat\w*|licen[sc]e)`), ""},
	{"ITIL certification", "IT Service Management", regexp.MustCompile(`\bITIL(?: v?4)?(?: Foundation)? certific\w*`), ""},
	{"Pharmacist license", "Pharmacy", regexp.MustCompile(`(?i)licensed pharmacist|pharmacist licen[sc]e|\bRPh\b`), ""},
}

// Generic certifications: "<Capitalised Name> certification|license|
// endorsement", and "current|valid|active [state] <words> license".
var (
	genericCert  = regexp.MustCompile(`\b((?:[A-Z][A-Za-z0-9+&-]*\s){1,4})(?:[Cc]ertification|[Cc]ertificate|[Ll]icen[sc]e|[Ee]ndorsement)\b`)
	currentLicen = regexp.MustCompile(`(?i)\b(?:current|valid|active)\s+(?:state\s+)?((?:[a-z]+\s){1,3})(licen[sc]e|certification)\b`)
)

func findCerts(text string) []cert {
	var out []cert
	low := strings.ToLower(text)
	for _, p := range certPatterns {
		if p.ctx != "" && !strings.Contains(low, p.ctx) {
			continue
		}
		for _, loc := range p.re.FindAllStringIndex(text, 2) {
			if !overlaps(out, loc[0], loc[1]) {
				out = append(out, cert{name: p.name, skill: p.skill, start: loc[0], end: loc[1]})
			}
		}
	}
	for _, m := range genericCert.FindAllStringSubmatchIndex(text, 2) {
		name := strings.TrimSpace(text[m[2]:m[3]])
		if overlaps(out, m[0], m[1]) || genericStop(name) {
			continue
		}
		out = append(out, cert{name: name + " " + strings.ToLower(text[m[3]:m[1]]), start: m[2], end: m[1]})
	}
	for _, m := range currentLicen.FindAllStringSubmatchIndex(text, 2) {
		if !overlaps(out, m[0], m[1]) {
			out = append(out, cert{name: strings.TrimSpace(text[m[2]:m[3]]) + " " + strings.ToLower(text[m[4]:m[5]]), start: m[2], end: m[1]})
		}
	}
	return out
}

// genericStop drops capitalised words that start a sentence but name no
// certification ("Valid certification", "A license").
func genericStop(name string) bool {
	w := strings.Fields(name)
	switch strings.ToLower(w[0]) {
	case "a", "an", "the", "valid", "current", "relevant", "any", "professional", "industry", "state", "active", "and", "or", "with":
		return len(w) == 1
	}
	return false
}

// language is a spoken language the ad asks for.
type language struct {
	name       string
	level      int
	start, end int
}

// Languages by their names in English, German, Spanish and French.
var languageNames = map[string]string{
	"english": "English", "englisch": "English", "inglés": "English", "ingles": "English", "anglais": "English",
	"german": "German", "deutsch": "German", "alemán": "German", "allemand": "German", "deutschkenntnisse": "German",
	"spanish": "Spanish", "spanisch": "Spanish", "español": "Spanish", "castellano": "Spanish", "espagnol": "Spanish",
	"french": "French", "französisch": "French", "francés": "French", "français": "French", "francais": "French",
	"italian": "Italian", "italienisch": "Italian", "italiano": "Italian", "italien": "Italian",
	"portuguese": "Portuguese", "portugués": "Portuguese", "dutch": "Dutch", "niederländisch": "Dutch",
	"mandarin": "Mandarin Chinese", "chinese": "Mandarin Chinese", "cantonese": "Cantonese", "japanese": "Japanese",
	"arabic": "Arabic", "polish": "Polish", "russian": "Russian", "hindi": "Hindi", "korean": "Korean",
	"turkish": "Turkish", "vietnamese": "Vietnamese", "tagalog": "Tagalog", "asl": "American Sign Language",
	"englischkenntnisse": "English",
}

var (
	languageWord = regexp.MustCompile(`(?i)\b[\p{L}]+\b`)
	languageCues = []string{"fluent", "fluency", "speak", "speaking", "spoken", "written and spoken", "native",
		"bilingual", "proficien", "language", "languages", "level", "business", "conversational", "verhandlungssicher",
		"fließend", "kenntnisse", "sprache", "idioma", "idiomas", "nivel", "langue", "courant", "parlé", "dominio",
		"c1", "c2", "b1", "b2", "a2", "muttersprache", "nativo", "natif"}
)

// findLanguages finds spoken languages in a sentence that speaks of
// languages ("fluent German", "Englisch verhandlungssicher"); "English
// teacher" asks for no language.
func findLanguages(s sentence, _ *skills.Taxonomy) []language {
	low := strings.ToLower(s.text)
	cued := hasAnyPrefix(low, languageCues)
	var out []language
	for _, loc := range languageWord.FindAllStringIndex(s.text, 64) {
		word := s.text[loc[0]:loc[1]]
		w := strings.ToLower(word)
		name, ok := languageNames[w]
		if !ok || (w == "asl" && word != "ASL") {
			continue
		}
		// Without a cue, a capitalised name ("Good written English",
		// "French or German is a plus") is the language unless a noun
		// follows that makes it a subject ("English teacher").
		if !cued && (!unicode.IsUpper([]rune(word)[0]) || subjectFollows(low[loc[1]:])) {
			continue
		}
		out = append(out, language{name: name, level: languageLevel(low), start: loc[0], end: loc[1]})
	}
	return out
}

// subjectFollows: "English teacher", "French literature", "Spanish
// classes" are subjects, not languages asked for.
func subjectFollows(rest string) bool {
	f := strings.Fields(rest)
	if len(f) == 0 {
		return false
	}
	switch strings.Trim(f[0], ".,;:") {
	case "teacher", "teachers", "teaching", "literature", "class", "classes", "lessons", "department", "curriculum", "language":
		return true
	}
	return false
}

// hasAnyPrefix is hasAny for word starts: "proficien" matches
// "proficiency" and "proficient".
func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		for off := 0; off < len(s); {
			i := strings.Index(s[off:], w)
			if i < 0 {
				break
			}
			i += off
			if i == 0 || !isLetter(s[i-1]) {
				return true
			}
			off = i + 1
		}
	}
	return false
}

// languageLevel: 5 native, 4 fluent/C1–C2, 3 business/B2, 2 conversational/B1, 0 unsaid.
func languageLevel(low string) int {
	switch {
	case hasAny(low, []string{"native", "muttersprache", "nativo", "natif", "mother tongue"}):
		return 5
	case hasAny(low, []string{"fluent", "fluency", "c1", "c2", "fließend", "verhandlungssicher", "courant", "bilingual"}):
		return 4
	case hasAny(low, []string{"business", "b2", "professional", "proficient", "proficiency"}):
		return 3
	case hasAny(low, []string{"conversational", "b1", "basic", "grundkenntnisse", "básico"}):
		return 2
	}
	return 0
}

func overlapsLang(ls []language, start, end int) bool {
	for _, l := range ls {
		if start < l.end && l.start < end {
			return true
		}
	}
	return false
}

// IsLanguage reports whether a skill name is a spoken language. The
// taxonomy lists languages as skills; in an ad they are language
// requirements instead (findLanguages), in a profile the languages held.
func IsLanguage(name string) bool {
	_, ok := languageNames[strings.ToLower(strings.Fields(name + " x")[0])]
	return ok && name != "Language Teaching"
}

// softSkills are the taxonomy's interpersonal and working skills; the rest
// of the taxonomy is hard skills.
var softSkills = map[string]bool{
	"Communication": true, "Written Communication": true, "Public Speaking": true, "Teamwork": true,
	"Problem Solving": true, "Critical Thinking": true, "Analytical Thinking": true, "Creativity": true,
	"Adaptability": true, "Time Management": true, "Organizational Skills": true, "Attention to Detail": true,
	"Emotional Intelligence": true, "Negotiation": true, "Empathy": true, "Self-Motivation": true,
	"Work Ethic": true, "Interpersonal Skills": true, "Active Listening": true, "Multitasking": true,
	"Leadership": true, "Storytelling": true, "Cultural Awareness": true, "Mentoring": true,
	"Team Leadership": true, "Stakeholder Management": true, "Customer Service": true, "Facilitation": true,
}

func isSoft(s skills.Skill) bool { return softSkills[s.Name] }

// skillLevel reads how well the sentence asks a skill to be known: 4 for
// expert/advanced/strong, 2 for familiarity/basic, else 3.
func skillLevel(low string) int {
	switch {
	case hasAny(low, []string{"expert", "expertise", "advanced", "deep", "extensive", "strong", "mastery", "senior-level", "fundierte", "sehr gute", "sólidos", "avanzado", "solide"}):
		return 4
	case hasAny(low, []string{"familiarity", "familiar", "basic", "exposure", "some experience", "awareness", "grundkenntnisse", "básico", "notions"}):
		return 2
	}
	return 3
}

package cv

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Section kinds, used as keys and in evidence ("where"). The first eight
// are the parts Sections stores; the rest only bound the sections around
// them, so an award list is not read as a job.
const (
	secHeader         = "header" // also a "Contact" or "Personal data" heading
	secSummary        = "summary"
	secExperience     = "experience"
	secEducation      = "education"
	secSkills         = "skills"
	secCertifications = "certifications"
	secLanguages      = "languages"
	secProjects       = "projects"
	secAwards         = "awards"
	secPublications   = "publications"
	secInterests      = "interests"
	secReferences     = "references"
	secOther          = "other"
)

// headingLexicon lists whole headings per kind, in English, Spanish,
// French, German, Portuguese, Italian and Chinese, as normHeading writes
// them (lower case, accents kept off, "&" as "and", no punctuation).
var headingLexicon = map[string][]string{
	secHeader: {"contact", "contact info", "contact information", "contact details", "personal data", "personal details",
		"personal information", "links", "datos personales", "contacto", "coordonnees", "informations personnelles",
		"kontakt", "personliche daten", "personliche angaben", "dados pessoais", "contatto", "dati personali",
		"informazioni personali", "个人信息", "联系方式", "基本信息"},
	secSummary: {"summary", "profile", "professional summary", "profile summary", "about", "about me", "objective",
		"career objective", "personal statement", "overview", "professional profile", "career summary", "executive summary",
		"summary of qualifications", "introduction", "bio", "perfil", "perfil profesional", "resumen", "resumen profesional",
		"sobre mi", "objetivo", "objetivo profesional", "profil", "profil professionnel", "resume", "a propos", "objectif",
		"profil personnel", "kurzprofil", "uber mich", "zusammenfassung", "berufsziel", "perfil profissional", "resumo",
		"sobre mim", "profilo", "profilo professionale", "sommario", "chi sono", "obiettivo", "个人简介", "自我评价",
		"个人总结", "求职意向", "简介", "自我介绍"},
	secExperience: {"experience", "work experience", "professional experience", "employment", "employment history",
		"work history", "career history", "relevant experience", "experience and employment", "professional background",
		"relevant work experience", "research experience", "research", "career", "positions", "positions held",
		"professional history", "experiences", "industry experience", "teaching experience", "internships", "internship",
		"experiencia", "experiencia laboral", "experiencia profesional", "trayectoria profesional", "historial laboral",
		"experience professionnelle", "experiences professionnelles", "parcours professionnel", "berufserfahrung",
		"berufliche erfahrung", "beruflicher werdegang", "werdegang", "praktische erfahrung", "experiencia profissional",
		"historico profissional", "esperienza", "esperienze", "esperienza lavorativa", "esperienze lavorative",
		"esperienza professionale", "esperienze professionali", "工作经历", "工作经验", "工作背景", "实习经历", "职业经历", "工作履历"},
	secEducation: {"education", "academic background", "education and training", "qualifications", "academic qualifications",
		"education and qualifications", "academic history", "studies", "coursework", "relevant coursework", "academics",
		"educational background", "thesis", "master thesis", "masters thesis", "bachelor thesis", "tesis de maestria", "tesis",
		"memoire", "abschlussarbeit", "masterarbeit", "tese", "tesi", "tesi di laurea", "毕业论文", "formacion", "formacion academica", "educacion", "estudios", "formation",
		"formation academique", "etudes", "ausbildung", "bildungsweg", "studium", "schulbildung", "akademischer werdegang",
		"formacao", "formacao academica", "educacao", "istruzione", "formazione", "istruzione e formazione", "studi",
		"教育背景", "教育经历", "学历", "教育"},
	secSkills: {"skills", "technical skills", "core skills", "key skills", "core competencies", "competencies", "technologies",
		"tech stack", "skills and tools", "tools", "skills and technologies", "technical expertise", "areas of expertise",
		"expertise", "skills summary", "computer skills", "it skills", "strengths", "skills and awards", "skills and interests",
		"abilities", "programming", "programming languages", "software", "technical proficiencies", "habilidades",
		"competencias", "conocimientos", "conocimientos de computacion", "conocimientos informaticos", "aptitudes",
		"competences", "competences techniques", "connaissances", "kenntnisse", "fahigkeiten", "kompetenzen",
		"edv kenntnisse", "it kenntnisse", "technische kenntnisse", "competencias tecnicas", "conhecimentos", "competenze",
		"competenze tecniche", "competenze informatiche", "capacita", "技能", "专业技能", "计算机技能", "技能特长", "技术技能"},
	secCertifications: {"certifications", "certificates", "licenses and certifications", "licences and certifications",
		"certification", "courses", "training", "courses and certifications", "certifications and training",
		"professional development", "continuing education", "further education", "licenses", "certificaciones", "cursos",
		"certificados", "formacion complementaria", "certifications professionnelles", "formations", "zertifikate",
		"zertifizierungen", "weiterbildung", "fortbildung", "kurse", "certificacoes", "certificati", "certificazioni", "corsi",
		"证书", "资格证书", "培训经历", "认证"},
	secLanguages: {"languages", "language skills", "spoken languages", "language", "idiomas", "lenguas", "langues",
		"competences linguistiques", "sprachen", "sprachkenntnisse", "linguas", "lingue", "conoscenze linguistiche",
		"语言", "语言技能", "语言能力", "外语"},
	secProjects: {"projects", "personal projects", "selected projects", "side projects", "key projects", "open source",
		"open source projects", "portfolio", "project", "academic projects", "relevant projects", "project experience",
		"proyectos", "projets", "projekte", "projetos", "progetti", "项目", "项目经历", "项目经验"},
	secAwards: {"awards", "honors and awards", "honours and awards", "honors", "honours", "achievements", "awards and honors",
		"most proud of", "accomplishments", "scholarships", "premios", "logros", "distinctions", "prix", "auszeichnungen",
		"preise", "premios e reconhecimentos", "premi", "riconoscimenti", "获奖情况", "荣誉奖项", "奖项", "荣誉"},
	secPublications: {"publications", "papers", "selected publications", "publicaciones", "publications scientifiques",
		"publikationen", "veroffentlichungen", "publicacoes", "pubblicazioni", "论文", "发表论文"},
	secInterests: {"interests", "hobbies", "hobbies and interests", "personal interests", "extracurricular activities",
		"activities", "a day of my life", "intereses", "aficiones", "centres d interet", "loisirs", "interessen", "hobbys",
		"interesses", "interessi", "个人兴趣", "兴趣爱好", "爱好"},
	secReferences: {"references", "referees", "referencias", "references professionnelles", "referenzen", "referencias",
		"referenze", "推荐人"},
	secOther: {"volunteering", "volunteer experience", "community", "leadership", "memberships", "affiliations",
		"additional information", "miscellaneous", "other", "extra", "my life philosophy", "misc", "voluntariado", "miscelaneo",
		"otros", "divers", "benevolat", "sonstiges", "ehrenamt", "outros", "altro", "volontariato", "其他", "附加信息"},
}

// headingKeywords classify headings the lexicon does not hold: an English
// heading ends in its head noun ("Relevant Work Experience"), a Romance
// one starts with it ("Experiencia en docencia"), a Chinese one ends in it.
// Earlier kinds win ("Skills and awards" is skills).
var headingKeywords = []struct{ kind, word string }{
	{secExperience, "experience"}, {secExperience, "employment"}, {secExperience, "experiencia"},
	{secExperience, "experiences"}, {secExperience, "esperienza"}, {secExperience, "经历"}, {secExperience, "经验"},
	{secEducation, "education"}, {secEducation, "coursework"}, {secEducation, "formacion"}, {secEducation, "educacion"},
	{secEducation, "formation"}, {secEducation, "formacao"}, {secEducation, "istruzione"},
	{secSkills, "skills"}, {secSkills, "skill"}, {secSkills, "competencies"}, {secSkills, "technologies"},
	{secSkills, "conocimientos"}, {secSkills, "competences"}, {secSkills, "competencias"}, {secSkills, "competenze"},
	{secSkills, "kenntnisse"}, {secSkills, "技能"},
	{secProjects, "projects"}, {secProjects, "proyectos"}, {secProjects, "projets"}, {secProjects, "progetti"},
	{secCertifications, "certifications"}, {secCertifications, "certificates"}, {secCertifications, "courses"},
	{secCertifications, "development"}, {secCertifications, "training"}, {secCertifications, "证书"},
	{secLanguages, "languages"}, {secLanguages, "idiomas"}, {secLanguages, "langues"}, {secLanguages, "sprachen"},
	{secAwards, "awards"}, {secAwards, "honors"}, {secAwards, "honours"}, {secAwards, "achievements"}, {secAwards, "premios"},
	{secPublications, "publications"}, {secInterests, "interests"}, {secInterests, "activities"}, {secInterests, "hobbies"},
	{secReferences, "references"},
}

var headingKind = func() map[string]string {
	m := map[string]string{}
	for kind, names := range headingLexicon {
		for _, n := range names {
			m[n] = kind
		}
	}
	return m
}()

// normHeading lower-cases, drops accents and punctuation, writes "&" and
// "+" as "and", and collapses spaces: "HONORS/AWARDS:" → "honors awards".
func normHeading(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r): // an accent, split off by NFD
		case r == '&' || r == '+':
			b.WriteString(" and ")
		case unicode.IsLetter(r), unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// maxHeadingLen bounds what can be a heading: a longer line is text.
const maxHeadingLen = 48

// headingOf returns the kind of section a line heads, or "". A line is a
// heading when it is one in full (the lexicon, with plurals folded) or when
// it looks like one (short, not a sentence nor a bullet, capitalised or in
// capitals) and its head noun is a heading keyword.
func headingOf(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxHeadingLen || isBullet(s) {
		return ""
	}
	n := normHeading(s)
	if n == "" {
		return ""
	}
	if k, ok := headingKind[n]; ok {
		return k
	}
	if k, ok := headingKind[strings.TrimSuffix(n, "s")]; ok {
		return k
	}
	if k, ok := headingKind[n+"s"]; ok {
		return k
	}
	// A numbered heading: "Extra 1", "其他 2".
	if k, ok := headingKind[strings.TrimRight(n, "0123456789 ")]; ok && k == secOther {
		return k
	}
	// "HONORS/AWARDS", "Skills & Awards": every part a heading, the first wins.
	if parts := strings.Split(n, " and "); len(parts) > 1 {
		if k, ok := headingKind[parts[0]]; ok {
			return k
		}
	}
	words := strings.Fields(n)
	if len(words) > 4 || !looksLikeHeading(s) {
		return ""
	}
	title := titleCased(s)
	for _, kw := range headingKeywords {
		switch {
		case title && words[len(words)-1] == kw.word, // "Leadership Experience"
			len(words) > 1 && words[0] == kw.word && romanceFirst(kw.word), // "Experiencia docente"
			hanHeading(n) && strings.HasSuffix(n, kw.word):                 // "实践经验"
			return kw.kind
		}
	}
	return ""
}

// romanceFirst: head nouns that open a Spanish, French, Portuguese or
// Italian heading ("Experiencia docente", "Competenze digitali").
func romanceFirst(w string) bool {
	switch w {
	case "experiencia", "esperienza", "formacion", "formation", "formacao", "educacion", "istruzione", "conocimientos",
		"competences", "competencias", "competenze", "proyectos", "projets", "progetti", "idiomas", "langues", "premios":
		return true
	}
	return false
}

// hanHeading: a short Chinese line (up to 8 characters).
func hanHeading(n string) bool {
	c := 0
	for _, r := range n {
		if !unicode.Is(unicode.Han, r) && r != ' ' {
			return false
		}
		c++
	}
	return c <= 8
}

// looksLikeHeading is the layout cue extraction leaves in the text: a short
// line alone, not a sentence nor a period, starting with a capital.
func looksLikeHeading(s string) bool {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") || hasPeriod(s) || yearRE.MatchString(s) {
		return false
	}
	if hanHeading(normHeading(s)) {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s)
	return len(strings.Fields(s)) <= 5 && unicode.IsUpper(first)
}

// titleCased: in capitals, or every word of four letters or more
// capitalised ("Leadership Experience", not "I have wide experience").
func titleCased(s string) bool {
	upper := true
	for _, r := range s {
		upper = upper && !unicode.IsLower(r)
	}
	if upper {
		return true
	}
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); utf8.RuneCountInString(w) >= 4 && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

package cv

import (
	"regexp"
	"slices"
	"strings"
)

// Language is a spoken language with its level as the CV states it:
// a CEFR level ("B2") or one of native, bilingual, fluent, advanced,
// intermediate, basic; "" when the CV gives none.
type Language struct {
	Name  string `json:"name"` // English name: "Spanish"
	Level string `json:"level,omitempty"`
}

// languageNames maps names of languages in the seven languages we read
// (accents dropped, lower case) to their English name.
var languageNames = func() map[string]string {
	m := map[string]string{}
	for _, l := range [][]string{
		{"English", "english", "ingles", "anglais", "englisch", "inglese", "英语", "英文"},
		{"Spanish", "spanish", "espanol", "castellano", "espagnol", "spanisch", "espanhol", "spagnolo", "西班牙语"},
		{"French", "french", "frances", "francais", "franzosisch", "francese", "法语"},
		{"German", "german", "aleman", "allemand", "deutsch", "alemao", "tedesco", "德语"},
		{"Portuguese", "portuguese", "portugues", "portugais", "portugiesisch", "portoghese", "葡萄牙语"},
		{"Italian", "italian", "italiano", "italien", "italienisch", "意大利语"},
		{"Chinese", "chinese", "mandarin", "cantonese", "chino", "chinois", "chinesisch", "chines", "cinese", "中文", "汉语", "普通话"},
		{"Japanese", "japanese", "japones", "japonais", "japanisch", "giapponese", "日语"},
		{"Korean", "korean", "coreano", "coreen", "koreanisch", "韩语"},
		{"Russian", "russian", "ruso", "russe", "russisch", "russo", "俄语"},
		{"Arabic", "arabic", "arabe", "arabisch", "arabo", "阿拉伯语"},
		{"Dutch", "dutch", "neerlandes", "neerlandais", "niederlandisch", "olandese", "holandes"},
		{"Polish", "polish", "polaco", "polonais", "polnisch", "polacco"},
		{"Turkish", "turkish", "turco", "turc", "turkisch"},
		{"Hindi", "hindi"}, {"Bengali", "bengali"}, {"Urdu", "urdu"}, {"Tamil", "tamil"},
		{"Persian", "persian", "farsi"}, {"Hebrew", "hebrew", "hebreo"}, {"Greek", "greek", "griego", "grec", "griechisch"},
		{"Swedish", "swedish", "sueco", "suedois", "schwedisch"}, {"Norwegian", "norwegian", "noruego"},
		{"Danish", "danish", "danes", "danois", "danisch"}, {"Finnish", "finnish", "finlandes"},
		{"Czech", "czech", "checo", "tcheque", "tschechisch"}, {"Ukrainian", "ukrainian", "ucraniano"},
		{"Romanian", "romanian", "rumano", "roumain", "rumanisch"}, {"Hungarian", "hungarian", "hungaro"},
		{"Vietnamese", "vietnamese"}, {"Thai", "thai"}, {"Indonesian", "indonesian", "malay"},
		{"Catalan", "catalan", "catala"}, {"Basque", "basque", "euskera"}, {"Galician", "galician", "gallego"},
	} {
		for _, n := range l[1:] {
			m[n] = l[0]
		}
	}
	return m
}()

// languageLevels maps level words (accents dropped) to the level reported.
var languageLevels = []struct{ level, words string }{
	{"native", `native|mother tongue|first language|nativo|nativa|lengua materna|langue maternelle|muttersprache|madrelingua|lingua materna|lingua nativa|母语`},
	{"bilingual", `bilingual|bilingue|zweisprachig`},
	{"fluent", `fluent|fluently|full professional|fluido|fluida|courant|couramment|fliessend|verhandlungssicher|fluente|流利`},
	{"advanced", `advanced|proficient|professional working|avanzado|avanzada|avance|fortgeschritten|avancado|avanzato|熟练`},
	{"intermediate", `intermediate|conversational|intermedio|intermedia|intermediaire|gute kenntnisse|intermediario|良好`},
	{"basic", `basic|beginner|elementary|limited working|basico|basica|notions|debutant|grundkenntnisse|base|基础|入门`},
}

var (
	cefrRE  = regexp.MustCompile(`\b([ABC][12])\b`)
	levelRE = func() []*regexp.Regexp {
		out := make([]*regexp.Regexp, len(languageLevels))
		for i, l := range languageLevels {
			out[i] = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + l.words + `)(?:$|[^\p{L}])|` + hanOnly(l.words))
		}
		return out
	}()
	languageWord  = regexp.MustCompile(`\p{L}+`)
	languageLabel = regexp.MustCompile(`(?i)^(?:languages?|spoken languages|idiomas|langues|sprachen|lingue|linguas|línguas|语言)\s*:`)
)

// hanOnly keeps the Chinese alternatives of a level's words, which have no
// word boundaries; an empty class (never matches) when there are none.
func hanOnly(words string) string {
	var han []string
	for _, w := range strings.Split(words, "|") {
		if hanHeading(w) {
			han = append(han, w)
		}
	}
	if len(han) == 0 {
		return `[^\x00-\x{10FFFF}]`
	}
	return strings.Join(han, "|")
}

// parseLanguages reads the spoken languages and their levels from the
// languages section, and from "Languages: …" lines anywhere: each language
// name starts an item, whose level is the text up to the next name.
func parseLanguages(lines []line) []Language {
	out := []Language{}
	seen := map[string]bool{}
	for _, l := range lines {
		text := foldAccents(l.text)
		var hits []langHit
		for _, loc := range languageWord.FindAllStringIndex(text, 40) {
			if n, ok := languageNames[text[loc[0]:loc[1]]]; ok {
				hits = append(hits, langHit{n, loc[0], loc[1]})
			}
		}
		hits = append(hits, hanLanguages(text)...)
		slices.SortFunc(hits, func(a, b langHit) int { return a.start - b.start })
		for i, h := range hits {
			end := len(text)
			if i+1 < len(hits) && hits[i+1].start > h.end {
				end = hits[i+1].start
			}
			if seen[h.name] {
				continue
			}
			seen[h.name] = true
			out = append(out, Language{Name: h.name, Level: levelIn(text[h.end:max(h.end, end)])})
		}
	}
	return out
}

// langHit is a language name found in a line.
type langHit struct {
	name       string
	start, end int
}

// hanLanguages finds Chinese language names ("英语", "德语"), which are not
// split into words.
func hanLanguages(text string) []langHit {
	var out []langHit
	for name, en := range languageNames {
		if !hanHeading(name) {
			continue
		}
		if i := strings.Index(text, name); i >= 0 {
			out = append(out, langHit{en, i, i + len(name)})
		}
	}
	return out
}

// levelIn is the level stated in s: a CEFR level first, else a word.
func levelIn(s string) string {
	if m := cefrRE.FindStringSubmatch(strings.ToUpper(s)); m != nil {
		return m[1]
	}
	for i, re := range levelRE {
		if re.MatchString(s) {
			return languageLevels[i].level
		}
	}
	return ""
}

// isSpokenLanguage reports whether a taxonomy skill is a spoken language
// ("Spanish", "Mandarin Chinese"): languages are languages, not skills.
func isSpokenLanguage(name string) bool {
	n := foldAccents(name)
	if _, ok := languageNames[n]; ok {
		return true
	}
	if i := strings.LastIndexByte(n, ' '); i > 0 {
		_, ok := languageNames[n[i+1:]]
		_, ok2 := languageNames[n[:i]]
		return ok && ok2
	}
	return false
}

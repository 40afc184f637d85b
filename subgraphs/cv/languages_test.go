package cv

import (
	"reflect"
	"testing"
)

func TestParseLanguages(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Language
	}{
		{"levels in brackets", "Languages\nEnglish (native), German (B2), Spanish (basic)",
			[]Language{{"English", "native"}, {"German", "B2"}, {"Spanish", "basic"}}},
		{"one a line with dashes", "LANGUAGES\nEnglish – Fluent\nFrench – C1\nItalian",
			[]Language{{"English", "fluent"}, {"French", "C1"}, {"Italian", ""}}},
		{"a label in the skills section", "Skills\nLanguages: English (mother tongue), Portuguese (intermediate)\nGo, Python",
			[]Language{{"English", "native"}, {"Portuguese", "intermediate"}}},
		{"Spanish CV", "Idiomas\nEspañol: lengua materna\nInglés: avanzado (C1)",
			[]Language{{"Spanish", "native"}, {"English", "C1"}}},
		{"French CV", "Langues\nFrançais langue maternelle, anglais courant",
			[]Language{{"French", "native"}, {"English", "fluent"}}},
		{"German CV", "Sprachkenntnisse\nDeutsch Muttersprache\nEnglisch verhandlungssicher",
			[]Language{{"German", "native"}, {"English", "fluent"}}},
		{"Italian CV", "Lingue\nItaliano madrelingua; Inglese B2",
			[]Language{{"Italian", "native"}, {"English", "B2"}}},
		{"Chinese CV", "语言技能\n英语 流利\n德语 基础",
			[]Language{{"English", "fluent"}, {"German", "basic"}}},
		{"programming languages are not spoken", "Programming Languages: Go, Python, Java", []Language{}},
		{"template placeholders", "Idiomas\nIdioma 1 nivel Comentario", []Language{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Parse(tt.text).SpokenLanguages; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestLanguagesAreNotSkills: a native speaker's languages do not come out
// as skills at "level 2 (beginner)" (issue 21).
func TestLanguagesAreNotSkills(t *testing.T) {
	for _, name := range []string{"English", "Spanish", "Mandarin Chinese", "Portuguese"} {
		if !isSpokenLanguage(name) {
			t.Errorf("%s is not taken for a language", name)
		}
	}
	for _, name := range []string{"Go", "Python", "Spanish Translation", "English Literature"} {
		if isSpokenLanguage(name) {
			t.Errorf("%s taken for a language", name)
		}
	}
}

package cv

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDatesOf(t *testing.T) {
	tests := []struct {
		line, start, end string
		current          bool
	}{
		{"DevOps Engineer Sep. 2023 – Mar. 2024", "2023-09", "2024-03", false},
		{"DevOps Engineer Sep. 2023 \u00ad Mar. 2024", "", "", false}, // no dash: extraction's job
		{"Engineer 09/2019 – present", "2019-09", "", true},
		{"Engineer 2019–", "2019", "", true},
		{"Engineer | 2019 - | Berlin", "2019", "", true},
		{"2019 - 2021", "2019", "2021", false},
		{"2019-09 – 2021-01", "2019-09", "2021-01", false},
		{"September 2019 to June 2021", "2019-09", "2021-06", false},
		{"Jan 2015 - Present | New York, NY", "2015-01", "", true},
		{"enero de 2019 – actualidad", "2019-01", "", true},
		{"Septiembre 2018 - Diciembre 2020", "2018-09", "2020-12", false},
		{"févr. 2017 – août 2019", "2017-02", "2019-08", false},
		{"janvier 2020 – aujourd'hui", "2020-01", "", true},
		{"März 2016 – Okt. 2018", "2016-03", "2018-10", false},
		{"Mai 2021 – heute", "2021-05", "", true},
		{"seit 2020", "2020", "", true},
		{"março 2015 – outubro 2017", "2015-03", "2017-10", false},
		{"fev 2019 - atual", "2019-02", "", true},
		{"gennaio 2018 – ottobre 2020", "2018-01", "2020-10", false},
		{"giu 2019 - in corso", "2019-06", "", true},
		{"2019年3月 – 2021年6月", "2019-03", "2021-06", false},
		{"2019年3月至今", "2019-03", "", true},
		{"desde 2020", "2020", "", true},
		{"no dates here", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			s, e, c := datesOf(tt.line)
			if s != tt.start || e != tt.end || c != tt.current {
				t.Errorf("datesOf(%q) = %q, %q, %v; want %q, %q, %v", tt.line, s, e, c, tt.start, tt.end, tt.current)
			}
		})
	}
}

func TestCVDate(t *testing.T) {
	now := time.Date(2030, 6, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       time.Time
	}{
		{"only an open period: today", "Engineer, Acme\nMar 2018 – Present\nIntern\n2016 – 2017", now},
		{"a later closed date", "Engineer, Acme\nMar 2018 – Present\nCertified Kubernetes Administrator, 2020", time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"dated footer", "Engineer Sep. 2023 - Present\nFebruary 10, 2026 Byungjin Park · Résumé 1", time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)},
		{"date of birth is not the CV's date", "Date of birth: 12 March 1990\nEngineer 2015 – 2019", time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"last updated line", "Last Updated on 21st January 2015\nEngineer\nJan 2013 - Present", time.Date(2015, 1, 31, 0, 0, 0, 0, time.UTC)},
		{"a year only", "Engineer 2016 – present\nAwards 2020", time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"a closed period", "Engineer Jan 2016 – Mar 2019", time.Date(2019, 3, 31, 0, 0, 0, 0, time.UTC)},
		{"no dates: today", "Engineer, Acme", now},
		{"dates in the future: today", "Engineer 2029 – 2031", now},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CVDate(tt.text, now); !got.Equal(tt.want) {
				t.Errorf("CVDate = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSplitPlace(t *testing.T) {
	tests := []struct{ in, rest, place string }{
		{"Dunamu Inc. Seoul, S.Korea", "Dunamu Inc.", "Seoul, S.Korea"},
		{"Kasa Seoul, S.Korea", "Kasa", "Seoul, S.Korea"},
		{"FACEBOOK | SOFTWARE ENGINEER | New York, NY", "FACEBOOK | SOFTWARE ENGINEER |", "New York, NY"},
		{"Google Mountain View, CA", "Google", "Mountain View, CA"},
		{"Acme GmbH, Berlin", "Acme GmbH, Berlin", ""}, // "Berlin" is the region side: no city before it
		{"Senior Engineer, Acme Ltd", "Senior Engineer, Acme Ltd", ""},
		{"Engineer at Acme Inc., London, United Kingdom", "Engineer at Acme Inc.,", "London, United Kingdom"},
		{"Pixels & Profit Interactive The Cloud", "Pixels & Profit Interactive The Cloud", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			rest, place := splitPlace(tt.in)
			if rest != tt.rest || place != tt.place {
				t.Errorf("splitPlace(%q) = %q, %q; want %q, %q", tt.in, rest, place, tt.rest, tt.place)
			}
		})
	}
}

func TestFileDate(t *testing.T) {
	tests := []struct{ file, want string }{
		{"lualatex-awesome-cv.pdf", "2026-02"},  // Info CreationDate
		{"lualatex-moderncv-es.pdf", "2013-04"}, // Info CreationDate
		{"pdftex-altacv.pdf", "2025-07"},        // XMP CreateDate
		{"xelatex-deedy.pdf", ""},               // compressed metadata: none found
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(realCorpus, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if d := FileDate(data); !d.IsZero() {
				got = d.Format("2006-01")
			}
			if got != tt.want {
				t.Errorf("FileDate = %q, want %q", got, tt.want)
			}
		})
	}
	if !FileDate([]byte("PK\x03\x04 /CreationDate (D:20200101)")).IsZero() {
		t.Error("a date read from a file that is not a PDF")
	}
}

func TestCVDateOfFile(t *testing.T) {
	now := time.Date(2030, 6, 15, 0, 0, 0, 0, time.UTC)
	file := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       time.Time
	}{
		{"the file dates an open period", "Engineer, Acme\nJan 2015 – Present", time.Date(2020, 3, 31, 0, 0, 0, 0, time.UTC)},
		{"a dated footer outranks the file", "Engineer Jan 2015 – Present\nFebruary 10, 2019 Jane Roe", time.Date(2019, 2, 28, 0, 0, 0, 0, time.UTC)},
		{"a later date in the text outranks the file", "Engineer Jan 2022 – Present", time.Date(2022, 1, 31, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CVDateOf(tt.text, file, now); !got.Equal(tt.want) {
				t.Errorf("CVDateOf = %v, want %v", got, tt.want)
			}
		})
	}
}

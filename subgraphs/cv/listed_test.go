package cv_test

import (
	"context"
	"os"
	"testing"

	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/extract"
)

// Certifications and awards of the Awesome-CV example (real corpus) come
// out as dated entries; group labels ("Domestic Awards") are not entries.
func TestListedEntries(t *testing.T) {
	raw, err := os.ReadFile("extract/testdata/real/lualatex-awesome-cv.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.ExtractInProcess(context.Background(), raw, extract.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	s := cv.Parse(cv.Unwrap(doc.Text))
	tests := []struct {
		name string
		got  []cv.Listed
		n    int
		want map[int]cv.Listed
	}{
		{"certifications", s.CertificationEntries, 9, map[int]cv.Listed{
			0: {Name: "AWS Certified Advanced Networking - Specialty", Issuer: "Amazon Web Services (AWS)", Date: "2023"},
			4: {Name: "Certified Kubernetes Application Developer (CKAD)", Issuer: "The Linux Foundation", Date: "2020"},
			8: {Name: "HashiCorp Certified: Vault Associate (003)", Issuer: "HashiCorp", Date: "2025"},
		}},
		// "Community" is a heading of its own (other), so its lines are not awards.
		{"awards", s.Awards, 11, map[int]cv.Listed{
			0:  {Name: "2nd Place, AWS ASEAN AI/ML GameDay Online", Date: "2021"},
			7:  {Name: "2nd Place, AWS Korea GameDay Seoul, S.Korea", Date: "2021"},
			10: {Name: "Silver Prize, KISA HDCON Hacking Competition Final Seoul, S.Korea", Date: "2013"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.got) != tt.n {
				t.Fatalf("%d entries, want %d: %+v", len(tt.got), tt.n, tt.got)
			}
			for i, w := range tt.want {
				if tt.got[i] != w {
					t.Errorf("entry %d = %+v, want %+v", i, tt.got[i], w)
				}
			}
		})
	}
}

func TestListedForms(t *testing.T) {
	text := "Jo Bloggs\n\nCertifications\n• Certified Kubernetes Administrator (CKA) (Mar 2021)\n" +
		"Professional Scrum Master I, Scrum.org – 2019\nGoogle Analytics Individual Qualification\n" +
		"renewed every year\n\nAwards\nStaff Award\nBest Paper Award, ICSE 2018\n"
	s := cv.Parse(text)
	want := []cv.Listed{
		{Name: "Certified Kubernetes Administrator (CKA)", Date: "2021-03"},
		{Name: "Professional Scrum Master I", Issuer: "Scrum.org", Date: "2019"},
		{Name: "Google Analytics Individual Qualification"},
	}
	if len(s.CertificationEntries) != len(want) {
		t.Fatalf("certifications %+v", s.CertificationEntries)
	}
	for i, w := range want {
		if s.CertificationEntries[i] != w {
			t.Errorf("certification %d = %+v, want %+v", i, s.CertificationEntries[i], w)
		}
	}
	// "Staff Award" is short and undated in a dated list: a group label.
	if len(s.Awards) != 1 || s.Awards[0] != (cv.Listed{Name: "Best Paper Award, ICSE", Date: "2018"}) {
		t.Errorf("awards %+v", s.Awards)
	}
}

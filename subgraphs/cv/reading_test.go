package cv

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestNoFalseVerdicts replays the false statements issue 21 found in the
// offline analysis of real CVs, each on a CV built to trigger it: the
// analysis must not say them, and must name the part it could not read.
func TestNoFalseVerdicts(t *testing.T) {
	now := time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)
	summary60 := strings.Repeat("Reliability engineer who builds calm platforms. ", 10) // 60 words
	tests := []struct {
		name       string
		text       string
		mustNot    []string // phrases the analysis must not contain
		unread     []string // parts that must be reported unread
		maxConf    float64
		notLevels  []Seniority
		wantYearsL float64 // the experience reason's years at least / at most
		wantYearsH float64
	}{
		{
			name: "dated roles under a heading we do not know",
			text: "Jane Roe\njane@example.com | +44 20 7946 0958 | London, UK\nStationen meiner Laufbahn\n" +
				"Acme Ltd 2019 – 2021\nBuilt things.\nGlobex 2016 – 2019\nRan things.\nEducation\nBSc Physics, University of Leeds, 2012 – 2015\n",
			mustNot: []string{"no dated work experience", "no work experience"},
			unread:  []string{"experience"},
			maxConf: 0.7,
		},
		{
			name:    "a phone the parser did not take",
			text:    "Jane Roe\nMobile: +49 30 123\njane@example.com\nExperience\nEngineer, Acme Ltd, 2019 – 2021\n- Built things\nEducation\nBSc, University of Leeds, 2015\n",
			mustNot: []string{"missing: phone", "missing: email, phone", "add your phone"},
		},
		{
			name:    "education without its heading",
			text:    "Jane Roe\njane@example.com\nExperience\nEngineer, Acme Ltd, 2019 – 2021\n- Built things\nStudien\nLicenciatura en Física, Universidad de Chile\n",
			mustNot: []string{"no education section"},
			unread:  []string{"education"},
		},
		{
			name: "a summary that swallowed the CV",
			text: "Jane Roe\njane@example.com\nSummary\n" + summary60 + "\nLaufbahn\nEngineer, Acme Ltd, 2019 – 2021\n" +
				strings.Repeat("- Ran the platform for many teams across the company every day\n", 30),
			mustNot: []string{"summary is long", "summary is short"},
			unread:  []string{"summary"},
		},
		{
			name: "a 15-year lead whose roles could not be read",
			text: "Jane Roe\njane@example.com\nSummary\nSRE lead with 15+ years of hands-on experience in infrastructure and security.\n" +
				"Work Experience\nAcme Ltd\nA long time ago\n- Led the SRE team\n",
			mustNot:   []string{"junior", "no work experience"},
			unread:    []string{"experience"},
			notLevels: []Seniority{SeniorityEntry, SeniorityJunior},
		},
		{
			name:    "a city alone is never called missing",
			text:    "Jane Roe\nBerlin\njane@example.com | +49 30 1234 5678\nExperience\nEngineer, Acme Ltd, 2019 – 2021\n- Built things\nEducation\nBSc, University of Leeds, 2015\n",
			mustNot: []string{"missing: location", "missing: email, phone, location", "location or profile link"},
		},
		{
			name:    "no heading recognised at all",
			text:    "Jane Roe\njane@example.com\nMi trayectoria\nHice muchas cosas en muchos sitios durante años.\nLo que sé\nGo, Python\n",
			mustNot: []string{"no summary", "no work experience", "no education"},
			unread:  []string{"sections"},
			maxConf: 0.6,
		},
		{
			name:       "present counted to the CV's date, not today",
			text:       "Jane Roe\njane@example.com\nExperience\nEngineer, Acme Ltd, Jan 2015 – Present\n- Built things\nEducation\nBSc, University of Leeds, 2010 – 2014\nCertificates\n2020 Certified Kubernetes Administrator\n",
			wantYearsL: 5.5, wantYearsH: 6.5,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := NewOffline(nil)
			o.Now = func() time.Time { return now }
			secs := Parse(tt.text)
			a, err := o.Analyze(context.Background(), AnalysisInput{Text: tt.text, Sections: secs})
			if err != nil {
				t.Fatal(err)
			}
			said := strings.ToLower(strings.Join(append(append(append([]string{}, a.Weaknesses...), a.Suggestions...), reasonsText(a)...), "\n"))
			for _, bad := range tt.mustNot {
				if strings.Contains(said, bad) {
					t.Errorf("says %q:\n%s", bad, said)
				}
			}
			for _, r := range a.SuggestedRoles {
				for _, bad := range tt.mustNot {
					if strings.Contains(strings.ToLower(r.Title), bad) {
						t.Errorf("suggests %q", r.Title)
					}
				}
			}
			parts := map[string]bool{}
			for _, u := range a.UnreadParts {
				parts[u.Part] = true
				if u.Reason == "" {
					t.Errorf("unread %s without a reason", u.Part)
				}
			}
			for _, p := range tt.unread {
				if !parts[p] {
					t.Errorf("unread parts %v, want %s among them", a.UnreadParts, p)
				}
			}
			if len(tt.unread) > 0 && a.Confidence >= 1 {
				t.Errorf("confidence %.2f with unread parts", a.Confidence)
			}
			if tt.maxConf > 0 && a.Confidence > tt.maxConf {
				t.Errorf("confidence %.2f, want at most %.2f", a.Confidence, tt.maxConf)
			}
			for _, l := range tt.notLevels {
				if a.Seniority == l {
					t.Errorf("seniority %s", a.Seniority)
				}
			}
			if tt.wantYearsH > 0 {
				r := Assess(tt.text, secs, now)
				if r.Years < tt.wantYearsL || r.Years > tt.wantYearsH {
					t.Errorf("%.1f years, want %.1f–%.1f (CV dated %s)", r.Years, tt.wantYearsL, tt.wantYearsH, r.CVDate.Format("2006-01"))
				}
			}
		})
	}
}

// TestAssessReadsAll: a CV read in full has confidence 1 and nothing unread.
func TestAssessReadsAll(t *testing.T) {
	text := "Jane Roe\njane@example.com | +44 20 7946 0958 | London, UK\nSummary\n" +
		strings.Repeat("Engineer who ships. ", 10) + "\nExperience\nEngineer, Acme Ltd, 2019 – 2021\n- Built things\nEducation\nBSc Physics, University of Leeds, 2012 – 2015\n"
	r := Assess(text, Parse(text), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	if r.Confidence != 1 || len(r.Unread) != 0 || !r.HasEmail || !r.HasPhone || !r.SummaryBounded {
		t.Errorf("%+v", r)
	}
}

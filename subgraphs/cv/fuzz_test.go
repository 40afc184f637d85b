package cv

import (
	"context"
	"testing"
	"time"
)

// FuzzAnalyze: any text parses and analyses without a panic into a valid
// analysis whose confidence is in 0–1 and whose unread parts have reasons.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Jane Roe\njane@example.com\nExperience\nEngineer, Acme Ltd, Sep. 2019 – present\n- Built things\n",
		"2015\n|\npresent\nSome Position\n(remote)\nEDUCATION\n2009 Ph.D.\n| Uni\n2014",
		"Idiomas\nEspañol: lengua materna, Inglés C1\n工作经历\n软件工程师 | 星辰 | 2019年3月至今",
		"Summary\n" + "word " + "\nLaufbahn\nAcme 2019 –\n",
		"Dunamu Inc. Seoul, S.Korea\nDevOps Engineer Sep. 2023 - Mar. 2024\nFebruary 10, 2026 Name",
	} {
		f.Add(s)
	}
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	o := NewOffline(nil)
	o.Now = func() time.Time { return now }
	f.Fuzz(func(t *testing.T, text string) {
		secs := Parse(text)
		a, err := o.Analyze(context.Background(), AnalysisInput{Text: text, Sections: secs, Skills: FindSkills(text, secs, nil, now)})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Validate(); err != nil {
			t.Fatal(err)
		}
		if a.Confidence < 0 || a.Confidence > 1 {
			t.Fatalf("confidence %v", a.Confidence)
		}
		for _, u := range a.UnreadParts {
			if u.Part == "" || u.Reason == "" {
				t.Fatalf("unread part %+v", u)
			}
		}
	})
}

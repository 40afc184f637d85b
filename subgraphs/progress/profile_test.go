package progress

import (
	"testing"
	"time"
)

func TestProfilerBuild(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	broader := func(name string) []string {
		return map[string][]string{"Tableau": {"Data Visualization"}, "Public Speaking": {"Communication"}}[name]
	}
	tests := []struct {
		name      string
		evidence  []Evidence
		skill     string
		wantLevel int
		wantTop   EvidenceSource
	}{
		{"a quiz outranks the CV", []Evidence{
			{Skill: "SQL", Level: 5, Source: FromCV, Detail: "SQL daily", At: now.Add(-day)},
			{Skill: "SQL", Level: 2, Source: FromQuiz, At: now},
		}, "SQL", 2, FromQuiz},
		{"a quiz outranks a self-rating", []Evidence{
			{Skill: "Go", Level: 5, Source: FromSelf, At: now},
			{Skill: "Go", Level: 3, Source: FromQuiz, At: now.Add(-day)},
		}, "Go", 3, FromQuiz},
		{"a self-rating corrects the CV", []Evidence{
			{Skill: "Python", Level: 4, Source: FromCV, Detail: "Python", At: now.Add(-day)},
			{Skill: "Python", Level: 2, Source: FromSelf, At: now},
		}, "Python", 2, FromSelf},
		{"an old quiz decays below a fresh CV claim", []Evidence{
			{Skill: "Java", Level: 1, Source: FromQuiz, At: now.Add(-3 * 365 * day)},
			{Skill: "Java", Level: 4, Source: FromCV, Detail: "Java services", At: now},
		}, "Java", 4, FromCV},
		{"a course completed after the quiz raises the level", []Evidence{
			{Skill: "Pandas", Level: 1, Source: FromQuiz, At: now.Add(-10 * day)},
			{Skill: "Pandas", Level: 3, Source: FromCourse, Detail: "Pandas in depth", At: now},
		}, "Pandas", 3, FromQuiz},
		{"a course alone gives its level", []Evidence{
			{Skill: "Machine Learning", Level: 2, Source: FromCourse, At: now},
		}, "Machine Learning", 2, FromCourse},
		{"the newest self-rating wins", []Evidence{
			{Skill: "Go", Level: 2, Source: FromSelf, At: now.Add(-day)},
			{Skill: "Go", Level: 4, Source: FromSelf, At: now},
		}, "Go", 4, FromSelf},
		{"a tool counts toward its capability", []Evidence{
			{Skill: "Tableau", Level: 4, Source: FromCV, Detail: "Tableau dashboards", At: now},
		}, "Data Visualization", 3, FromRelated},
		{"direct evidence outranks related", []Evidence{
			{Skill: "Public Speaking", Level: 5, Source: FromCV, At: now},
			{Skill: "Communication", Level: 2, Source: FromSelf, At: now},
		}, "Communication", 2, FromSelf},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prof := Profiler{Broader: broader}.Build(tc.evidence, now)
			for _, s := range prof {
				if s.Name != tc.skill {
					continue
				}
				if s.Level != tc.wantLevel || s.Sources[0].Source != tc.wantTop {
					t.Fatalf("%s = level %d decided by %s, want %d by %s (%+v)", tc.skill, s.Level, s.Sources[0].Source, tc.wantLevel, tc.wantTop, s)
				}
				if s.Confidence <= 0 || s.Confidence > 1 {
					t.Fatalf("confidence %v out of (0, 1]", s.Confidence)
				}
				return
			}
			t.Fatalf("%s missing from profile %+v", tc.skill, prof)
		})
	}
}

func TestProfilerConfidence(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	alone := Profiler{}.Build([]Evidence{{Skill: "SQL", Level: 3, Source: FromCV, At: now}}, now)[0]
	agreed := Profiler{}.Build([]Evidence{{Skill: "SQL", Level: 3, Source: FromCV, At: now}, {Skill: "SQL", Level: 3, Source: FromSelf, At: now}}, now)[0]
	withText := Profiler{}.Build([]Evidence{{Skill: "SQL", Level: 3, Source: FromCV, Detail: "wrote SQL reports", At: now}}, now)[0]
	if !(agreed.Confidence > alone.Confidence) || !(withText.Confidence > alone.Confidence) {
		t.Fatalf("confidence: alone %v, two agreeing sources %v, CV with evidence %v: want the last two higher", alone.Confidence, agreed.Confidence, withText.Confidence)
	}
}

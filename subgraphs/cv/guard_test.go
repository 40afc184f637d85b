package cv

import (
	"context"
	"slices"
	"testing"
	"time"
)

// falseClaimer is an engine that says what issue 21's offline analysis
// said of real CVs, true or not, as an AI engine might.
type falseClaimer struct{}

func (falseClaimer) Engine() string { return EngineOpenAI }

func (falseClaimer) Analyze(context.Context, AnalysisInput) (*Analysis, error) {
	return &Analysis{Engine: EngineOpenAI, Score: 50, Seniority: SeniorityMid,
		ScoreReasons: []ScoreReason{{Aspect: "All", Points: 50, MaxPoints: 100}},
		Weaknesses: []string{"No dated work experience was found.", "Missing: phone.", "No education section.",
			"The summary is long (360 words).", "Few results are quantified."},
		Suggestions: []string{"Add your phone at the top.", "Add an email address.", "Quantify results."},
		Strengths:   []string{}}, nil
}

type textExtractor string

func (t textExtractor) Sniff([]byte) (string, error) { return KindPDF, nil }
func (t textExtractor) Extract(context.Context, []byte) (Extracted, error) {
	return Extracted{Kind: KindPDF, Pages: 1, Text: string(t)}, nil
}

// TestGuardAIClaims: the pipeline drops an AI engine's claims that the
// text contradicts (phone in the header, dated roles it could not read,
// a school without its heading), keeps the true ones, and reports the
// confidence and unread parts as for the offline engine.
func TestGuardAIClaims(t *testing.T) {
	text := "Jane Roe\n+44 20 7946 0958\nSummary\nEngineer.\nLaufbahn\nAcme Ltd 2019 – 2021\nStudien\nBSc Physics, University of Leeds\n"
	p := &Pipeline{Extractor: textExtractor(text), Analyzer: falseClaimer{}, Now: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }}
	res, err := p.Run(context.Background(), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Analysis
	wantW := []string{"Few results are quantified."}
	wantS := []string{"Add an email address.", "Quantify results."}
	if !slices.Equal(a.Weaknesses, wantW) || !slices.Equal(a.Suggestions, wantS) {
		t.Errorf("weaknesses %q, suggestions %q; want %q, %q", a.Weaknesses, a.Suggestions, wantW, wantS)
	}
	if a.Confidence >= 1 || len(a.UnreadParts) == 0 {
		t.Errorf("confidence %.2f, unread %v", a.Confidence, a.UnreadParts)
	}
}

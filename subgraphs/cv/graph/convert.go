package graph

import (
	"encoding/json"

	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/graph/model"
)

// toCV maps the domain CV to its GraphQL shape.
func toCV(c *cv.CV) *model.Cv {
	m := &model.Cv{ID: c.ID, FileName: c.FileName, SizeBytes: int(c.SizeBytes), FileType: model.CVFileTypePDF,
		UploadedAt: c.UploadedAt, Status: model.CVAnalysisStage(c.Status), Failure: c.Failure, Pages: c.Pages,
		Sections: toSections(c.Sections), Analysis: toAnalysis(c.Analysis), Corrections: toCorrections(c.Corrections)}
	if c.Kind == cv.KindDOCX {
		m.FileType = model.CVFileTypeDocx
	}
	if c.Text != "" {
		m.Text = &c.Text
	}
	return m
}

func toAnalysis(a *cv.Analysis) *model.CVAnalysis {
	if a == nil {
		return nil
	}
	m := &model.CVAnalysis{Score: a.Score, Strengths: a.Strengths, Weaknesses: a.Weaknesses, Suggestions: a.Suggestions,
		Seniority: model.CVSeniority(a.Seniority), Engine: a.Engine, AnalysedAt: a.AnalysedAt,
		ScoreReasons: ptrs(a.ScoreReasons), SuggestedRoles: ptrs(a.SuggestedRoles), Skills: toSkills(a.Skills),
		Confidence: a.Confidence, UnreadParts: ptrs(a.UnreadParts)}
	if a.Model != "" {
		m.Model = &a.Model
	}
	return m
}

func ptrs[T any](xs []T) []*T {
	out := make([]*T, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}

func toProgress(p cv.Progress) *model.CVAnalysisProgress {
	m := &model.CVAnalysisProgress{CvID: p.CVID, Stage: model.CVAnalysisStage(p.Stage), Percent: p.Percent, Message: p.Message}
	if p.Error != "" {
		m.Error = &p.Error
	}
	return m
}

func decodeProgress(b []byte) (cv.Progress, error) {
	var p cv.Progress
	err := json.Unmarshal(b, &p)
	return p, err
}

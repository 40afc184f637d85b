package graph

import (
	"strings"

	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/graph/model"
)

// The domain names section kinds as the parser does ("header", "none");
// the schema as an enum.

func toKind(k string) model.CVSectionKind {
	switch k {
	case "header":
		return model.CVSectionKindContact
	case cv.KindNotHeading:
		return model.CVSectionKindNotAHeading
	}
	return model.CVSectionKind(strings.ToUpper(k))
}

func fromKind(k model.CVSectionKind) string {
	switch k {
	case model.CVSectionKindContact:
		return "header"
	case model.CVSectionKindNotAHeading:
		return cv.KindNotHeading
	}
	return strings.ToLower(string(k))
}

func fromCorrections(in model.CVCorrectionsInput) cv.Corrections {
	c := cv.Corrections{RemovedSkills: in.RemovedSkills}
	for _, s := range in.AddedSkills {
		c.AddedSkills = append(c.AddedSkills, cv.StatedSkill{Name: s.Name, Level: s.Level})
	}
	for _, h := range in.Headings {
		c.Headings = append(c.Headings, cv.HeadingLabel{Line: h.Line, Kind: fromKind(h.Kind)})
	}
	for _, e := range in.Entries {
		c.Entries = append(c.Entries, cv.EntryFix{Ref: e.Ref, Title: deref(e.Title), Company: deref(e.Company),
			StartDate: deref(e.StartDate), EndDate: deref(e.EndDate), Current: e.Current})
	}
	return c
}

func toCorrections(c *cv.Corrections) *model.CVCorrections {
	if c == nil {
		return nil
	}
	m := &model.CVCorrections{RemovedSkills: list(c.RemovedSkills), AddedSkills: []*model.CVStatedSkill{},
		Headings: []*model.CVHeadingLabel{}, Entries: []*model.CVEntryFix{}, UpdatedAt: c.UpdatedAt}
	for _, s := range c.AddedSkills {
		m.AddedSkills = append(m.AddedSkills, &model.CVStatedSkill{Name: s.Name, Level: s.Level})
	}
	for _, h := range c.Headings {
		m.Headings = append(m.Headings, &model.CVHeadingLabel{Line: h.Line, Kind: toKind(h.Kind), Applied: h.Applied})
	}
	for _, e := range c.Entries {
		m.Entries = append(m.Entries, &model.CVEntryFix{Ref: e.Ref, Title: str(e.Title), Company: str(e.Company),
			StartDate: str(e.StartDate), EndDate: str(e.EndDate), Current: e.Current, Applied: e.Applied})
	}
	return m
}

func toHeadings(hs []cv.Heading) []*model.CVHeading {
	out := make([]*model.CVHeading, len(hs))
	for i, h := range hs {
		out[i] = &model.CVHeading{Line: h.Line, Kind: toKind(h.Kind), Corrected: h.Corrected}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

package graph

import (
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/graph/model"
)

// The domain stores an absent value as "" or 0; the schema says null. These
// conversions run once per CV, in memory, when the CV is loaded.

func toSections(s *cv.Sections) *model.CVSections {
	if s == nil {
		return nil
	}
	m := &model.CVSections{
		Contact: &model.CVContact{Name: str(s.Contact.Name), Email: str(s.Contact.Email), Phone: str(s.Contact.Phone),
			Location: str(s.Contact.Location), Links: list(s.Contact.Links)},
		Summary:              str(s.Summary),
		Experience:           make([]*model.CVExperience, len(s.Experience)),
		Education:            make([]*model.CVEducation, len(s.Education)),
		Skills:               list(s.Skills),
		Certifications:       list(s.Certifications),
		Languages:            list(s.Languages),
		Projects:             make([]*model.CVProject, len(s.Projects)),
		SpokenLanguages:      make([]*model.CVLanguage, len(s.SpokenLanguages)),
		Headings:             toHeadings(s.Headings),
		CertificationEntries: toListed(s.CertificationEntries),
		Awards:               toListed(s.Awards),
	}
	for i, x := range s.SpokenLanguages {
		m.SpokenLanguages[i] = &model.CVLanguage{Name: x.Name, Level: str(x.Level)}
	}
	for i, x := range s.Experience {
		m.Experience[i] = &model.CVExperience{Ref: x.Ref, Corrected: x.Corrected, Title: str(x.Title), Company: str(x.Company), Location: str(x.Location), StartDate: str(x.StartDate),
			EndDate: str(x.EndDate), Current: x.Current, Bullets: list(x.Bullets)}
	}
	for i, x := range s.Education {
		m.Education[i] = &model.CVEducation{Institution: str(x.Institution), Degree: str(x.Degree),
			StartDate: str(x.StartDate), EndDate: str(x.EndDate), Details: list(x.Details)}
	}
	for i, x := range s.Projects {
		m.Projects[i] = &model.CVProject{Name: x.Name, Description: str(x.Description), Bullets: list(x.Bullets)}
	}
	return m
}

func toListed(xs []cv.Listed) []*model.CVListedEntry {
	out := make([]*model.CVListedEntry, len(xs))
	for i, x := range xs {
		out[i] = &model.CVListedEntry{Name: x.Name, Issuer: str(x.Issuer), Date: str(x.Date)}
	}
	return out
}

func toSkills(fs []cv.SkillFinding) []*model.CVSkill {
	out := make([]*model.CVSkill, len(fs))
	for i, f := range fs {
		out[i] = &model.CVSkill{Name: f.Name, Category: str(f.Category), Level: f.Level, Evidence: ptrs(f.Evidence), Source: model.CVSkillSourceCv}
		if f.Source == cv.SourceUser {
			out[i].Source = model.CVSkillSourceUser
		}
		if f.Years > 0 {
			out[i].Years = &f.Years
		}
		if f.LastUsed > 0 {
			out[i].LastUsed = &f.LastUsed
		}
	}
	return out
}

// str is nil for "".
func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// list is never nil: the schema's lists are non-null.
func list(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

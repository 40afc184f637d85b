package graph

import (
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/graph/model"
)

func toRole(r *planning.Role) *model.Role {
	if r == nil {
		return nil
	}
	m := &model.Role{ID: r.ID, Title: r.Title, Category: model.RoleCategory(r.Category), Seniority: model.RoleSeniority(r.Seniority),
		Description: r.Description, OnetSocCode: r.ONetSOC, RequiredSkills: toRoleSkills(r.Skills, r.Basis), IsOccupation: r.Occupation}
	if r.JobZone > 0 && r.JobZone < len(planning.JobZoneTitles) {
		z, prep := r.JobZone, planning.JobZoneTitles[r.JobZone]
		m.JobZone, m.Preparation = &z, &prep
	}
	return m
}

func toRoles(rs []*planning.Role) []*model.Role {
	out := make([]*model.Role, len(rs))
	for i, r := range rs {
		out[i] = toRole(r)
	}
	return out
}

// toRoleSkills pairs skills with their basis (index-aligned; a skill
// without one is the catalogue's).
func toRoleSkills(ss []planning.SkillLevel, basis []planning.SkillBasis) []*model.RoleSkill {
	out := make([]*model.RoleSkill, len(ss))
	for i, s := range ss {
		b := planning.SkillBasis{Source: planning.SourceCatalogue, Basis: "Career Coach role catalogue"}
		if i < len(basis) {
			b = basis[i]
		}
		out[i] = &model.RoleSkill{Name: s.Name, Level: s.Level, Source: model.RoleSkillSource(b.Source), Basis: b.Basis}
	}
	return out
}

func (r *Resolver) toGoal(g *planning.Goal) *model.CareerGoal {
	role, _ := r.Catalog.Role(g.TargetRoleID)
	m := &model.CareerGoal{ID: g.ID, Title: g.Title, Description: g.Description, TargetDate: g.TargetDate,
		Status: model.GoalStatus(g.Status), CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt, TargetRole: toRole(role)}
	if m.TargetRole == nil {
		// A role removed from the catalogue after the goal was set: keep the
		// id so the goal still resolves rather than failing the whole list.
		m.TargetRole = &model.Role{ID: g.TargetRoleID, Title: g.TargetRoleID, Category: model.RoleCategorySoftware,
			Seniority: model.RoleSeniorityMid, Description: "This role is no longer in the catalogue; choose another target role.",
			RequiredSkills: []*model.RoleSkill{}}
	}
	return m
}

func toGapItems(items []planning.GapItem) []*model.SkillGapItem {
	out := make([]*model.SkillGapItem, len(items))
	for i, it := range items {
		out[i] = &model.SkillGapItem{Name: it.Name, RequiredLevel: it.RequiredLevel, Level: it.Level}
	}
	return out
}

func toSkillSteps(ss []planning.SkillStep) []*model.SkillToGain {
	out := make([]*model.SkillToGain, len(ss))
	for i, s := range ss {
		out[i] = &model.SkillToGain{Name: s.Name, FromLevel: s.FromLevel, ToLevel: s.ToLevel}
	}
	return out
}

func toSource(s planning.DataSource) *model.DataSource {
	return &model.DataSource{Name: s.Name, Year: s.Year, URL: s.URL, File: s.File, Date: s.Date}
}

// toFigure keeps a figure the sources do not publish null.
func toFigure(f *planning.Figure) *model.MarketFigure {
	if f == nil {
		return nil
	}
	return &model.MarketFigure{Value: f.Value, Unit: f.Unit, AtLeast: f.AtLeast, Source: toSource(f.Source)}
}

func (r *Resolver) toInsights(in planning.Insights) *model.MarketInsights {
	top := make([]planning.SkillBasis, len(in.TopSkills))
	for i, s := range in.TopSkills {
		top[i] = in.Role.BasisOf(s.Name)
	}
	out := &model.MarketInsights{Role: toRole(in.Role), SocCode: in.SOC, OccupationTitle: in.OccupationTitle,
		MedianPay: toFigure(in.MedianPay), Pay10thPercentile: toFigure(in.Pay10th), Pay25thPercentile: toFigure(in.Pay25th),
		Pay75thPercentile: toFigure(in.Pay75th), Pay90thPercentile: toFigure(in.Pay90th), Employment: toFigure(in.Employment),
		ProjectedGrowthPercent: toFigure(in.GrowthPercent), AnnualOpenings: toFigure(in.AnnualOpenings),
		TopSkills: toRoleSkills(in.TopSkills, top), TopSkillsSource: toSource(in.SkillsSource),
		HotTechnologies: in.HotTechnologies, HotTechnologiesSource: toSource(in.TechSource), RelatedRoles: toRoles(in.RelatedRoles),
		Unavailable: make([]*model.UnavailableFigure, len(in.Unavailable))}
	if in.HotTechnologies == nil {
		out.HotTechnologies = []string{}
	}
	if t := in.TypicalEducation; t != nil {
		out.TypicalEducation = &model.MarketFact{Value: t.Value, Source: toSource(t.Source)}
	}
	for i, u := range in.Unavailable {
		out.Unavailable[i] = &model.UnavailableFigure{Field: u.Figure, Reason: u.Reason}
	}
	if in.ProjectionGroup != "" {
		g := in.ProjectionGroup
		out.ProjectionGroup = &g
	}
	return out
}

func toQuestion(q *planning.Question) *model.InterviewQuestion {
	m := &model.InterviewQuestion{ID: q.ID, Kind: model.InterviewQuestionKind(q.Kind), Difficulty: model.InterviewDifficulty(q.Difficulty), Text: q.Text}
	if q.Skill != "" {
		s := q.Skill
		m.Skill = &s
	}
	return m
}

func toScore(s planning.Score) *model.FeedbackScore {
	reasons := s.Reasons
	if reasons == nil {
		reasons = []string{}
	}
	return &model.FeedbackScore{Score: s.Score, Reasons: reasons}
}

func (r *Resolver) toAttempt(a *planning.Attempt) *model.InterviewAttempt {
	// A question that left the bank has no kind or difficulty we could
	// truthfully state: the attempt keeps its id and shows no question.
	q, ok := r.Catalog.Question(a.QuestionID)
	var mq *model.InterviewQuestion
	points := []string{}
	if ok {
		mq = toQuestion(q)
		points = q.Points()
	}
	f := a.Feedback
	sugg := f.Suggestions
	if sugg == nil {
		sugg = []string{}
	}
	return &model.InterviewAttempt{ID: a.ID, QuestionID: a.QuestionID, Question: mq, Answer: a.Answer, CreatedAt: a.CreatedAt, KeyPoints: points,
		Feedback: &model.InterviewFeedback{Star: toScore(f.STAR), Specificity: toScore(f.Specificity), Relevance: toScore(f.Relevance),
			Overall: f.Overall, Suggestions: sugg, Reviewer: f.Reviewer}}
}

// maxAltTitles bounds Role.alternateTitles(first).
const maxAltTitles = 50

func categoryOf(c *model.RoleCategory) string {
	if c == nil {
		return ""
	}
	return string(*c)
}

func intOr(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

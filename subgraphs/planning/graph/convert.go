package graph

import (
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/graph/model"
)

func toRole(r *planning.Role) *model.Role {
	if r == nil {
		return nil
	}
	return &model.Role{ID: r.ID, Title: r.Title, Category: model.RoleCategory(r.Category), Seniority: model.RoleSeniority(r.Seniority),
		Description: r.Description, OnetSocCode: r.ONetSOC, RequiredSkills: toRoleSkills(r.Skills)}
}

func toRoles(rs []*planning.Role) []*model.Role {
	out := make([]*model.Role, len(rs))
	for i, r := range rs {
		out[i] = toRole(r)
	}
	return out
}

func toRoleSkills(ss []planning.SkillLevel) []*model.RoleSkill {
	out := make([]*model.RoleSkill, len(ss))
	for i, s := range ss {
		out[i] = &model.RoleSkill{Name: s.Name, Level: s.Level}
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
	return &model.DataSource{Name: s.Name, Year: s.Year, URL: s.URL}
}

func toFigure(f planning.Figure) *model.MarketFigure {
	return &model.MarketFigure{Value: f.Value, Unit: f.Unit, AtLeast: f.AtLeast, Source: toSource(f.Source)}
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
	q, ok := r.Catalog.Question(a.QuestionID)
	mq := &model.InterviewQuestion{ID: a.QuestionID, Kind: model.InterviewQuestionKindBehavioural, Difficulty: model.InterviewDifficultyMedium, Text: "(question no longer in the bank)"}
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
	return &model.InterviewAttempt{ID: a.ID, Question: mq, Answer: a.Answer, CreatedAt: a.CreatedAt, KeyPoints: points,
		Feedback: &model.InterviewFeedback{Star: toScore(f.STAR), Specificity: toScore(f.Specificity), Relevance: toScore(f.Relevance),
			Overall: f.Overall, Suggestions: sugg, Reviewer: f.Reviewer}}
}

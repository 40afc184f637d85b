package graph

import (
	"context"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/graph/model"
	"github.com/careercoach/coach/subgraphs/planning/jobad"
)

// The job-match resolvers translate; planning.JobMatcher decides.

func jobAd(in model.JobAdInput) planning.JobAd {
	ad := planning.JobAd{Text: in.Text}
	if in.Title != nil {
		ad.Title = *in.Title
	}
	if in.Company != nil {
		ad.Company = *in.Company
	}
	return ad
}

func (r *Resolver) matchJob(ctx context.Context, in model.JobAdInput) (*model.JobMatch, error) {
	caller, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	us, err := r.loadersFrom(ctx).userSkills.load(ctx, caller.UserID)
	if err != nil {
		return nil, err
	}
	m, err := r.Jobs.MatchProfile(ctx, jobAd(in), us)
	if err != nil {
		return nil, err
	}
	return toJobMatch(m), nil
}

func (r *Resolver) jobTargets(ctx context.Context) ([]*model.JobTarget, error) {
	caller, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	ts, err := r.Jobs.Saved(ctx, caller.UserID)
	if err != nil {
		return nil, err
	}
	out := make([]*model.JobTarget, len(ts))
	for i, t := range ts {
		out[i] = toJobTarget(t)
	}
	return out, nil
}

func (r *Resolver) jobTarget(ctx context.Context, id string) (*model.JobTarget, error) {
	caller, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	if len(id) > maxIDLen {
		return nil, planning.ErrJobTargetNotFound
	}
	t, err := r.Jobs.Target(ctx, caller.UserID, id)
	if err != nil {
		return nil, err
	}
	return toJobTarget(t), nil
}

// targetMatch matches a saved ad against the owner's current profile; the
// profile loads once for a whole list.
func (r *Resolver) targetMatch(ctx context.Context, t *model.JobTarget) (*model.JobMatch, error) {
	caller, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	// Only the owner's targets reach here (every target query checks it).
	us, err := r.loadersFrom(ctx).userSkills.load(ctx, caller.UserID)
	if err != nil {
		return nil, err
	}
	m, err := r.Jobs.MatchProfile(ctx, planning.JobAd{Text: t.Text, Title: t.Title, Company: t.Company}, us)
	if err != nil {
		return nil, err
	}
	return toJobMatch(m), nil
}

// requirementCourses are the courses for a missing or partly met skill,
// batched across the whole response.
func (r *Resolver) requirementCourses(ctx context.Context, it *model.JobRequirementMatch) ([]*model.Course, error) {
	out := []*model.Course{}
	if it.Kind != model.JobRequirementKindSkill || it.Status == model.JobRequirementStatusMet || it.Status == model.JobRequirementStatusUnknown {
		return out, nil
	}
	cs, err := r.loadersFrom(ctx).courses.load(ctx, r.Catalog.Key(it.Name))
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		out = append(out, &model.Course{ID: c.CourseID})
	}
	return out, nil
}

func (r *Resolver) saveJobTarget(ctx context.Context, in model.JobAdInput, status *model.JobTargetStatus) (*model.JobTarget, error) {
	caller, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	st := planning.JobInterested
	if status != nil {
		st = planning.JobStatus(*status)
	}
	t, err := r.Jobs.Save(ctx, caller.UserID, jobAd(in), st)
	if err != nil {
		return nil, err
	}
	return toJobTarget(t), nil
}

func (r *Resolver) setJobTargetStatus(ctx context.Context, id string, status model.JobTargetStatus) (*model.JobTarget, error) {
	caller, err := auth.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	if len(id) > maxIDLen {
		return nil, planning.ErrJobTargetNotFound
	}
	t, err := r.Jobs.SetStatus(ctx, caller.UserID, id, planning.JobStatus(status))
	if err != nil {
		return nil, err
	}
	return toJobTarget(t), nil
}

func (r *Resolver) deleteJobTarget(ctx context.Context, id string) (string, error) {
	caller, err := auth.RequireUser(ctx)
	if err != nil {
		return "", err
	}
	if len(id) > maxIDLen {
		return "", planning.ErrJobTargetNotFound
	}
	if err := r.Jobs.Delete(ctx, caller.UserID, id); err != nil {
		return "", err
	}
	return id, nil
}

func toJobTarget(t *planning.JobTarget) *model.JobTarget {
	out := &model.JobTarget{ID: t.ID, Title: t.Title, Company: t.Company, Text: t.Text, Status: model.JobTargetStatus(t.Status),
		History: make([]*model.JobStatusChange, len(t.History)), CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
	for i, h := range t.History {
		out.History[i] = &model.JobStatusChange{Status: model.JobTargetStatus(h.Status), At: h.At}
	}
	return out
}

func toJobMatch(m *planning.JobMatch) *model.JobMatch {
	res := m.Result
	out := &model.JobMatch{Score: res.Score, Coverage: res.Coverage, Title: m.Ad.Title.Text, SkillsUpdatedAt: m.SkillsAt,
		Engine: "offline", Parts: []*model.JobMatchPart{}, Requirements: []*model.JobRequirementMatch{}}
	if o := m.Ad.Title.Occupation; o != nil {
		out.Occupation = &model.JobOccupation{Code: o.Code, Title: o.Title, Confidence: m.Ad.Title.Confidence, How: m.Ad.Title.How}
	}
	for _, p := range res.Parts {
		out.Parts = append(out.Parts, &model.JobMatchPart{Part: model.JobMatchPartName(p.Part), Weight: p.Weight,
			Points: p.Points, Scored: p.Scored, Reasons: p.Reasons})
	}
	for _, it := range res.Items {
		r := it.Requirement
		mi := &model.JobRequirementMatch{Kind: model.JobRequirementKind(r.Kind), Name: r.Name, Required: r.Required,
			Part: model.JobMatchPartName(it.Part), Status: model.JobRequirementStatus(it.Status), Sentence: r.Sentence,
			Reason: it.Reason, Advice: it.Advice, Gain: it.Gain}
		if r.Level > 0 && (r.Kind == jobad.KindSkill || r.Kind == jobad.KindLanguage) {
			mi.Level = &r.Level
		}
		if r.Kind == jobad.KindExperience {
			mi.Years = &r.Years
		}
		if h := it.Held; h != nil {
			ev := &model.JobEvidence{Source: h.Source}
			if h.Level > 0 {
				ev.Level = &h.Level
			}
			if h.Evidence != "" {
				ev.Detail = &h.Evidence
			}
			mi.Evidence = ev
		}
		out.Requirements = append(out.Requirements, mi)
	}
	return out
}

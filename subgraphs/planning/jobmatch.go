package planning

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/careercoach/coach/subgraphs/planning/jobad"
	"github.com/google/uuid"
)

// JobMatcher is the job-match service: it reads pasted ads, compares them
// with the user's skill profile (the read model of skillprofile.changed)
// and keeps the ads users save.
type JobMatcher struct {
	Parser  *jobad.Parser
	Matcher *jobad.Matcher
	Targets JobTargetStore
	Skills  ReadModelStore
	Now     func() time.Time
	Log     *slog.Logger
}

// JobMatch is a match of one ad against the user's profile.
type JobMatch struct {
	Ad     *jobad.Ad
	Result jobad.Result
	// SkillsAt is when the skill profile last changed; nil when the user
	// has none yet (then every skill is missing, and the match says so).
	SkillsAt *time.Time
}

// Match parses ad and matches it against userID's skill profile.
func (s *JobMatcher) Match(ctx context.Context, userID string, ad JobAd) (*JobMatch, error) {
	all, err := s.Skills.UserSkills(ctx, []string{userID})
	if err != nil {
		return nil, fmt.Errorf("loading the skill profile for a job match: %w", err)
	}
	return s.MatchProfile(ctx, ad, all[userID])
}

// MatchProfile matches ad against the profile us (nil: none yet).
func (s *JobMatcher) MatchProfile(ctx context.Context, ad JobAd, us *UserSkills) (*JobMatch, error) {
	ad, err := ad.Check()
	if err != nil {
		return nil, err
	}
	parsed, err := s.Parser.Parse(ctx, ad.Text, ad.Title)
	if err != nil {
		return nil, s.adError(err)
	}
	m := &JobMatch{Ad: parsed}
	var person jobad.Person
	if us != nil {
		at := us.AnalyzedAt.UTC()
		m.SkillsAt = &at
		person = personFrom(us)
	}
	m.Result = s.Matcher.Match(parsed, person)
	return m, nil
}

// adError turns the parser's input errors into errors a user may see.
func (s *JobMatcher) adError(err error) error {
	switch {
	case errors.Is(err, jobad.ErrAdTooLong):
		return errAdTooLong
	case errors.Is(err, jobad.ErrAdEmpty):
		return errAdEmpty
	case errors.Is(err, jobad.ErrAdInvalid):
		return errAdInvalid
	}
	return fmt.Errorf("reading the job ad: %w", err)
}

// personFrom is what the profile tells about the person: skills with their
// source, and the spoken languages among them. Years, education and job
// titles are not in the profile, so they stay unknown.
func personFrom(us *UserSkills) jobad.Person {
	src := fmt.Sprintf("your skill profile, updated %s", us.AnalyzedAt.UTC().Format("2006-01-02"))
	var p jobad.Person
	for _, sk := range us.Skills {
		h := jobad.Held{Name: sk.Name, Level: sk.Level, Source: src}
		p.Skills = append(p.Skills, h)
		// The taxonomy lists some certifications as skills (PMP, CISSP): the
		// profile is evidence of those too.
		p.Certifications = append(p.Certifications, h)
		if jobad.IsLanguage(sk.Name) {
			p.Languages = append(p.Languages, h)
		}
	}
	return p
}

// Ad is the target's ad, to match again as the profile changes.
func (t *JobTarget) Ad() JobAd { return JobAd{Text: t.Text, Title: t.Title, Company: t.Company} }

// Save stores ad as a new target of userID with status.
func (s *JobMatcher) Save(ctx context.Context, userID string, ad JobAd, status JobStatus) (*JobTarget, error) {
	ad, err := ad.Check()
	if err != nil {
		return nil, err
	}
	parsed, err := s.Parser.Parse(ctx, ad.Text, ad.Title)
	if err != nil {
		return nil, s.adError(err)
	}
	now := s.Now().UTC()
	t := &JobTarget{ID: uuid.NewString(), UserID: userID, Title: parsed.Title.Text, Company: ad.Company, Text: ad.Text, CreatedAt: now}
	if err := t.SetStatus(status, now); err != nil {
		return nil, err
	}
	if err := s.Targets.CreateJobTarget(ctx, t); err != nil {
		return nil, err
	}
	return t, nil
}

// SetStatus moves the owner's target to status.
func (s *JobMatcher) SetStatus(ctx context.Context, userID, id string, status JobStatus) (*JobTarget, error) {
	if !status.Valid() {
		return nil, errJobStatus
	}
	return s.Targets.UpdateJobTarget(ctx, userID, id, func(t *JobTarget) error {
		return t.SetStatus(status, s.Now().UTC())
	})
}

// Saved returns the user's saved jobs, newest first.
func (s *JobMatcher) Saved(ctx context.Context, userID string) ([]*JobTarget, error) {
	return s.Targets.JobTargets(ctx, userID)
}

// Target returns one of the user's saved jobs.
func (s *JobMatcher) Target(ctx context.Context, userID, id string) (*JobTarget, error) {
	return s.Targets.JobTarget(ctx, userID, id)
}

// Delete deletes one of the user's saved jobs.
func (s *JobMatcher) Delete(ctx context.Context, userID, id string) error {
	return s.Targets.DeleteJobTarget(ctx, userID, id)
}

package server

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/careercoach/coach/internal/skills"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/jobad"
	"github.com/careercoach/coach/subgraphs/planning/occupations"
)

// JobMatcher builds the job-match service on st: the ad reader over the
// skills taxonomy and the O*NET occupations, and the matcher.
func JobMatcher(st interface {
	planning.JobTargetStore
	planning.ReadModelStore
}, log *slog.Logger) (*planning.JobMatcher, error) {
	tax, err := skills.Load()
	if err != nil {
		return nil, fmt.Errorf("loading skills taxonomy: %w", err)
	}
	ds, err := occupations.Load()
	if err != nil {
		return nil, fmt.Errorf("loading occupations for job matching: %w", err)
	}
	related := map[string]bool{}
	for _, o := range ds.Occupations {
		for _, r := range o.Related {
			related[o.Code+" "+r.Code] = true
		}
	}
	return &planning.JobMatcher{
		Parser:  jobad.NewParser(tax, ds, occupations.NewIndex(ds)),
		Matcher: jobad.NewMatcher(tax, func(a, b string) bool { return related[a+" "+b] || related[b+" "+a] }),
		Targets: st, Skills: st, Now: time.Now, Log: log,
	}, nil
}

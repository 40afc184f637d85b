package server

import (
	"log/slog"
	"time"

	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/jobad"
)

// JobMatcher builds the job-match service on st: the ad reader over the
// catalogue's skills taxonomy and O*NET occupations (decoded once, by
// planning.Load), and the matcher.
func JobMatcher(cat *planning.Catalog, st interface {
	planning.JobTargetStore
	planning.ReadModelStore
}, log *slog.Logger) *planning.JobMatcher {
	ds, idx, tax := cat.Occupations()
	related := map[string]bool{}
	for _, o := range ds.Occupations {
		for _, r := range o.Related {
			related[o.Code+" "+r.Code] = true
		}
	}
	return &planning.JobMatcher{
		Parser:  jobad.NewParser(tax, ds, idx),
		Matcher: jobad.NewMatcher(tax, func(a, b string) bool { return related[a+" "+b] || related[b+" "+a] }),
		Targets: st, Skills: st, Now: time.Now, Log: log,
	}
}

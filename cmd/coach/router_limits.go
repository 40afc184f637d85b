package main

import (
	"errors"

	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/router/server"
)

// defaultLimits are the router's request limits in `coach dev` and the
// defaults of `coach router`'s flags. MaxCost 20,000 is about four times
// the costliest operation our clients send (the load generator's
// goalsWithPaths, 5,042: goals → milestones and learning-path steps →
// courses, lists without first/last; the web app's Goals costs 1,223), so
// TestDefaultLimitsPassOurClients holds each under half of it. It still
// refuses a batch of two of issue 20's operations of 20 aliased
// courses(first: 50) (10,040 each), let alone the attacker's 300 (a batch
// holds at most MaxBatch, 10).
func defaultLimits() server.Limits {
	return server.Limits{MaxDepth: 15, MaxAliases: 30, MaxRootFields: 20, MaxTokens: 5000, MaxBodyBytes: 1 << 20,
		MaxFields: server.DefaultMaxFields, MaxBatch: server.DefaultMaxBatch, MaxFragments: server.DefaultMaxFragments,
		MaxRepeats: server.DefaultMaxRepeats, MaxCost: 20000, ListSize: 10}
}

// bindLimits declares the flags of the limits issue 20 added.
func bindLimits(fs *config.FlagSet, l *server.Limits) {
	d := defaultLimits()
	*l = d
	fs.Int(&l.MaxFields, "max-fields", "COACH_MAX_FIELDS", d.MaxFields, "fields one operation may select once its fragments are expanded")
	fs.Int(&l.MaxFragments, "max-fragments", "COACH_MAX_FRAGMENTS", d.MaxFragments, "fragment definitions in one document")
	fs.Int(&l.MaxRepeats, "max-repeated-selections", "COACH_MAX_REPEATED_SELECTIONS", d.MaxRepeats, "selections of one response key (or spreads of one fragment) in one selection set")
	fs.Int(&l.MaxBatch, "max-batch", "COACH_MAX_BATCH", d.MaxBatch, "operations in one batched request")
	fs.Int(&l.MaxCost, "max-cost", "COACH_MAX_COST", d.MaxCost, "estimated cost of a request, a batch's operations summed (each field and @defer fragment 1, times the size of each enclosing list: its first/last argument, else --list-size)")
	fs.Int(&l.ListSize, "list-size", "COACH_LIST_SIZE", d.ListSize, "items the cost estimate assumes for a list without a first/last argument")
}

func checkLimits(l server.Limits) error {
	if l.MaxFields <= 0 || l.MaxFragments <= 0 || l.MaxRepeats <= 0 || l.MaxBatch <= 0 || l.MaxCost <= 0 || l.ListSize <= 0 {
		return errors.New("--max-fields, --max-fragments, --max-repeated-selections, --max-batch, --max-cost and --list-size must be positive")
	}
	return nil
}

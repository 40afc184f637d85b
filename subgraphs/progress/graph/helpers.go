package graph

import (
	"context"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/subgraphs/progress"
)

// repIDs collects the distinct ids of a batch of representations.
func repIDs[R any](reps []R, id func(R) *string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range reps {
		if p := id(r); p != nil && !seen[*p] && progress.CheckID("id", *p) == nil {
			seen[*p] = true
			out = append(out, *p)
		}
	}
	return out
}

// owner checks that the User a field hangs off is the caller. FindUser
// already only resolves the viewer; this keeps every field safe on its own.
func owner(ctx context.Context, userID string) error {
	return auth.RequireOwner(ctx, userID, "user")
}

// skill canonicalises a skill name or reports it unknown.
func (r *Resolver) skill(name string) (string, error) {
	if len(name) > progress.MaxTitleLen {
		return "", progress.ErrUnknownSkill
	}
	s, ok := r.Skill(name)
	if !ok {
		return "", progress.ErrUnknownSkill
	}
	return s, nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

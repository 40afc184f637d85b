package graph_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/planning"
	"github.com/careercoach/coach/subgraphs/planning/graph"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

// countingStore counts the read-model queries the resolvers make.
type countingStore struct {
	*store.Store
	mu                 sync.Mutex
	courses, skillSets int
}

func (c *countingStore) CoursesForSkills(ctx context.Context, keys []string, n int) (map[string][]planning.CourseRef, error) {
	c.mu.Lock()
	c.courses++
	c.mu.Unlock()
	return c.Store.CoursesForSkills(ctx, keys, n)
}

func (c *countingStore) UserSkills(ctx context.Context, ids []string) (map[string]*planning.UserSkills, error) {
	c.mu.Lock()
	c.skillSets++
	c.mu.Unlock()
	return c.Store.UserSkills(ctx, ids)
}

// A list of goals with their learning paths costs one query for the
// user's skills and one for the courses, however many goals there are.
func TestLearningPathsAreBatched(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		iss := authtest.New(t)
		cat, err := planning.Load(nil)
		if err != nil {
			t.Fatal(err)
		}
		cs := &countingStore{Store: store.New(d)}
		res := &graph.Resolver{Store: cs, Catalog: cat, Practice: &planning.Practice{Catalog: cat, Reviewer: planning.RuleReviewer{}, Store: cs, Now: time.Now}, Now: time.Now}
		h := (&auth.Middleware{Verifier: iss.Verifier, ServiceSecret: secret, Log: logging.Discard()}).Wrap(
			graph.NewHandler(res, gqlsrv.Options{Log: logging.Discard(), Verifier: iss.Verifier, ServiceSecret: secret}))
		e := &env{t: t, h: h, iss: iss, db: d}
		ada := "user-ada"
		for _, role := range []string{"data-engineer", "cloud-architect", "product-manager", "registered-nurse"} {
			e.ok(ada, false, createGoal, map[string]any{"i": map[string]any{"title": role, "targetRoleId": role}}, nil)
		}
		tests := []struct {
			name, query string
			vars        map[string]any
		}{
			{"User.goals", entities("goals { learningPath { steps { skill courses { id } } } }", "", ""), map[string]any{"r": []any{userRep(ada)}}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				cs.courses, cs.skillSets = 0, 0
				resp := e.do(ada, true, tt.query, tt.vars)
				if len(resp.Errors) > 0 || strings.Count(string(resp.Data), `"steps"`) != 4 {
					t.Fatalf("%s %+v", resp.Data, resp.Errors)
				}
				if cs.courses != 1 || cs.skillSets != 1 {
					t.Fatalf("%d course queries and %d skill queries, want 1 and 1", cs.courses, cs.skillSets)
				}
			})
		}
		t.Run("CareerGoal entities", func(t *testing.T) {
			var list struct {
				Entities []struct{ Goals []struct{ ID string } } `json:"_entities"`
			}
			e.ok(ada, true, entities("goals { id }", "", ""), map[string]any{"r": []any{userRep(ada)}}, &list)
			var reps []any
			for _, g := range list.Entities[0].Goals {
				reps = append(reps, map[string]any{"__typename": "CareerGoal", "id": g.ID})
			}
			cs.courses, cs.skillSets = 0, 0
			resp := e.do(ada, true, entities("", "learningPath { steps { skill } }", ""), map[string]any{"r": reps})
			if len(resp.Errors) > 0 || strings.Count(string(resp.Data), `"steps"`) != 4 {
				t.Fatalf("%s %+v", resp.Data, resp.Errors)
			}
			if cs.courses != 1 || cs.skillSets != 1 {
				t.Fatalf("%d course queries and %d skill queries, want 1 and 1", cs.courses, cs.skillSets)
			}
		})
	}, store.Migrations()...)
}

package courses_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/ai/aitest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/courses"
)

func modelExplainer(t *testing.T, azure bool) (courses.ModelExplainer, *aitest.Server) {
	t.Helper()
	fake := aitest.New(t, aitest.Options{Azure: azure})
	o := fake.Options()
	cfg := ai.Config{MaxRetries: 1, RetryBaseDelay: time.Millisecond}
	if azure {
		cfg.AzureEndpoint, cfg.AzureAPIKey, cfg.AzureDeployment, cfg.AzureAPIVersion = fake.BaseURL(), o.APIKey, o.Deployment, o.APIVersion
	} else {
		cfg.BaseURL, cfg.APIKey, cfg.Model = fake.BaseURL(), o.APIKey, o.Model
	}
	c, err := ai.New(cfg, nil, logging.Discard())
	if err != nil {
		t.Fatal(err)
	}
	return courses.ModelExplainer{Client: c}, fake
}

func explainRequests(n int) []courses.ExplainRequest {
	goal := &courses.Goal{Title: "Move to cloud", TargetRoleTitle: "Cloud Engineer"}
	reqs := make([]courses.ExplainRequest, n)
	for i := range reqs {
		c := course("course-"+string(rune('a'+i%26))+strings.Repeat("x", i/26), courses.Beginner, true, nil, "Kubernetes")
		reqs[i] = courses.ExplainRequest{Basis: courses.BasisGoalAndCV, Goal: goal, Course: c, MatchedSkills: []string{"Kubernetes"},
			Gaps: []courses.Gap{{Skill: "Kubernetes", Want: 3}}}
	}
	return reqs
}

func TestModelExplainer(t *testing.T) {
	for _, azure := range []bool{true, false} {
		name := "openai"
		if azure {
			name = "azure"
		}
		t.Run(name, func(t *testing.T) {
			t.Run("reasons by course id; unknown and extra answers ignored; top courses only", func(t *testing.T) {
				ex, fake := modelExplainer(t, azure)
				reqs := explainRequests(courses.ModelExplained + 5)
				fake.Enqueue(aitest.JSON(map[string]any{"reasons": []map[string]string{
					{"courseId": reqs[1].Course.ID, "reason": "  Second:\nteaches Kubernetes  "},
					{"courseId": reqs[0].Course.ID, "reason": "First teaches Kubernetes for Cloud Engineer."},
					{"courseId": "not-asked", "reason": "ignored"},
					{"courseId": reqs[0].Course.ID, "reason": "a second answer is ignored"},
				}}))
				got, err := ex.Explain(context.Background(), reqs)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(reqs) || got[0] != "First teaches Kubernetes for Cloud Engineer." || got[1] != "Second: teaches Kubernetes" || got[2] != "" {
					t.Fatalf("got %q", got[:3])
				}
				sent := fake.Requests()
				if len(sent) != 1 || len(sent[0].Problems) > 0 {
					t.Fatalf("requests %+v", sent)
				}
				msgs, _ := sent[0].Body["messages"].([]any)
				user, _ := msgs[len(msgs)-1].(map[string]any)["content"].(string)
				var in struct {
					TargetRole string           `json:"targetRole"`
					Courses    []map[string]any `json:"courses"`
				}
				if err := json.Unmarshal([]byte(user), &in); err != nil || in.TargetRole != "Cloud Engineer" || len(in.Courses) != courses.ModelExplained {
					t.Fatalf("prompt %s (%v)", user, err)
				}
			})
			t.Run("errors are returned, so callers keep their templates", func(t *testing.T) {
				ex, fake := modelExplainer(t, azure)
				fake.Enqueue(aitest.Reply{Status: 500}, aitest.Reply{Status: 500})
				if _, err := ex.Explain(context.Background(), explainRequests(3)); err == nil {
					t.Fatal("no error after the model failed")
				}
			})
		})
	}
}

package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/internal/ai/aitest"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/planning/server"
	"github.com/careercoach/coach/subgraphs/planning/store"
)

// With AI configured, interview answers are reviewed by the model; when the
// model fails, by the rule-based reviewer.
func TestInterviewReviewByAI(t *testing.T) {
	fake := aitest.New(t, aitest.Options{})
	o := fake.Options()
	d := dbtest.Open(t, db.SQLite, store.Migrations()...)
	iss := authtest.New(t)
	b := membus.New(logging.Discard(), membus.Options{})
	t.Cleanup(func() { _ = b.Close() })
	cfg := server.Config{DataDir: t.TempDir(), ServiceSecret: "router-secret-0123456789",
		AI: ai.Config{BaseURL: fake.BaseURL(), APIKey: o.APIKey, Model: o.Model, MaxRetries: 0, RetryBaseDelay: time.Millisecond, Timeout: 5 * time.Second}}
	svc, err := server.New(context.Background(), cfg, d, b, iss.Verifier, logging.Discard())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(svc.Handler())
	t.Cleanup(srv.Close)
	submit := func() string {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": `mutation($a: String!) { submitInterviewAnswer(questionId: "b-006", answer: $a) { feedback { reviewer overall star { score reasons } suggestions } } }`,
			"variables": map[string]any{"a": "When I was at Acme we disagreed about a migration. I proposed a spike and as a result we shipped early."}})
		req, _ := http.NewRequest("POST", srv.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+iss.Token(t, "user-ada"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out bytes.Buffer
		_, _ = out.ReadFrom(resp.Body)
		return out.String()
	}

	fake.Enqueue(aitest.JSON(map[string]any{
		"star":        map[string]any{"score": 4, "reasons": []string{"Situation, action and result are there."}},
		"specificity": map[string]any{"score": 2, "reasons": []string{"No figures."}},
		"relevance":   map[string]any{"score": 5, "reasons": []string{"On topic."}},
		"overall":     4, "suggestions": []string{"Say how much earlier you shipped."},
	}))
	if got := submit(); !strings.Contains(got, `"reviewer":"ai","overall":4`) || !strings.Contains(got, "Say how much earlier") {
		t.Fatalf("AI review: %s", got)
	}
	reqs := fake.Requests()
	if len(reqs) != 1 || len(reqs[0].Problems) > 0 {
		t.Fatalf("requests to the model: %+v", reqs)
	}
	if b, _ := json.Marshal(reqs[0].Body); !strings.Contains(string(b), "interview_feedback") || !strings.Contains(string(b), "\\u003canswer\\u003e") {
		t.Errorf("request body lacks the schema or the fenced answer: %s", b)
	}

	fake.Enqueue(aitest.Reply{Status: 500})
	if got := submit(); !strings.Contains(got, `"reviewer":"rules"`) {
		t.Fatalf("fallback review: %s", got)
	}
}

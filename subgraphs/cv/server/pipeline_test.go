package server_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/ai/aitest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/server"
)

// TestPipelineWithAzure runs a real PDF through the pipeline the service
// builds when Azure OpenAI is configured, against the fake Azure endpoint.
func TestPipelineWithAzure(t *testing.T) {
	fake := aitest.New(t, aitest.Options{Azure: true, Deployment: "cv-gpt4o", APIVersion: "2024-10-21", APIKey: "k"})
	fake.Enqueue(aitest.JSON(map[string]any{
		"score": 64, "scoreReasons": []any{}, "strengths": []any{"Clear impact."}, "weaknesses": []any{}, "suggestions": []any{"Add a goal."},
		"seniority": "LEAD", "suggestedRoles": []any{map[string]any{"title": "Principal Engineer", "reason": "Leads migrations."}},
		"skillLevels": []any{map[string]any{"name": "Go", "level": 5}},
	}))
	cfg := server.DefaultConfig()
	cfg.MaxUploadBytes = 10 << 20
	cfg.AI.AzureEndpoint, cfg.AI.AzureAPIKey, cfg.AI.AzureDeployment, cfg.AI.AzureAPIVersion = fake.URL, "k", "cv-gpt4o", "2024-10-21"
	p, err := server.Pipeline(cfg, logging.Discard())
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../extract/testdata/fpdf-one-column.pdf")
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(context.Background(), data, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Analysis
	if a.Engine != cv.EngineAzureOpenAI || a.Model != "cv-gpt4o" || a.Score != 64 || a.Seniority != cv.SeniorityLead || len(a.Skills) == 0 {
		t.Fatalf("analysis %+v", a)
	}
	reqs := fake.Requests()
	if len(reqs) != 1 || len(reqs[0].Problems) > 0 {
		t.Fatalf("requests %+v", reqs)
	}
	body := reqs[0].Body["messages"].([]any)[1].(map[string]any)["content"].(string)
	if strings.Contains(body, "zoe.lukasiewicz@example.com") || !strings.Contains(body, "Nordlicht Payments") {
		t.Fatalf("user message:\n%s", body)
	}
}

package stack

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/looptest"
)

// TestCoachingLoop walks issue 24's loop (looptest.Walk) through the router
// on the production topology: PostgreSQL, Redis Streams, six processes.
func TestCoachingLoop(t *testing.T) {
	s := testStack(t, stackRedis(t))
	ada := signUp(t, s, "ada@example.com")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	up := ada.upload(twoPagePDF)
	var uploaded struct {
		UploadCV struct{ ID string } `json:"uploadCV"`
	}
	if len(up.Errors) > 0 || decode(up.Data, &uploaded) != nil || uploaded.UploadCV.ID == "" {
		t.Fatalf("uploadCV: %s", up)
	}
	if stages, err := ada.progress(ctx, "ws"+strings.TrimPrefix(s.URL(), "http")+"/graphql", uploaded.UploadCV.ID); err != nil || stages[len(stages)-1] != "DONE" {
		t.Fatalf("analysis: %v %v", stages, err)
	}
	looptest.Walk(t, func(query string, vars map[string]any) []byte {
		b, _ := json.Marshal(ada.do(query, vars))
		return b
	})
}

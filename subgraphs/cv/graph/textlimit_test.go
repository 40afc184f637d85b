package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/subgraphs/cv"
)

// TestTextIsBounded replays issue 20's `{ me { cvs { text } } }` that
// returned 41 MB: a text over the limit is never stored, and a longer
// text stored before the limit existed is served cut.
func TestTextIsBounded(t *testing.T) {
	const limit = 5_000
	eachEnv(t, func(t *testing.T, e *env) {
		e.svc.MaxTextChars = limit
		e.worker.Pipeline.MaxTextChars = limit

		t.Run("an upload with more text fails, final, and stores no text", func(t *testing.T) {
			id := e.uploaded("ada", adaCV+strings.Repeat("Built services in Go. ", limit/10))
			e.work()
			resp := e.do("ada", false, `query($id: ID!) { cv(id: $id) { status text failure { code message retryable } } }`, map[string]any{"id": id})
			got := string(resp.Data["cv"])
			if !strings.Contains(got, `"status":"FAILED","text":null,"failure":{"code":"TOO_LARGE"`) || !strings.Contains(got, `a CV has at most 5000`) ||
				!strings.Contains(got, `"retryable":false`) {
				t.Fatalf("cv %s", got)
			}
		})
		t.Run("a stored text longer than the limit is served cut", func(t *testing.T) {
			ctx := context.Background()
			c, err := e.store.CreateCV(ctx, cv.Upload{UserID: "bob", FileName: "old.pdf", Kind: cv.KindPDF, Data: []byte("%PDF-x")}, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			j, err := e.store.ClaimJob(ctx, "legacy", time.Now(), time.Minute)
			if err != nil || j == nil || j.CVID != c.ID {
				t.Fatalf("claim %+v, %v", j, err)
			}
			res := cv.Result{Text: strings.Repeat("é", 1_000_000), Pages: 1, Sections: &cv.Sections{},
				Analysis: &cv.Analysis{Seniority: cv.SeniorityMid, Engine: cv.EngineOffline}}
			if err := e.store.CompleteJob(ctx, j, res, time.Now()); err != nil {
				t.Fatal(err)
			}
			resp := e.do("bob", true, `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { cvs { text } } } }`,
				map[string]any{"r": []any{map[string]any{"__typename": "User", "id": "bob"}}})
			var ents []struct{ CVs []struct{ Text string } }
			if err := json.Unmarshal(resp.Data["_entities"], &ents); err != nil || len(ents) != 1 || len(ents[0].CVs) != 1 {
				t.Fatalf("entities %s: %v", resp.Data["_entities"], err)
			}
			text := ents[0].CVs[0].Text
			if n := len([]rune(text)); n > limit+40 || !strings.HasSuffix(text, "[… text cut at 5000 characters]") ||
				!strings.HasPrefix(text, strings.Repeat("é", limit)+"\n") {
				t.Fatalf("served %d characters ending %q", n, text[len(text)-40:])
			}
		})
	})
}

//go:build !routeronly

package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/looptest"
	"github.com/careercoach/coach/internal/waitfor"
)

// TestCoachingLoop walks issue 24's loop (looptest.Walk) through the router
// of `coach dev`: one process, SQLite, the in-process bus.
func TestCoachingLoop(t *testing.T) {
	d := startDev(t)
	base := "http://" + d.addr
	token := signUpToken(t, base, "ada@example.com")

	req := cvUpload(t, base+"/graphql", "../../subgraphs/cv/extract/testdata/fpdf-two-page.pdf", nil, true)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	up, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(up), `"uploadCV":{"id"`) {
		t.Fatalf("uploadCV: %s", up)
	}
	waitfor.Check(t, 60*time.Second, "the CV analysis", func() (bool, string) {
		out := string(postJSON(t, base+"/graphql", token, map[string]any{"query": `{ me { latestCV { status } } }`}))
		return strings.Contains(out, `"status":"DONE"`), out
	})
	looptest.Walk(t, func(query string, vars map[string]any) []byte {
		return postJSON(t, base+"/graphql", token, map[string]any{"query": query, "variables": vars})
	})
}

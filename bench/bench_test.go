package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/careercoach/coach/bench/subgraphs"
	"github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/schema/compose"
)

// TestSupergraphIsFresh fails when bench/supergraph.graphql is not what the
// subgraph schemas compose to (run `make compose`).
func TestSupergraphIsFresh(t *testing.T) {
	if err := compose.Check(context.Background(), "supergraph.yaml", ".", slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
}

// TestRouterAnswersBenchmarkQuery sends the benchmark's query through our
// router to the ported subgraphs and compares the response byte for byte
// with the one joined by hand from the data tables.
func TestRouterAnswersBenchmarkQuery(t *testing.T) {
	router := newRouter(t)
	body, _ := json.Marshal(map[string]string{"query": Query})
	res, err := http.Post(router.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	got, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, got)
	}
	got = bytes.TrimRight(got, "\n")
	want := Expected()
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("response differs at byte %d of %d (want %d):\n got …%s…\nwant …%s…",
			i, len(got), len(want), excerpt(got, i), excerpt(want, i))
	}
	t.Logf("response: %d bytes", len(got))
}

func excerpt(b []byte, i int) []byte {
	return b[max(i-80, 0):min(i+80, len(b))]
}

// newRouter serves the subgraphs and, in front of them, the router on the
// committed supergraph.
func newRouter(t testing.TB) *httptest.Server {
	t.Helper()
	sg := httptest.NewServer(subgraphs.Handler())
	t.Cleanup(sg.Close)
	urls := map[string]string{}
	for _, n := range subgraphs.Names {
		urls[n] = sg.URL + "/" + n
	}
	h, err := server.New(server.Config{SupergraphSDL: Supergraph, SubgraphURLs: urls}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rt := httptest.NewServer(h)
	t.Cleanup(rt.Close)
	return rt
}

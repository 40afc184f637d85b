// Package httpaudit runs graphql-http's GraphQL-over-HTTP audit against
// the router (issue 22, item 7). It holds only this test and the Node
// driver beside it.
package httpaudit

import (
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careercoach/coach/router/server"
)

// TestGraphQLOverHTTPAudit serves the router in process and runs every
// audit of graphql-http 1.22.4 (`serverAudits({ url })`) against it: all
// 60 must be ok, the notices (SHOULD and MAY) included. It needs Node and
// `npm ci --prefix router/httpaudit` (make test installs it); without them
// it skips.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "graphql-http")); err != nil {
		t.Skip("run `npm ci --prefix router/httpaudit` to run the GraphQL-over-HTTP audit")
	}
	sdl, err := os.ReadFile(filepath.Join("..", "supergraph", "testdata", "basic.graphql"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := server.New(server.Config{SupergraphSDL: string(sdl), SubgraphURLs: map[string]string{}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	cmd := exec.CommandContext(t.Context(), node, "audit.mjs", srv.URL+"/graphql")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("graphql-http audit: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "60/60 audits ok") {
		t.Fatalf("graphql-http audit did not run all 60 audits:\n%s", out)
	}
	t.Logf("%s", out)
}

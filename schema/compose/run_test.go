package compose

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const usersSDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type User @key(fields: "id") { id: ID! name: String }
type Query { me: User }
`

const cvSDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type User @key(fields: "id") { id: ID! cvCount: Int }
type Query { _service: _Service! }
type _Service { sdl: String }
`

// serveSDL starts a subgraph that answers _service { sdl }.
func serveSDL(t *testing.T, sdl string, status int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !strings.Contains(string(body), "_service") || r.Header.Get("X-Token") != "secret" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"_service": map[string]any{"sdl": sdl}}})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchSDL(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		headers map[string]string
		wantErr string
	}{
		{name: "ok", status: http.StatusOK, headers: map[string]string{"X-Token": "secret"}},
		{name: "rejected", status: http.StatusOK, headers: nil, wantErr: "HTTP 400"},
		{name: "server error", status: http.StatusInternalServerError, headers: map[string]string{"X-Token": "secret"}, wantErr: "HTTP 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serveSDL(t, cvSDL, tt.status)
			got, err := FetchSDL(context.Background(), srv.Client(), srv.URL, tt.headers)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != cvSDL {
				t.Fatalf("got %q, %v", got, err)
			}
		})
	}
}

// TestRunAndCheck composes a file subgraph and a running one, then checks
// that Check passes on fresh output and reports stale output.
func TestRunAndCheck(t *testing.T) {
	dir := t.TempDir()
	srv := serveSDL(t, cvSDL, http.StatusOK)
	if err := os.WriteFile(filepath.Join(dir, "users.graphql"), []byte(usersSDL), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := "federation_version: =2.3.2\nsubgraphs:\n" +
		"  users:\n    routing_url: http://users:4001/graphql\n    schema:\n      file: users.graphql\n" +
		"  cv:\n    routing_url: http://cv:4002/graphql\n    schema:\n      subgraph_url: " + srv.URL + "\n" +
		"      introspection_headers:\n        X-Token: secret\n"
	cfgPath := filepath.Join(dir, "supergraph.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()

	if err := Check(ctx, cfgPath, out, log); !errors.Is(err, ErrStale) {
		t.Fatalf("Check before Run = %v, want ErrStale", err)
	}
	if err := Run(ctx, cfgPath, out, log); err != nil {
		t.Fatal(err)
	}
	super, err := os.ReadFile(filepath.Join(out, SupergraphFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`CV @join__graph(name: "cv", url: "http://cv:4002/graphql")`, `cvCount: Int @join__field(graph: CV)`} {
		if !strings.Contains(string(super), want) {
			t.Errorf("supergraph lacks %q:\n%s", want, super)
		}
	}
	if err := Check(ctx, cfgPath, out, log); err != nil {
		t.Fatalf("Check after Run = %v", err)
	}
	if err := os.WriteFile(filepath.Join(out, APIFile), []byte("type Query { old: Int }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Check(ctx, cfgPath, out, log); !errors.Is(err, ErrStale) || !strings.Contains(err.Error(), APIFile) {
		t.Fatalf("Check with edited api.graphql = %v, want ErrStale naming %s", err, APIFile)
	}
}

func TestRunReportsCompositionErrors(t *testing.T) {
	dir := t.TempDir()
	bad := `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type User @key(fields: "nope") { id: ID! }
type Query { me: User }
`
	if err := os.WriteFile(filepath.Join(dir, "a.graphql"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "supergraph.yaml")
	if err := os.WriteFile(cfgPath, []byte("subgraphs:\n  a:\n    routing_url: http://a\n    schema: {file: a.graphql}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Run(context.Background(), cfgPath, dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	var ce *CompositionError
	if !errors.As(err, &ce) || !hasCode(ce.Errors, "KEY_INVALID_FIELDS") {
		t.Fatalf("err = %v, want a CompositionError with KEY_INVALID_FIELDS", err)
	}
	if _, statErr := os.Stat(filepath.Join(dir, SupergraphFile)); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("a failed composition must not write %s", SupergraphFile)
	}
}

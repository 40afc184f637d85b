package compose

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		want    Config
		wantErr string
	}{
		{
			name: "file and subgraph_url",
			yaml: `
federation_version: =2.3.2
subgraphs:
  users:
    routing_url: http://localhost:4001/graphql
    schema:
      file: ./subgraphs/users/graph/schema.graphqls
  cv:
    routing_url: http://localhost:4002/graphql
    schema:
      subgraph_url: http://localhost:4002/graphql
      introspection_headers:
        Authorization: Bearer ${TOKEN}
`,
			want: Config{FederationVersion: "=2.3.2", Subgraphs: []SubgraphConfig{
				{Name: "cv", RoutingURL: "http://localhost:4002/graphql", SubgraphURL: "http://localhost:4002/graphql",
					IntrospectionHeaders: map[string]string{"Authorization": "Bearer ${TOKEN}"}},
				{Name: "users", RoutingURL: "http://localhost:4001/graphql", File: filepath.Join("/repo", "subgraphs/users/graph/schema.graphqls")},
			}},
		},
		{
			name: "numeric version and routing url from subgraph_url",
			yaml: "federation_version: 2\nsubgraphs:\n  a:\n    schema:\n      subgraph_url: http://a/graphql\n",
			want: Config{FederationVersion: "2", Subgraphs: []SubgraphConfig{
				{Name: "a", RoutingURL: "http://a/graphql", SubgraphURL: "http://a/graphql"},
			}},
		},
		{name: "fed 1", yaml: "federation_version: 1\nsubgraphs:\n  a:\n    routing_url: x\n    schema: {file: a.graphql}\n", wantErr: "only Federation 2"},
		{name: "no subgraphs", yaml: "federation_version: 2\n", wantErr: "no subgraphs"},
		{name: "both sources", yaml: "subgraphs:\n  a:\n    routing_url: x\n    schema: {file: a.graphql, subgraph_url: http://a}\n", wantErr: "exactly one"},
		{name: "graphref", yaml: "subgraphs:\n  a:\n    routing_url: x\n    schema: {graphref: g@v, subgraph: a}\n", wantErr: "only schema.file"},
		{name: "no routing url", yaml: "subgraphs:\n  a:\n    schema: {file: a.graphql}\n", wantErr: "routing_url is required"},
		{name: "bad yaml", yaml: "subgraphs: [", wantErr: "parse supergraph config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseConfig([]byte(tt.yaml), "/repo")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

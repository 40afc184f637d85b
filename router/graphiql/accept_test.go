package graphiql

import (
	"net/http/httptest"
	"testing"
)

func TestWantsPage(t *testing.T) {
	cases := []struct {
		name, target, accept string
		want                 bool
	}{
		{name: "Chromium navigation", target: "/graphql", accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", want: true},
		{name: "JSON client", target: "/graphql", accept: "application/json"},
		{name: "graphql-response client", target: "/graphql", accept: "application/graphql-response+json, application/json;q=0.9"},
		{name: "no Accept", target: "/graphql"},
		{name: "HTML but JSON preferred", target: "/graphql", accept: "text/html;q=0.5, application/json"},
		{name: "HTML refused", target: "/graphql", accept: "text/html;q=0"},
		{name: "a GET query from a browser", target: "/graphql?query=%7Bx%7D", accept: "text/html"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tc.target, nil)
			if tc.accept != "" {
				r.Header.Set("Accept", tc.accept)
			}
			if got := WantsPage(r); got != tc.want {
				t.Fatalf("WantsPage = %v, want %v", got, tc.want)
			}
		})
	}
}

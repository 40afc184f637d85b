//go:build routeronly

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestRouterOnlyBuild: the routeronly build has the router and nothing
// else, and says so when asked for another command.
func TestRouterOnlyBuild(t *testing.T) {
	var stderr bytes.Buffer
	e := env{getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &stderr}
	if got := commands(e); len(got) != 1 || got["router"] == nil {
		t.Fatalf("commands = %v, want the router only", got)
	}
	err := run(context.Background(), []string{"dev"}, e)
	if err == nil || !strings.Contains(stderr.String(), "<router>") {
		t.Fatalf("run dev: err %v, usage %q; want an unknown command listing only the router", err, stderr.String())
	}
}

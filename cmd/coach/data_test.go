//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestDataCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no action", []string{"data"}, "needs an action first"},
		{"unknown action", []string{"data", "publish"}, `unknown action "publish"`},
		{"build without the raw files", []string{"data", "build", "--raw", t.TempDir(), "--out", t.TempDir() + "/x.json.gz"}, "checking Occupation Data.xlsx (download it from https://raw.githubusercontent.com/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			e := env{getenv: func(string) string { return "" }, stdout: &out, stderr: &out}
			err := run(context.Background(), tt.args, e)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

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
		{"unknown set", []string{"data", "build", "--set", "recipes"}, `--set "recipes": use occupations or courses`},
		{"courses without the raw files", []string{"data", "build", "--set", "courses", "--raw", t.TempDir(), "--out", t.TempDir() + "/c.json.gz"},
			"checking ossu-computer-science-README.md (download it from https://raw.githubusercontent.com/ossu/computer-science/acf1cc774628d90f18276571b2fa5c9e66ac2523/README.md)"},
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

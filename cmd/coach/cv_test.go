//go:build !routeronly

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// The extract package's init serves extraction child processes, so this
// test binary needs no TestMain of its own for them.

func runCV(t *testing.T, vars map[string]string, args ...string) (string, error) {
	t.Helper()
	var stdout bytes.Buffer
	e := env{getenv: func(k string) string { return vars[k] }, stdout: &stdout, stderr: &bytes.Buffer{}}
	err := run(context.Background(), append([]string{"cv"}, args...), e)
	return stdout.String(), err
}

func TestCVCommands(t *testing.T) {
	const pdf = "../../subgraphs/cv/extract/testdata/fpdf-one-column.pdf"
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		wantOut []string
		wantErr string
	}{
		{name: "extract prints text and verdict", args: []string{"extract", pdf}, wantOut: []string{"Zoë Łukasiewicz-Brønner", "--- quality: OK"}},
		{name: "extract refuses a scan", args: []string{"extract", "../../subgraphs/cv/extract/testdata/scanned.pdf"}, wantOut: []string{"--- quality: SCANNED"}, wantErr: "quality gate"},
		{name: "analyze as text", args: []string{"analyze", pdf}, wantOut: []string{"ANALYSIS (engine: offline)", "score: ", "confidence: 1.00", "read: every part found", "EXPERIENCE (2)", "Staff Engineer | Nordlicht Payments GmbH"}},
		{name: "analyze shows what it could not read", args: []string{"analyze", "../../subgraphs/cv/extract/testdata/real/react-pdf-resume.pdf"}, wantOut: []string{"confidence: 0.70", "not read (nothing is claimed about these):", "- experience: We found an experience section but could not read its positions."}},
		{name: "analyze a DOCX", args: []string{"analyze", "../../subgraphs/cv/extract/testdata/word-style.docx"}, wantOut: []string{"ANALYSIS (engine: offline)"}},
		{name: "analyze needs a file", args: []string{"analyze", "--json"}, wantErr: "name the file"},
		{name: "analyze with half an Azure config", env: map[string]string{"AZURE_OPENAI_ENDPOINT": "https://x.openai.azure.com"}, args: []string{"analyze", pdf}, wantErr: "--azure-openai-api-key is required"},
		{name: "service needs a secret", args: []string{}, wantErr: "--service-secret"},
		{name: "service has no stage-delay test hook", args: []string{"--service-secret", "0123456789abcdef0", "--stage-delay", "1s"}, wantErr: "stage-delay"},
		{name: "service rejects a tiny upload limit", args: []string{"--service-secret", "0123456789abcdef0", "--max-upload-bytes", "10"}, wantErr: "--max-upload-bytes 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCV(t, tt.env, tt.args...)
			if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err %v, want %q", err, tt.wantErr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
	t.Run("analyze --json", func(t *testing.T) {
		out, err := runCV(t, nil, "analyze", pdf, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Pages    int
			Sections struct{ Contact struct{ Email string } }
			Analysis struct {
				Engine string
				Score  int
				Skills []struct{ Name string }
			}
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if got.Pages != 1 || got.Sections.Contact.Email != "zoe.lukasiewicz@example.com" || got.Analysis.Engine != "offline" || got.Analysis.Score == 0 || len(got.Analysis.Skills) == 0 {
			t.Fatalf("got %+v", got)
		}
	})
}

package rawdata_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/rawdata"
)

func sum(b string) string {
	s := sha256.Sum256([]byte(b))
	return hex.EncodeToString(s[:])
}

func TestFetchVerifiesChecksums(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good":
			w.Write([]byte("good bytes"))
		case "/tampered":
			w.Write([]byte("other bytes"))
		case "/big":
			w.Write([]byte(strings.Repeat("x", 100)))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	tests := []struct {
		name string
		file rawdata.File
		want string // "" = success
	}{
		{"right bytes", rawdata.File{Name: "a.md", URL: srv.URL + "/good", SHA256: sum("good bytes")}, ""},
		{"wrong bytes are refused", rawdata.File{Name: "b.md", URL: srv.URL + "/tampered", SHA256: sum("good bytes")}, "has SHA-256"},
		{"missing file", rawdata.File{Name: "c.md", URL: srv.URL + "/nope", SHA256: sum("x")}, "404"},
		{"over the limit", rawdata.File{Name: "d.md", URL: srv.URL + "/big", SHA256: sum(strings.Repeat("x", 100))}, "over 50 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			err := rawdata.Fetch(t.Context(), srv.Client(), dir, []rawdata.File{tt.file}, 50)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if err := rawdata.Verify(dir, []rawdata.File{tt.file}); err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Fatalf("a refused download left %v behind", entries)
			}
		})
	}
}

func TestVerifyRefusesChangedFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := rawdata.Verify(dir, []rawdata.File{{Name: "a.md", URL: "https://example.org/a.md", SHA256: sum("original")}})
	if err == nil || !strings.Contains(err.Error(), "not the recorded file") {
		t.Fatalf("err = %v", err)
	}
	err = rawdata.Verify(dir, []rawdata.File{{Name: "missing.md", URL: "https://example.org/m.md", SHA256: sum("x")}})
	if err == nil || !strings.Contains(err.Error(), "download it from https://example.org/m.md") {
		t.Fatalf("err = %v", err)
	}
}

func TestGitHubURLEscapesPaths(t *testing.T) {
	got := rawdata.GitHubURL(rawdata.GitHubRaw, "o/r", "abc", "data/Job Zones, x.md")
	if want := "https://raw.githubusercontent.com/o/r/abc/data/Job%20Zones%2C%20x.md"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

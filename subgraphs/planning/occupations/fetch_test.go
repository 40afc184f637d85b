package occupations

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rawServer serves the fixture extracts at their raw.githubusercontent.com
// paths; tamper names a file whose bytes it changes.
func rawServer(t *testing.T, src []Source, tamper string) *httptest.Server {
	t.Helper()
	byPath := map[string]string{}
	for _, s := range src {
		byPath["/"+s.Repository+"/"+s.Commit+"/"+s.Path] = s.File
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		file, ok := byPath[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		b, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if file == tamper {
			b = append(b, '!')
		}
		_, _ = w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	src, err := fixtureSources(t)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("downloads, verifies and builds", func(t *testing.T) {
		srv := rawServer(t, src, "")
		dir := filepath.Join(t.TempDir(), "raw")
		if err := Fetch(context.Background(), srv.Client(), srv.URL, dir, src); err != nil {
			t.Fatal(err)
		}
		if _, err := Build(context.Background(), dir, src); err != nil {
			t.Fatalf("the fetched files do not build: %v", err)
		}
	})
	t.Run("a file with other bytes is refused and not kept", func(t *testing.T) {
		srv := rawServer(t, src, "Skills.xlsx")
		dir := t.TempDir()
		err := Fetch(context.Background(), srv.Client(), srv.URL, dir, src)
		if err == nil || !strings.Contains(err.Error(), "fetching Skills.xlsx") || !strings.Contains(err.Error(), "SHA-256") {
			t.Fatalf("error %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "Skills.xlsx")); !os.IsNotExist(err) {
			t.Fatalf("the wrong file was kept: %v", err)
		}
		left, _ := filepath.Glob(filepath.Join(dir, ".fetch-*"))
		if len(left) != 0 {
			t.Fatalf("temporary files left: %v", left)
		}
	})
}

package plan

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

var update = flag.Bool("update", false, "rewrite plan.golden files")

// TestGolden plans testdata/<case>/operation.graphql against the case's
// supergraph.graphql and compares with plan.golden. Optional files:
// variables.json (for @skip/@include) and labels.json (override labels).
// A case may name files kept elsewhere instead (supergraph.link,
// operation.link: a path relative to the case), as gateway-benchmark
// names the benchmark's own.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no golden cases")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			sg := loadSupergraph(t, caseFile(t, dir, "supergraph.graphql"))
			op := readFile(t, caseFile(t, dir, "operation.graphql"))
			doc, errs := gqlparser.LoadQueryWithRules(sg.API, op, rules.NewDefaultRules())
			if len(errs) > 0 {
				t.Fatalf("operation invalid: %v", errs)
			}
			var vars map[string]any
			if b, err := os.ReadFile(filepath.Join(dir, "variables.json")); err == nil {
				if err := json.Unmarshal(b, &vars); err != nil {
					t.Fatal(err)
				}
			}
			var opts Options
			if b, err := os.ReadFile(filepath.Join(dir, "labels.json")); err == nil {
				if err := json.Unmarshal(b, &opts.Labels); err != nil {
					t.Fatal(err)
				}
			}
			p, err := Build(sg, doc, "", vars, opts)
			golden := filepath.Join(dir, "plan.golden")
			var got string
			switch {
			case err == nil:
				got = p.String()
			case errors.Is(err, os.ErrNotExist):
				t.Fatal(err)
			default:
				// Cases that must not plan keep the error in error.golden.
				golden = filepath.Join(dir, "error.golden")
				if _, statErr := os.Stat(golden); statErr != nil && !*update {
					t.Fatalf("Build: %v", err)
				}
				got = err.Error() + "\n"
			}
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := readFile(t, golden); got != want {
				t.Errorf("plan mismatch (run with -update to accept)\n--- got\n%s\n--- want\n%s", got, want)
			}
		})
	}
}

// caseFile is the case's file name, or where its name.link points.
func caseFile(t testing.TB, dir, name string) string {
	link := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".link")
	b, err := os.ReadFile(link)
	if err != nil {
		return filepath.Join(dir, name)
	}
	return filepath.Join(dir, strings.TrimSpace(string(b)))
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func loadSupergraph(t testing.TB, path string) *supergraph.Supergraph {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := supergraph.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return sg
}

// BenchmarkBuild plans every golden case (planning is pure, so this is the
// planner's own cost; the router caches plans per operation).
func BenchmarkBuild(b *testing.B) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		b.Fatal(err)
	}
	for _, dir := range dirs {
		sg := loadSupergraph(b, caseFile(b, dir, "supergraph.graphql"))
		op, err := os.ReadFile(caseFile(b, dir, "operation.graphql"))
		if err != nil {
			b.Fatal(err)
		}
		doc, errs := gqlparser.LoadQueryWithRules(sg.API, string(op), rules.NewDefaultRules())
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		var vars map[string]any
		if raw, err := os.ReadFile(filepath.Join(dir, "variables.json")); err == nil {
			if err := json.Unmarshal(raw, &vars); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Build(sg, doc, "", vars, Options{})
			}
		})
	}
}

package compose

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

var update = flag.Bool("update", false, "rewrite the golden files in ../testdata")

// loadCase reads schema/testdata/<case>/subgraphs/*.graphql; each file is one
// subgraph named after the file.
func loadCase(t *testing.T, dir string) []Subgraph {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "subgraphs", "*.graphql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no subgraphs in %s: %v", dir, err)
	}
	var sgs []Subgraph
	for _, f := range files {
		sdl, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		sgs = append(sgs, Subgraph{Name: name, URL: "http://" + name + ":4000/graphql", SDL: string(sdl)})
	}
	return sgs
}

// golden compares got with the file, or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run with -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (run with -update to accept):\n--- got\n%s", path, got)
	}
}

// Cases named error_<code>[__<variant>] must fail with that Apollo code; the
// others must compose into a supergraph and API schema that are valid GraphQL.
func TestCompose(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			res, errs := Compose(loadCase(t, dir))
			if code, ok := strings.CutPrefix(name, "error_"); ok {
				code, _, _ = strings.Cut(code, "__")
				if len(errs) == 0 {
					t.Fatalf("composition succeeded, want error %s", strings.ToUpper(code))
				}
				if !hasCode(errs, strings.ToUpper(code)) {
					t.Errorf("errors lack code %s: %v", strings.ToUpper(code), errs)
				}
				golden(t, filepath.Join(dir, "errors.txt"), errorText(errs))
				return
			}
			if len(errs) > 0 {
				t.Fatalf("composition failed: %s", errorText(errs))
			}
			mustLoad(t, "supergraph", res.Supergraph)
			mustLoad(t, "api", res.API)
			golden(t, filepath.Join(dir, "supergraph.graphql"), res.Supergraph)
			golden(t, filepath.Join(dir, "api.graphql"), res.API)
		})
	}
}

func hasCode(errs []error, code string) bool {
	for _, err := range errs {
		var ce *Error
		if errors.As(err, &ce) && ce.Code == code {
			return true
		}
	}
	return false
}

func errorText(errs []error) string {
	lines := make([]string, len(errs))
	for i, err := range errs {
		lines[i] = err.Error()
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// mustLoad checks the SDL is a valid GraphQL schema (every directive
// defined, every type known).
func mustLoad(t *testing.T, what, sdl string) {
	t.Helper()
	if _, err := gqlparser.LoadSchema(&ast.Source{Name: what, Input: sdl}); err != nil {
		t.Fatalf("%s is not a valid schema: %v\n%s", what, err, sdl)
	}
}

// Every case must compose to the same output, and fail with the same
// errors, whatever order the subgraphs are given in and however often.
func TestComposeIsDeterministic(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			sgs := loadCase(t, dir)
			first, errs1 := Compose(sgs)
			reversed := make([]Subgraph, len(sgs))
			for i, sg := range sgs {
				reversed[len(sgs)-1-i] = sg
			}
			for range 3 {
				again, errs2 := Compose(reversed)
				if first != again {
					t.Fatalf("output depends on subgraph order:\n%s\n---\n%s", first.Supergraph, again.Supergraph)
				}
				if unsortedErrorText(errs1) != unsortedErrorText(errs2) {
					t.Fatalf("errors differ between runs:\n%s\n---\n%s", unsortedErrorText(errs1), unsortedErrorText(errs2))
				}
			}
		})
	}
}

// unsortedErrorText keeps the order Compose reported the errors in.
func unsortedErrorText(errs []error) string {
	lines := make([]string, len(errs))
	for i, err := range errs {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

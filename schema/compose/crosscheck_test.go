package compose

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestApolloCrossCheck composes every testdata case with Apollo's own
// @apollo/composition and compares the result with our golden output; the
// differences we accept are listed, with reasons, in crosscheck/known.mjs.
// It needs Node and `npm ci --prefix schema/crosscheck`; without them it
// skips.
func TestApolloCrossCheck(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	dir := filepath.Join("..", "crosscheck")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@apollo", "composition")); err != nil {
		t.Skip("run `npm ci --prefix schema/crosscheck` to cross-check against @apollo/composition")
	}
	cmd := exec.Command(node, "crosscheck.mjs", filepath.Join("..", "testdata"))
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("composition differs from Apollo's: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

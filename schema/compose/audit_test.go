package compose

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestAuditSuite recomposes the subgraphs of graphql-hive's
// federation-gateway-audit (46 suites) and compares each result with what
// Apollo's composition makes of them. The suite is not vendored: extract it
// with `node schema/crosscheck/extract-audit.mjs <audit checkout> <dir>` and
// set COMPOSE_AUDIT_DIR=<dir>. Our supergraph and API schemas are written
// into <dir>.
func TestAuditSuite(t *testing.T) {
	root := os.Getenv("COMPOSE_AUDIT_DIR")
	if root == "" {
		t.Skip("COMPOSE_AUDIT_DIR not set")
	}
	dirs, err := filepath.Glob(filepath.Join(root, "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no suites in %s: %v", root, err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, errs := Compose(loadCase(t, dir))
			if len(errs) > 0 {
				t.Fatalf("composition failed: %s", errorText(errs))
			}
			for _, out := range outputs(res) {
				if err := os.WriteFile(filepath.Join(dir, out[0]), []byte(out[1]), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed: compared nothing")
	}
	cmd := exec.Command(node, "crosscheck.mjs", root)
	cmd.Dir = filepath.Join("..", "crosscheck")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("supergraphs differ from Apollo's: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

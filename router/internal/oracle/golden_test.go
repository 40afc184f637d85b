package oracle_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/careercoach/coach/router/internal/oracle"
)

// TestOracleGolden replays every mismatch the oracle has found
// (testdata/golden.json: the operation, the router's answer then and the
// reference's). Each must now match the reference, except those marked
// known: router defects not fixed yet, which must still differ, so that
// fixing one fails here until its mark is removed.
func TestOracleGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []golden
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("reading testdata/golden.json: %v", err)
	}
	if len(cases) == 0 {
		t.Fatal("testdata/golden.json has no cases")
	}
	e := newEnv(t)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			want := ask(t, e.reference, c.Case)
			var recorded bytes.Buffer
			if len(c.Reference.Data) > 0 {
				if err := json.Compact(&recorded, c.Reference.Data); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(want.Data, recorded.Bytes()) || !slices.Equal(want.Errors, c.Reference.Errors) {
				t.Fatalf("the reference's answer changed since the case was recorded: %s %q", want.Data, want.Errors)
			}
			d := oracle.Diff(ask(t, e.router, c.Case), want, c.Invalid != "")
			switch {
			case c.Known == "" && d != "":
				t.Errorf("the router differs from the reference:\n%s", d)
			case c.Known != "" && d == "":
				t.Errorf("known defect %q is fixed: remove its mark", c.Known)
			}
		})
	}
}

package oracle

import (
	"encoding/json"
	"testing"
)

// TestDiff pins what the oracle tolerates: nothing in data, no extra
// error, and a missing error only inside a subtree another error nulled.
func TestDiff(t *testing.T) {
	ans := func(data string, errs ...string) Answer {
		a := Answer{Errors: errs}
		if data != "" {
			a.Data = json.RawMessage(data)
		}
		return a
	}
	tests := []struct {
		name         string
		got, want    Answer
		invalid      bool
		wantMismatch bool
	}{
		{"same", ans(`{"a":1}`), ans(`{"a":1}`), false, false},
		{"key order differs", ans(`{"b":2,"a":1}`), ans(`{"a":1,"b":2}`), false, true},
		{"value differs", ans(`{"a":1}`), ans(`{"a":2}`), false, true},
		{"extra error", ans(`{"a":null}`, "a X", "a.b NON_NULLABLE_FIELD_NULL"), ans(`{"a":null}`, "a X"), false, true},
		{"error code differs", ans(`{"a":null}`, "a Y"), ans(`{"a":null}`, "a X"), false, true},
		{"missing the only error", ans(`{"a":null}`), ans(`{"a":null}`, "a.b X"), false, true},
		{"missing one of two errors under one null", ans(`{"a":null}`, "a.b X"), ans(`{"a":null}`, "a.b X", "a.c.d X"), false, false},
		{"missing an error under another null", ans(`{"a":null,"e":null}`, "a.b X"), ans(`{"a":null,"e":null}`, "a.b X", "e.f X"), false, true},
		{"missing errors when data is null", ans(`null`, "a.b X"), ans(`null`, "a.b X", "c.0.d X"), false, false},
		{"invalid: same codes", ans("", " GRAPHQL_VALIDATION_FAILED", " GRAPHQL_VALIDATION_FAILED"), ans("", " GRAPHQL_VALIDATION_FAILED"), true, false},
		{"invalid: variable code", ans("", " VALIDATION_INVALID_TYPE_VARIABLE"), ans("", " GRAPHQL_VALIDATION_FAILED"), true, false},
		{"invalid: executed", ans(`{"a":1}`, " GRAPHQL_VALIDATION_FAILED"), ans("", " GRAPHQL_VALIDATION_FAILED"), true, true},
		{"invalid: accepted", ans(""), ans("", " GRAPHQL_VALIDATION_FAILED"), true, true},
		{"invalid: other code", ans("", " GRAPHQL_PARSE_FAILED"), ans("", " GRAPHQL_VALIDATION_FAILED"), true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diff(tt.got, tt.want, tt.invalid)
			if (d != "") != tt.wantMismatch {
				t.Errorf("Diff = %q, want mismatch %v", d, tt.wantMismatch)
			}
		})
	}
}

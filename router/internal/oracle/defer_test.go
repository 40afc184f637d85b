package oracle_test

import (
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"reflect"
	"slices"
	"testing"

	"github.com/careercoach/coach/router/internal/incremental"
	"github.com/careercoach/coach/router/internal/oracle"
)

// askIncremental posts query to the router as a client reading
// multipart/mixed, merges the payloads as a client does, and returns the
// merged answer, the number of payloads, and whether a fragment's data
// was nulled by its own error (its null then stops at the fragment, where
// the whole answer's would have bubbled further).
func askIncremental(t *testing.T, h http.Handler, query string, vars map[string]any) (data any, errs []string, parts int, nulled bool) {
	t.Helper()
	rec := post(t, h, query, vars, "multipart/mixed;deferSpec=20220824, application/json")
	mt, params, _ := mime.ParseMediaType(rec.Header().Get("Content-Type"))
	var payloads [][]byte
	if mt != "multipart/mixed" {
		payloads = [][]byte{rec.Body.Bytes()}
	} else {
		mr := multipart.NewReader(rec.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("reading the multipart answer to %s: %v\n%s", query, err, rec.Body.String())
			}
			b, err := io.ReadAll(p)
			if err != nil {
				t.Fatal(err)
			}
			payloads = append(payloads, b)
		}
	}
	for i, p := range payloads {
		var m struct {
			Data        any               `json:"data"`
			Errors      []json.RawMessage `json:"errors"`
			HasNext     *bool             `json:"hasNext"`
			Incremental []struct {
				Data   map[string]any    `json:"data"`
				Path   []any             `json:"path"`
				Errors []json.RawMessage `json:"errors"`
			} `json:"incremental"`
		}
		if err := json.Unmarshal(p, &m); err != nil {
			t.Fatalf("payload %d of %s: %v", i, query, err)
		}
		if last := i == len(payloads)-1; len(payloads) > 1 && (m.HasNext == nil || *m.HasNext == last) {
			t.Fatalf("payload %d of %d says hasNext %v: %s", i, len(payloads), m.HasNext, p)
		}
		if i == 0 {
			data = m.Data
		}
		all := m.Errors
		for _, it := range m.Incremental {
			all = append(all, it.Errors...)
			if it.Data == nil {
				nulled = true
				continue
			}
			if err := incremental.Apply(data, it.Path, it.Data); err != nil {
				t.Fatalf("payload %d of %s: %v", i, query, err)
			}
		}
		for _, e := range all {
			a, err := oracle.ParseAnswer([]byte(`{"errors":[` + string(e) + `]}`))
			if err != nil {
				t.Fatal(err)
			}
			errs = append(errs, a.Errors...)
		}
	}
	slices.Sort(errs)
	return data, errs, len(payloads), nulled
}

// deferGolden are the mismatches TestOracleDefer found, kept.
var deferGolden = []struct{ name, query, deferred string }{
	{
		name:     "a fragment on a concrete type below an @interfaceObject's objects: their types come first",
		query:    `{ trending { popularity ...F2 } } fragment F2 on Book { isbn title }`,
		deferred: `{ trending { popularity ...F2 @defer(label: "d1") } } fragment F2 on Book { isbn title }`,
	},
	{
		name:     "an entity its owner nulled, with only a deferred fragment selecting by type, nulls as in the whole answer",
		query:    `{ trending { ... on Media { ... on Book { isbn } } } }`,
		deferred: `{ trending { ... on Media @defer(label: "d1") { ... on Book { isbn } } } }`,
	},
}

func TestOracleDeferGolden(t *testing.T) {
	e := newEnv(t)
	for _, tc := range deferGolden {
		t.Run(tc.name, func(t *testing.T) {
			want := ask(t, e.reference, oracle.Case{Query: tc.query})
			if d := oracle.Diff(ask(t, e.router, oracle.Case{Query: tc.deferred}), want, false); d != "" {
				t.Errorf("whole answer: %s", d)
			}
			data, errs, _, _ := askIncremental(t, e.router, tc.deferred, nil)
			got, err := json.Marshal(data)
			if err != nil {
				t.Fatal(err)
			}
			var wantData any
			if err := json.Unmarshal(want.Data, &wantData); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(data, wantData) {
				t.Errorf("merged data %s, reference %s", got, want.Data)
			}
			if !slices.Equal(errs, want.Errors) {
				t.Errorf("merged errors %q, reference %q", errs, want.Errors)
			}
		})
	}
}

// TestOracleDefer puts @defer on generated operations' fragments. The
// router's whole answer to the deferred query must be the reference's
// answer to the plain one, byte for byte; read incrementally and merged,
// the same data (key order aside) and the same errors by path and code.
func TestOracleDefer(t *testing.T) {
	e := newEnv(t)
	s, n := seed(t), cases(t)/3
	g := oracle.NewGenerator(e.schema, s)
	deferred, split, skipped, mismatches := 0, 0, 0, 0
	for i := 0; i < n && mismatches < 10; i++ {
		c := g.Next()
		if c.Invalid != "" {
			continue
		}
		q, active := oracle.Deferred(c, s+uint64(i))
		if !active {
			continue
		}
		deferred++
		want := ask(t, e.reference, c)
		whole := ask(t, e.router, oracle.Case{Query: q, Variables: c.Variables})
		if d := oracle.Diff(whole, want, false); d != "" {
			mismatches++
			t.Errorf("case %d (seed %d), whole answer:\n%s\nquery: %s\nvariables: %v", i, s, d, q, c.Variables)
			continue
		}
		data, errs, parts, nulled := askIncremental(t, e.router, q, c.Variables)
		if parts > 1 {
			split++
		}
		if nulled {
			skipped++ // a fragment's null stops at the fragment: only the whole answer compares
		}
		var wantData any
		if err := json.Unmarshal(want.Data, &wantData); err != nil {
			t.Fatal(err)
		}
		if !nulled && !reflect.DeepEqual(data, wantData) {
			mismatches++
			got, _ := json.Marshal(data)
			t.Errorf("case %d (seed %d), merged payloads:\n  router    %s\n  reference %s\nquery: %s\nvariables: %v", i, s, got, want.Data, q, c.Variables)
			continue
		}
		// The same tolerance as the whole answer's: errors inside a subtree
		// another error nulled may be left out.
		if d := oracle.Diff(oracle.Answer{Data: want.Data, Errors: errs}, want, false); !nulled && d != "" {
			mismatches++
			t.Errorf("case %d (seed %d), merged payloads:\n%s\nquery: %s\nvariables: %v", i, s, d, q, c.Variables)
		}
	}
	t.Logf("seed %d: %d operations with @defer, %d answered in several parts, %d with a fragment nulled by its error", s, deferred, split, skipped)
	if n >= 300 && split < deferred/4 {
		t.Errorf("only %d of %d deferred operations came in parts: the test would not see incremental delivery", split, deferred)
	}
}

package execute

import (
	"encoding/json"
	"github.com/careercoach/coach/router/wire"
	"strings"
	"testing"
)

// TestAppendJSONMatchesEncodingJSON: the one-pass writer must produce what
// encoding/json produces, escapes included.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	o := newObject(2)
	o.Set("z", "first key stays first")
	o.Set("a", []any{json.Number("1.5e3"), true, nil, int64(-7), 3.25})
	values := []any{
		nil, "", "plain", "quote\" back\\slash", "<html> & co", "tab\tnew\nline\x01", "héllo ✓", "\u2028\u2029",
		"bad utf8 \xff", json.Number("42"), json.Number(""), false, 12, int32(5), 1e21, float64(0.1),
		[]any{}, []any(nil), map[string]any{"b": 1, "a": map[string]any{"y": []any{"x"}}}, map[string]any(nil),
		o, (*Object)(nil), []string{"fallback"}, json.RawMessage(`{"a":[1,"\u003c"]}`), json.RawMessage(nil),
	}
	for _, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := AppendJSON(nil, v)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		if string(got) != string(want) {
			t.Errorf("%#v:\n got %s\nwant %s", v, got, want)
		}
	}
	if _, err := AppendJSON(nil, json.Number("1x")); err == nil {
		t.Error("an invalid number literal must fail, as with encoding/json")
	}
}

func TestResultAppendJSON(t *testing.T) {
	o := newObject(1)
	o.Set("k", "v")
	for _, r := range []*Result{{Data: o}, {Data: nil, Errors: []*wire.Error{{Message: "m", Path: []any{"k", 0}}}}} {
		want, _ := json.Marshal(r)
		got, err := r.AppendJSON(nil)
		if err != nil || string(got) != string(want) {
			t.Errorf("got %s (%v), want %s", got, err, want)
		}
	}
}

// TestAppendStringEveryByte: each byte value in each position of strings
// long enough for the eight-byte path is written as encoding/json writes it.
func TestAppendStringEveryByte(t *testing.T) {
	for _, n := range []int{8, 17} {
		for pos := range n {
			for c := range 256 {
				s := []byte("abcdefghijklmnopq"[:n])
				s[pos] = byte(c)
				want, _ := json.Marshal(string(s))
				if got := appendString(nil, string(s)); string(got) != string(want) {
					t.Fatalf("%q: got %s, want %s", s, got, want)
				}
			}
		}
	}
}

// TestIsNumber: exactly JSON's number grammar; what it refuses,
// json.Valid still decides (as AppendJSON asks it).
func TestIsNumber(t *testing.T) {
	for _, s := range []string{"0", "-0", "1", "-12", "12.5", "1e9", "1E+9", "-1.5e-3", "10", "0.0",
		"", "-", "01", "1.", ".5", "1e", "1e+", "+1", "0x1", "1.5.2", "--1", " 1", "1 ", "NaN", "Infinity", "1_000"} {
		if got, want := isNumber(s), json.Valid([]byte(s)) && strings.TrimSpace(s) == s; got != want {
			t.Errorf("isNumber(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestQueriesEncodedOnce: the operations a compiled plan keeps encoded
// are what encoding/json writes for them, odd characters included.
func TestQueriesEncodedOnce(t *testing.T) {
	for _, s := range []string{"{ a }", `query Q { f(s: "<b> & \"c\"\n") }`, "héllo \u2028", "bad \xff utf8"} {
		want, _ := json.Marshal(s)
		if got := quoted(s); string(got) != string(want) {
			t.Errorf("quoted(%q) = %s, want %s", s, got, want)
		}
	}
	c := compiledFor(benchPlan(t))
	if len(c.fetches) < 8 {
		t.Fatalf("%d encoded operations, want one per fetch and batch", len(c.fetches))
	}
	for f, st := range c.fetches {
		if want, _ := json.Marshal(f.Operation); string(st.query) != string(want) {
			t.Errorf("%s: %s, want %s", f.Service, st.query, want)
		}
	}
}

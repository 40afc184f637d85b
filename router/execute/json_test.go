package execute

import (
	"encoding/json"
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
	for _, r := range []*Result{{Data: o}, {Data: nil, Errors: []*Error{{Message: "m", Path: []any{"k", 0}}}}} {
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

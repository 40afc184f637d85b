package transport

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/careercoach/coach/router/execute"
)

func stdDecode(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errSyntax
	}
	return v, nil
}

// TestDecodeValueMatchesEncodingJSON: same values for valid documents,
// an error for every invalid one.
func TestDecodeValueMatchesEncodingJSON(t *testing.T) {
	docs := []string{
		`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `-12.5e+3`, `1E9`, `"s"`, ` {"a" : [1, "x", null, {"b":false}] } `,
		`{"a":1,"a":2}`, `"esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00"`, `"héllo"`, "\"bad \xff utf8\"", `"\ud800"`,
		`{"data":{"_entities":[{"__typename":"User","id":"1"}]}}`,
		// invalid
		``, `{`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `01`, `1.`, `.5`, `1e`, `-`, `+1`, `tru`, `nul`, `"unterminated`,
		"\"ctl \x01\"", `"\x"`, `"\u12"`, `{} x`, `[1 2]`, `{1:2}`, `NaN`,
	}
	for _, doc := range docs {
		want, werr := stdDecode([]byte(doc))
		got, gerr := decodeValue([]byte(doc), nil)
		if (werr != nil) != (gerr != nil) {
			t.Errorf("%q: error %v, encoding/json: %v", doc, gerr, werr)
			continue
		}
		if werr == nil && !reflect.DeepEqual(plain(got), want) {
			t.Errorf("%q: got %#v, want %#v", doc, got, want)
		}
	}
}

// plain turns Objects back into encoding/json's maps.
func plain(v any) any {
	switch x := v.(type) {
	case *execute.Object:
		m := map[string]any{}
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			m[k] = plain(e)
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	}
	return v
}

// TestDecodeValueKeepsDocumentOrder: keys come out in the order the
// subgraph wrote them, a repeated key at its first position with its last
// value, in small objects and in big ones (which take the indexed path).
func TestDecodeValueKeepsDocumentOrder(t *testing.T) {
	big := `{`
	var want []string
	for i := range 40 {
		if i > 0 {
			big += ","
		}
		k := string(rune('z'-i%26)) + string(rune('a'+i/26))
		big += `"` + k + `":` + strconv.Itoa(i)
		want = append(want, k)
	}
	big += `,"za":"last"}`
	for _, tc := range []struct {
		name, doc string
		keys      []string
		first     any
	}{
		{"small", `{"b":1,"a":2,"b":3}`, []string{"b", "a"}, json.Number("3")},
		{"big", big, want, "last"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := decodeValue([]byte(tc.doc), nil)
			if err != nil {
				t.Fatal(err)
			}
			o := v.(*execute.Object)
			if got := o.Keys(); !slices.Equal(got, tc.keys) {
				t.Fatalf("keys %v, want %v", got, tc.keys)
			}
			if got, _ := o.Get(tc.keys[0]); got != tc.first {
				t.Errorf("%s = %#v, want %#v", tc.keys[0], got, tc.first)
			}
		})
	}
}

func TestDecodeResponseFallsBack(t *testing.T) {
	for _, doc := range []string{
		`{"data":{"a":1}}`, `{"data":null,"errors":[{"message":"m","path":["a",0]}]}`, `{"Data":{"a":1}}`,
		`{"data":{"a":1},"extensions":{"x":1}}`, `{"data":"str"}`, `[]`,
	} {
		var want execute.Response
		dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
		dec.UseNumber()
		werr := dec.Decode(&want)
		got, gerr := decodeResponse([]byte(doc), nil)
		if (werr != nil) != (gerr != nil) {
			t.Errorf("%q: error %v, encoding/json: %v", doc, gerr, werr)
			continue
		}
		if werr != nil {
			continue
		}
		if got.Object != nil {
			got.Data, got.Object = plain(got.Object).(map[string]any), nil
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%q: got %#v, want %#v", doc, *got, want)
		}
	}
}

func TestAppendRequestMatchesEncodingJSON(t *testing.T) {
	for _, req := range []*execute.Request{
		{Query: "{ a }"},
		{Query: "query Q($r: [_Any!]!) { _entities(representations: $r) { __typename } }", OperationName: "Q",
			Variables: map[string]any{"r": []any{map[string]any{"id": "1", "__typename": "User"}}, "n": json.Number("3")}},
	} {
		want, _ := json.Marshal(req)
		got, err := appendRequest(nil, req)
		if err != nil || string(got) != string(want) {
			t.Errorf("got %s (%v), want %s", got, err, want)
		}
	}
}

// TestPlainWord compares the eight-byte test with a byte-by-byte one, on
// every byte value in every position and on random words.
func TestPlainWord(t *testing.T) {
	plainByte := func(c byte) bool { return c != '"' && c != '\\' && c >= 0x20 && c < 0x80 }
	check := func(w uint64) {
		want := true
		for i := range 8 {
			want = want && plainByte(byte(w>>(8*i)))
		}
		if got := plainWord(w); got != want {
			t.Fatalf("plainWord(%#016x) = %v, want %v", w, got, want)
		}
	}
	const base = 0x6161616161616161 // "aaaaaaaa"
	for pos := range 8 {
		for c := range 256 {
			check(base&^(0xff<<(8*pos)) | uint64(c)<<(8*pos))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		check(rng.Uint64())
		check(rng.Uint64() & 0x7f7f7f7f7f7f7f7f) // ASCII only
	}
}

// TestDecodeValueDocumentsStayApart: documents decoded one after another
// share a pooled decoder and its caches of recent values; each keeps its
// own values, and a string never stands in for a number or the reverse.
func TestDecodeValueDocumentsStayApart(t *testing.T) {
	docs := []string{
		`{"a":"1","b":1,"c":[{"x":"v"},{"x":"v"}],"d":{}}`,
		`{"a":1,"b":"1","c":[{"x":"w"},{"x":2.5}],"d":{"e":"f"}}`,
		`[1,"1",1,"1",{"k":1},{"k":"1"}]`,
		// Siblings whose keys differ from the one before, at one depth.
		`[{"a":1,"b":2},{"a":3,"c":4},{"b":5,"a":6},{"a\u0062":7},{}]`,
	}
	var got []any
	for range 3 { // again: the caches now hold the other documents' values
		for _, doc := range docs {
			v, err := decodeValue([]byte(doc), nil)
			if err != nil {
				t.Fatalf("%s: %v", doc, err)
			}
			got = append(got, v)
		}
	}
	for i, v := range got {
		doc := docs[i%len(docs)]
		want, _ := stdDecode([]byte(doc))
		if !reflect.DeepEqual(plain(v), want) {
			t.Errorf("%s, decoded %d: got %#v, want %#v", doc, i, plain(v), want)
		}
	}
}

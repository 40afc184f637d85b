package transport

import (
	"bytes"
	"encoding/json"
	"reflect"
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
		got, gerr := decodeValue([]byte(doc))
		if (werr != nil) != (gerr != nil) {
			t.Errorf("%q: error %v, encoding/json: %v", doc, gerr, werr)
			continue
		}
		if werr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %#v, want %#v", doc, got, want)
		}
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
		got, gerr := decodeResponse([]byte(doc))
		if (werr != nil) != (gerr != nil) {
			t.Errorf("%q: error %v, encoding/json: %v", doc, gerr, werr)
			continue
		}
		if werr == nil && !reflect.DeepEqual(*got, want) {
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

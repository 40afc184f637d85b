package transport

import (
	"bytes"
	"encoding/json"
	"errors"
	"hash/maphash"
	"strings"
	"unicode/utf8"

	"github.com/careercoach/coach/router/execute"
)

// errSyntax makes the caller fall back to encoding/json, which reports
// the precise error.
var errSyntax = errors.New("invalid JSON")

// decodeValue parses one JSON document into the values encoding/json
// gives an any with UseNumber (map[string]any, []any, string,
// json.Number, bool, nil), without reflection. It is strict: what
// encoding/json rejects, it rejects.
func decodeValue(b []byte) (any, error) {
	d := decoder{b: b}
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.i != len(d.b) {
		return nil, errSyntax
	}
	return v, nil
}

type decoder struct {
	b []byte
	i int
	// strs remembers recent strings of this document by hash: subgraph
	// responses repeat their keys in every object, and often their values
	// (the same entity under many parents), so repeats share one string
	// instead of allocating and copying each.
	strs [256]string
}

var internSeed = maphash.MakeSeed()

// intern returns b as a string, shared with an equal earlier one if the
// cache slot still holds it.
func (d *decoder) intern(b []byte) string {
	if len(b) > 4096 {
		return string(b)
	}
	slot := &d.strs[maphash.Bytes(internSeed, b)&255]
	if *slot == string(b) { // compares without allocating
		return *slot
	}
	s := string(b)
	*slot = s
	return s
}

// maxDepth matches encoding/json's nesting limit.
const maxDepth = 10000

func (d *decoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *decoder) value(depth int) (any, error) {
	d.space()
	if d.i >= len(d.b) || depth > maxDepth {
		return nil, errSyntax
	}
	switch c := d.b[d.i]; {
	case c == '{':
		return d.object(depth)
	case c == '[':
		return d.array(depth)
	case c == '"':
		return d.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	default:
		return d.literal()
	}
}

func (d *decoder) object(depth int) (any, error) {
	d.i++ // {
	m := map[string]any{}
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return m, nil
	}
	for {
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return nil, errSyntax
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return nil, errSyntax
		}
		d.i++
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		m[k] = v // a repeated key keeps the last value, as encoding/json does
		d.space()
		if d.i >= len(d.b) {
			return nil, errSyntax
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return m, nil
		default:
			return nil, errSyntax
		}
	}
}

func (d *decoder) array(depth int) (any, error) {
	d.i++ // [
	a := []any{}
	d.space()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		return a, nil
	}
	for {
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		d.space()
		if d.i >= len(d.b) {
			return nil, errSyntax
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return a, nil
		default:
			return nil, errSyntax
		}
	}
}

// str reads a string. A plain ASCII string is one copy (or none, when
// interned); a string with escapes or non-ASCII bytes is decoded by
// encoding/json, so escapes and invalid UTF-8 come out exactly as before.
func (d *decoder) str() (string, error) {
	start := d.i
	d.i++ // opening quote
	plain := true
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			if plain {
				return d.intern(d.b[start+1 : d.i-1]), nil
			}
			var s string
			if err := json.Unmarshal(d.b[start:d.i], &s); err != nil {
				return "", errSyntax
			}
			return s, nil
		case c == '\\':
			plain = false
			d.i += 2 // skip the escaped byte (validated by encoding/json above)
			continue
		case c < 0x20:
			return "", errSyntax
		case c >= utf8.RuneSelf:
			plain = false
		}
		d.i++
	}
	return "", errSyntax
}

// number validates JSON's number grammar and keeps the literal.
func (d *decoder) number() (any, error) {
	start := d.i
	if d.b[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.b) && d.b[d.i] == '0':
		d.i++
	case d.i < len(d.b) && d.b[d.i] >= '1' && d.b[d.i] <= '9':
		d.digits()
	default:
		return nil, errSyntax
	}
	if d.i < len(d.b) && d.b[d.i] == '.' {
		d.i++
		if d.digits() == 0 {
			return nil, errSyntax
		}
	}
	if d.i < len(d.b) && (d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		d.i++
		if d.i < len(d.b) && (d.b[d.i] == '+' || d.b[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return nil, errSyntax
		}
	}
	return json.Number(d.b[start:d.i]), nil
}

func (d *decoder) digits() int {
	n := 0
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
		n++
	}
	return n
}

func (d *decoder) literal() (any, error) {
	for _, l := range [...]struct {
		s string
		v any
	}{{"null", nil}, {"true", true}, {"false", false}} {
		if len(d.b)-d.i >= len(l.s) && string(d.b[d.i:d.i+len(l.s)]) == l.s {
			d.i += len(l.s)
			return l.v, nil
		}
	}
	return nil, errSyntax
}

// decodeResponse decodes a subgraph response: the usual one (data, no
// errors) by decodeValue; anything else (errors, odd shapes, invalid
// JSON) by encoding/json as before, so error handling and messages stay.
func decodeResponse(raw []byte) (*execute.Response, error) {
	if v, err := decodeValue(raw); err == nil {
		if out, ok := fastResponse(v); ok {
			return out, nil
		}
	}
	var out execute.Response
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return &out, nil
}

// fastResponse accepts {"data": {...} or null, other members ignored}
// exactly as encoding/json would read it into execute.Response (whose
// field names it matches case-insensitively).
func fastResponse(v any) (*execute.Response, bool) {
	top, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	for k := range top {
		if k != "data" && (strings.EqualFold(k, "data") || strings.EqualFold(k, "errors")) {
			return nil, false
		}
	}
	switch data := top["data"].(type) {
	case map[string]any:
		return &execute.Response{Data: data}, true
	case nil:
		return &execute.Response{}, true
	}
	return nil, false
}

package transport

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/careercoach/coach/router/execute"
)

// errSyntax makes the caller fall back to encoding/json, which reports
// the precise error.
var errSyntax = errors.New("invalid JSON")

// decodeValue parses one JSON document into the executor's values
// (*execute.Object, []any, string, json.Number, bool, nil): those of
// encoding/json with UseNumber, objects in document order instead of maps,
// without reflection. It is strict: what
// encoding/json rejects, it rejects.
func decodeValue(b []byte, room *execute.Room) (any, error) {
	d := decoders.Get().(*decoder)
	defer d.release()
	d.b, d.i = b, 0
	// About one object per 64 bytes and a member per 16 in the responses
	// measured; chunks grow from there if not.
	d.slab.Reserve(len(b)/64, len(b)/16)
	v, err := d.value(0, room)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.i != len(d.b) {
		return nil, errSyntax
	}
	return v, nil
}

// decoders keeps decoders (their caches and stacks) between documents.
var decoders = sync.Pool{New: func() any { return new(decoder) }}

// release returns d to the pool holding nothing of the document: the
// slab's chunks belong to the values handed out.
func (d *decoder) release() {
	d.b, d.slab = nil, execute.Slab{}
	clear(d.members[:cap(d.members)])
	clear(d.elems[:cap(d.elems)])
	d.members, d.elems, d.seen = d.members[:0], d.elems[:0], nil
	decoders.Put(d)
}

type decoder struct {
	b []byte
	i int
	// strs remembers recent strings of this document by hash: subgraph
	// responses repeat their keys in every object, and often their values
	// (the same entity under many parents), so repeats share one string
	// instead of allocating and copying each.
	strs [256]string
	// vals does the same for string and number values as the interface
	// values the executor holds, so a repeat is not boxed again.
	vals [256]any
	// keys[depth] are the keys of the last object read at that depth.
	keys [][]string
	slab execute.Slab
	// members and elems are stacks of the objects and lists being read:
	// each is copied out at its end in one allocation of its exact size.
	members  []kv
	elems    []any
	seen     map[string]int // index of a big object's keys (put)
	seenBase int
}

type kv struct {
	key string
	val any
}

var internSeed = maphash.MakeSeed()

// intern returns b, whose hash is h, as a string, shared with an equal
// earlier one if the cache slot still holds it.
func (d *decoder) intern(b []byte, h uint64) string {
	slot := &d.strs[h&255]
	if *slot == string(b) { // compares without allocating
		return *slot
	}
	s := string(b)
	*slot = s
	return s
}

// maxInterned: longer strings are rarely repeated, and hashing them costs.
const maxInterned = 4096

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

// value reads a value; room sizes its objects (execute.Room).
func (d *decoder) value(depth int, room *execute.Room) (any, error) {
	d.space()
	if d.i >= len(d.b) || depth > maxDepth {
		return nil, errSyntax
	}
	switch c := d.b[d.i]; {
	case c == '{':
		return d.object(depth, room)
	case c == '[':
		return d.array(depth, room)
	case c == '"':
		return d.strValue()
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	default:
		return d.literal()
	}
}

func (d *decoder) object(depth int, room *execute.Room) (any, error) {
	d.i++ // {
	base := len(d.members)
	defer func() { d.members = d.members[:base] }()
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return d.slab.NewObject(0), nil
	}
	for {
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return nil, errSyntax
		}
		k, err := d.key(depth, len(d.members)-base)
		if err != nil {
			return nil, err
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return nil, errSyntax
		}
		d.i++
		var sub *execute.Room
		if room != nil {
			sub = room.Child(k)
		}
		v, err := d.value(depth+1, sub)
		if err != nil {
			return nil, err
		}
		d.put(base, k, v)
		d.space()
		if d.i >= len(d.b) {
			return nil, errSyntax
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			ms := d.members[base:]
			n := len(ms)
			if room != nil {
				n += room.Extra
			}
			o := d.slab.NewObject(n)
			for _, m := range ms {
				o.Append(m.key, m.val)
			}
			d.remember(depth, ms)
			return o, nil
		default:
			return nil, errSyntax
		}
	}
}

// put adds a member to the object being read from d.members[base:]. A
// repeated key keeps its first position and the last value: the value
// encoding/json keeps.
func (d *decoder) put(base int, k string, v any) {
	ms := d.members[base:]
	if len(ms) <= 32 { // the usual object: a scan is cheaper than a map
		for i := range ms {
			if ms[i].key == k {
				ms[i].val = v
				return
			}
		}
		d.members = append(d.members, kv{k, v})
		return
	}
	if d.seen == nil || d.seenBase != base || len(d.seen) != len(ms) {
		// A big object: index it once, then keep the index up to date.
		d.seen, d.seenBase = make(map[string]int, len(ms)), base
		for i, m := range ms {
			d.seen[m.key] = i
		}
	}
	if i, ok := d.seen[k]; ok {
		ms[i].val = v
		return
	}
	d.seen[k] = len(ms)
	d.members = append(d.members, kv{k, v})
}

func (d *decoder) array(depth int, room *execute.Room) (any, error) {
	d.i++ // [
	base := len(d.elems)
	defer func() { d.elems = d.elems[:base] }()
	d.space()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		return []any{}, nil
	}
	for {
		v, err := d.value(depth+1, room) // a list's elements are where it is
		if err != nil {
			return nil, err
		}
		d.elems = append(d.elems, v)
		d.space()
		if d.i >= len(d.b) {
			return nil, errSyntax
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return slices.Clone(d.elems[base:]), nil
		default:
			return nil, errSyntax
		}
	}
}

// key reads the i-th key of an object at depth. Objects at one depth
// (the elements of a list, mostly) repeat their keys in order, so the
// previous one's i-th key is tried before hashing.
func (d *decoder) key(depth, i int) (string, error) {
	b, plain, err := d.scanStr()
	if err != nil || !plain {
		return d.unquote(b, err)
	}
	if depth < len(d.keys) && i < len(d.keys[depth]) && d.keys[depth][i] == string(b) {
		return d.keys[depth][i], nil
	}
	if len(b) > maxInterned {
		return string(b), nil
	}
	return d.intern(b, maphash.Bytes(internSeed, b)), nil
}

// remember keeps the keys of the object just read for the next one at its
// depth, unless they are those already kept.
func (d *decoder) remember(depth int, ms []kv) {
	if depth >= maxKeyDepth {
		return
	}
	for depth >= len(d.keys) {
		d.keys = append(d.keys, nil)
	}
	kept := d.keys[depth]
	same := len(kept) == len(ms)
	for i := 0; same && i < len(ms); i++ {
		same = kept[i] == ms[i].key // the same string, mostly: no byte compared
	}
	if same {
		return
	}
	kept = kept[:0]
	for _, m := range ms {
		kept = append(kept, m.key)
	}
	d.keys[depth] = kept
}

// maxKeyDepth bounds the depths whose keys a decoder keeps.
const maxKeyDepth = 64

// strValue reads a string value, boxed once per distinct recent string:
// one hash serves the boxed values' cache and the strings' one.
func (d *decoder) strValue() (any, error) {
	b, plain, err := d.scanStr()
	if err != nil || !plain {
		return d.unquote(b, err)
	}
	if len(b) > maxInterned {
		return string(b), nil
	}
	h := maphash.Bytes(internSeed, b)
	slot := &d.vals[h&255]
	if c, ok := (*slot).(string); ok && c == string(b) {
		return *slot, nil
	}
	*slot = d.intern(b, h)
	return *slot, nil
}

// scanStr reads a string, returning its bytes between the quotes when it
// is plain and the whole literal, quotes included, when it is not.
func (d *decoder) scanStr() ([]byte, bool, error) {
	start := d.i
	d.i++ // opening quote
	plain := true
	// Eight bytes at a time while none is a quote, a backslash, a control
	// character or non-ASCII: most of a response is such plain text.
	for d.i+8 <= len(d.b) && plainWord(binary.LittleEndian.Uint64(d.b[d.i:])) {
		d.i += 8
	}
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			if plain {
				return d.b[start+1 : d.i-1], true, nil
			}
			return d.b[start:d.i], false, nil
		case c == '\\':
			plain = false
			d.i += 2 // skip the escaped byte (validated by encoding/json)
			continue
		case c < 0x20:
			return nil, false, errSyntax
		case c >= utf8.RuneSelf:
			plain = false
		}
		d.i++
	}
	return nil, false, errSyntax
}

// unquote decodes a literal scanStr found not plain with encoding/json,
// so escapes and invalid UTF-8 come out exactly as encoding/json has them.
func (d *decoder) unquote(lit []byte, err error) (string, error) {
	if err != nil {
		return "", err
	}
	var s string
	if json.Unmarshal(lit, &s) != nil {
		return "", errSyntax
	}
	return s, nil
}

// plainWord reports whether none of the eight bytes of w is '"', '\\',
// below 0x20 or above 0x7f (the classic SWAR byte tests, "Bit Twiddling
// Hacks": a byte is zero when (x-0x01) & ^x & 0x80 is set).
func plainWord(w uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	quote := w ^ (ones * '"')
	slash := w ^ (ones * '\\')
	zero := func(x uint64) uint64 { return (x - ones) & ^x & high }
	ctl := (w - ones*0x20) & ^w & high // some byte < 0x20 (exact when no byte is >= 0x80)
	return (zero(quote) | zero(slash) | ctl | w&high) == 0
}

// number validates JSON's number grammar and keeps the literal.
func (d *decoder) number() (any, error) {
	n := execute.NumberLen(d.b[d.i:])
	if n == 0 {
		return nil, errSyntax
	}
	raw := d.b[d.i : d.i+n] // shares slots with strings: the type tells them apart
	d.i += n
	slot := &d.vals[maphash.Bytes(internSeed, raw)&255]
	if c, ok := (*slot).(json.Number); ok && string(c) == string(raw) {
		return *slot, nil
	}
	*slot = json.Number(raw)
	return *slot, nil
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
func decodeResponse(raw []byte, room *execute.Room) (*execute.Response, error) {
	if v, err := decodeValue(raw, room); err == nil {
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
	top, ok := v.(*execute.Object)
	if !ok {
		return nil, false
	}
	for _, k := range top.Keys() {
		if k != "data" && (strings.EqualFold(k, "data") || strings.EqualFold(k, "errors")) {
			return nil, false
		}
	}
	data, _ := top.Get("data")
	switch data := data.(type) {
	case *execute.Object:
		return &execute.Response{Object: data}, true
	case nil:
		return &execute.Response{}, true
	}
	return nil, false
}

package execute

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// AppendJSON appends v as JSON, byte for byte what encoding/json writes,
// for the values execution produces (*Object, []any, map[string]any,
// strings, json.Number, booleans, nil, integers). It writes in one pass
// without reflection: through encoding/json, every nested Object's
// MarshalJSON output would be re-scanned once per level above it.
// Other types go through encoding/json.
func AppendJSON(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case *Object:
		if x == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '{')
		for i, m := range x.members {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, m.key)
			b = append(b, ':')
			var err error
			if b, err = AppendJSON(b, m.val); err != nil {
				return b, err
			}
		}
		return append(b, '}'), nil
	case []any:
		if x == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = AppendJSON(b, e); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	case map[string]any:
		if x == nil {
			return append(b, "null"...), nil
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys) // as encoding/json orders map keys
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			var err error
			if b, err = AppendJSON(b, x[k]); err != nil {
				return b, err
			}
		}
		return append(b, '}'), nil
	case json.RawMessage:
		if x == nil {
			return append(b, "null"...), nil
		}
		return append(b, x...), nil // written by this package: already compact JSON
	case string:
		return appendString(b, x), nil
	case json.Number:
		if x == "" {
			return append(b, '0'), nil // as encoding/json writes an empty Number
		}
		if !isNumber(string(x)) && !json.Valid([]byte(x)) { // Valid: as before, for the odd literal
			return b, fmt.Errorf("invalid number literal %q", string(x))
		}
		return append(b, x...), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case int32:
		return strconv.AppendInt(b, int64(x), 10), nil
	}
	enc, err := json.Marshal(v)
	if err != nil {
		return b, err
	}
	return append(b, enc...), nil
}

// appendString quotes s. Printable ASCII other than the characters
// encoding/json escapes (quote, backslash and, for HTML safety, <, >, &)
// is copied as is; anything else takes encoding/json's path.
func appendString(b []byte, s string) []byte {
	i := 0
	for ; i+8 <= len(s) && plainWord(s[i:i+8]); i += 8 {
	}
	for ; i < len(s); i++ {
		if !plainByte[s[i]] {
			enc, _ := json.Marshal(s) // a string always encodes
			return append(b, enc...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// plainWord reports whether all eight bytes of w are plainByte: eight
// table loads and one branch instead of eight branches.
func plainWord(w string) bool {
	_ = w[7]
	return plainBits[w[0]]&plainBits[w[1]]&plainBits[w[2]]&plainBits[w[3]]&
		plainBits[w[4]]&plainBits[w[5]]&plainBits[w[6]]&plainBits[w[7]] == 1
}

// plainBits is plainByte as 0 and 1.
var plainBits = func() (t [256]uint8) {
	for c, ok := range plainByte {
		if ok {
			t[c] = 1
		}
	}
	return t
}()

// plainByte marks the bytes appendString copies as they are.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// NumberLen is the length of the JSON number s starts with, 0 when what
// it starts with is not one (a sign, digits, fraction or exponent cut
// short). The router's one number grammar: its decoder and AppendJSON
// both check numbers with it.
func NumberLen[T string | []byte](s T) int {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(s, i)
	default:
		return 0
	}
	if i < len(s) && s[i] == '.' {
		j := digits(s, i+1)
		if j == i+1 {
			return 0
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(s, i)
		if j == i {
			return 0
		}
		i = j
	}
	return i
}

// isNumber reports whether s is exactly a JSON number, without the
// scanner json.Valid sets up: every number of a response passes here.
func isNumber(s string) bool { n := NumberLen(s); return n > 0 && n == len(s) }

func digits[T string | []byte](s T, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

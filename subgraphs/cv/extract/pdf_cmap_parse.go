package extract

// cmapToken is one PostScript token of a CMap: a string (hex or literal,
// as bytes), an array of strings, or anything else (numbers, names,
// operators, dictionary and procedure brackets).
type cmapToken struct {
	str   string
	arr   []string
	isStr bool
	isArr bool
}

// parseToUnicode reads the bfchar and bfrange sections of a CMap program.
// One pass over the bytes; the operand stack and the entries are capped.
func parseToUnicode(data []byte) *toUnicode {
	m := &toUnicode{chars: map[uint32]string{}}
	lx := cmapLexer{data: data}
	var stack []cmapToken
	entries := 0
	for entries < maxCMapEntries {
		tok, op, ok := lx.next()
		if !ok {
			break
		}
		if op == "" {
			if len(stack) < 3*maxCMapEntries {
				stack = append(stack, tok)
			}
			continue
		}
		switch op {
		case "endbfchar":
			for i := 0; i+1 < len(stack) && entries < maxCMapEntries; i += 2 {
				if stack[i].isStr && stack[i+1].isStr {
					m.chars[cmapCode(stack[i].str)] = utf16BE(stack[i+1].str)
					entries++
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(stack) && entries < maxCMapEntries; i += 3 {
				lo, hi, dst := stack[i], stack[i+1], stack[i+2]
				if !lo.isStr || !hi.isStr {
					continue
				}
				r := cmapRange{lo: cmapCode(lo.str), hi: cmapCode(hi.str)}
				if r.hi < r.lo {
					continue
				}
				switch {
				case dst.isArr:
					for _, d := range dst.arr {
						if len(r.list) >= maxCMapEntries {
							break
						}
						r.list = append(r.list, utf16BE(d))
					}
					entries += len(r.list)
				case dst.isStr:
					r.raw = dst.str
					r.base = utf16Units(r.raw)
					entries++
				default:
					continue
				}
				m.ranges = append(m.ranges, r)
			}
		}
		// Every operator consumes its operands: begin* leave their counts,
		// "def", "dict", "findresource" and the rest concern nothing read here.
		stack = stack[:0]
	}
	return m
}

// cmapLexer splits PostScript into tokens.
type cmapLexer struct {
	data []byte
	pos  int
}

func isPSSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0
}

func isPSDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// next returns an operand (op == "") or an operator name; ok is false at
// the end. Names, numbers and brackets are operands that matter to no one.
func (l *cmapLexer) next() (tok cmapToken, op string, ok bool) {
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return tok, "", false
		}
		c := l.data[l.pos]
		switch {
		case c == '<' && l.peek(1) == '<', c == '>' && l.peek(1) == '>':
			l.pos += 2
			return tok, "", true
		case c == '<':
			return cmapToken{str: l.hex(), isStr: true}, "", true
		case c == '(':
			return cmapToken{str: l.literal(), isStr: true}, "", true
		case c == '[':
			l.pos++
			return cmapToken{arr: l.array(), isArr: true}, "", true
		case c == '/' || c == '{' || c == '}' || c == ']' || c == ')' || c == '>':
			l.pos++
			if c == '/' {
				l.word()
			}
			return tok, "", true
		default:
			w := l.word()
			if w == "" { // cannot happen: every delimiter is handled above
				l.pos++
				continue
			}
			if isPSNumber(w) {
				return tok, "", true
			}
			return tok, w, true
		}
	}
}

func (l *cmapLexer) peek(off int) byte {
	if l.pos+off < len(l.data) {
		return l.data[l.pos+off]
	}
	return 0
}

func (l *cmapLexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case isPSSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

func (l *cmapLexer) word() string {
	start := l.pos
	for l.pos < len(l.data) && !isPSSpace(l.data[l.pos]) && !isPSDelim(l.data[l.pos]) {
		l.pos++
	}
	return string(l.data[start:l.pos])
}

func isPSNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != '#' {
			return false
		}
	}
	return true
}

// hex reads <…> after the '<': whitespace ignored, an odd last digit is
// followed by 0 (PDF 32000 7.3.4.3).
func (l *cmapLexer) hex() string {
	l.pos++
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := hexVal(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// literal reads (…) after the '(': balanced parentheses, backslash escapes.
func (l *cmapLexer) literal() string {
	l.pos++
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.data) {
				return string(out)
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := e - '0'
					for k := 0; k < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; k++ {
						v = v<<3 | (l.data[l.pos] - '0')
						l.pos++
					}
					c = v
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// array reads the strings of […] after the '['; other elements are skipped.
func (l *cmapLexer) array() []string {
	var out []string
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return out
		}
		switch l.data[l.pos] {
		case ']':
			l.pos++
			return out
		case '<':
			if l.peek(1) == '<' {
				l.pos += 2
				continue
			}
			s := l.hex()
			if len(out) < maxCMapEntries {
				out = append(out, s)
			}
		case '(':
			s := l.literal()
			if len(out) < maxCMapEntries {
				out = append(out, s)
			}
		default:
			if l.word() == "" {
				l.pos++
			}
		}
	}
}

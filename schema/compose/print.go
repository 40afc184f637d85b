package compose

import (
	"sort"
	"strings"
	"unicode"

	"github.com/vektah/gqlparser/v2/ast"
)

// printStyle tells supergraph printing (Apollo's: type directives one per
// line) from API schema printing (graphql-js's: on the type's line).
type printStyle struct{ inlineTypeDirectives bool }

// printSchema prints the schema the way Apollo prints supergraphs: schema
// definition, directive definitions, then types sorted by name, fields in
// merge order.
func printSchema(s *outSchema, style printStyle) string {
	var b strings.Builder
	if len(s.links) > 0 || !standardRoots(s.roots) {
		b.WriteString("schema")
		for _, l := range s.links {
			b.WriteString("\n  ")
			writeApplied(&b, l)
		}
		if len(s.links) > 0 {
			b.WriteString("\n{\n")
		} else {
			b.WriteString(" {\n")
		}
		for _, r := range s.roots {
			b.WriteString("  " + r.op + ": " + r.typ + "\n")
		}
		b.WriteString("}\n")
	}
	for _, d := range s.directives {
		sep(&b)
		b.WriteString(d + "\n")
	}
	for _, n := range sortedTypeNames(s) {
		sep(&b)
		writeType(&b, s.types[n], style)
	}
	return b.String()
}

func sortedTypeNames(s *outSchema) []string {
	names := make([]string, 0, len(s.types))
	for n := range s.types {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return localeLess(names[i], names[j]) })
	return names
}

// localeLess orders names as Apollo's printer does (JavaScript's
// localeCompare): case-insensitively, lower case first on ties,
// punctuation before digits and letters.
func localeLess(a, b string) bool {
	ka, kb := collationKey(a), collationKey(b)
	if ka != kb {
		return ka < kb
	}
	return a > b // "a" before "A": lower case sorts after upper in ASCII
}

func collationKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' {
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
}

func standardRoots(roots []outRoot) bool {
	for _, r := range roots {
		if defaultRoots[ast.Operation(r.op)] != r.typ {
			return false
		}
	}
	return true
}

func sep(b *strings.Builder) {
	if b.Len() > 0 {
		b.WriteString("\n")
	}
}

func writeType(b *strings.Builder, t *outType, style printStyle) {
	writeDesc(b, t.desc, "")
	keyword := map[ast.DefinitionKind]string{
		ast.Object: "type", ast.Interface: "interface", ast.Union: "union",
		ast.Enum: "enum", ast.InputObject: "input", ast.Scalar: "scalar",
	}[t.kind]
	b.WriteString(keyword + " " + t.name)
	if len(t.interfaces) > 0 {
		b.WriteString(" implements " + strings.Join(t.interfaces, " & "))
	}
	dirs := t.dirs
	for _, d := range dirs {
		if style.inlineTypeDirectives {
			b.WriteString(" ")
		} else {
			b.WriteString("\n  ")
		}
		writeApplied(b, d)
	}
	if style.inlineTypeDirectives {
		dirs = nil // the block opens on the same line
	}
	switch t.kind {
	case ast.Union:
		if len(t.members) > 0 {
			if len(dirs) > 0 {
				b.WriteString("\n")
			}
			b.WriteString(" = " + strings.Join(t.members, " | "))
		}
		b.WriteString("\n")
		return
	case ast.Scalar:
		b.WriteString("\n")
		return
	}
	if len(dirs) > 0 {
		b.WriteString("\n{\n")
	} else {
		b.WriteString(" {\n")
	}
	if t.kind == ast.Enum {
		for i, v := range t.values {
			if i > 0 && v.desc != "" {
				b.WriteString("\n")
			}
			writeDesc(b, v.desc, "  ")
			b.WriteString("  " + v.name)
			for _, d := range v.dirs {
				b.WriteString(" ")
				writeApplied(b, d)
			}
			b.WriteString("\n")
		}
	}
	for i, f := range t.fields {
		if i > 0 && f.desc != "" {
			b.WriteString("\n")
		}
		writeDesc(b, f.desc, "  ")
		b.WriteString("  " + f.name)
		writeArgs(b, f.args)
		b.WriteString(": " + f.typ.String())
		if f.def != "" {
			b.WriteString(" = " + f.def)
		}
		for _, d := range f.dirs {
			b.WriteString(" ")
			writeApplied(b, d)
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n")
}

func writeArgs(b *strings.Builder, args []*outField) {
	if len(args) == 0 {
		return
	}
	multiline := false
	for _, a := range args {
		if a.desc != "" {
			multiline = true
		}
	}
	b.WriteString("(")
	for i, a := range args {
		if multiline {
			b.WriteString("\n")
			writeDesc(b, a.desc, "    ")
			b.WriteString("    ")
		} else if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.name + ": " + a.typ.String())
		if a.def != "" {
			b.WriteString(" = " + a.def)
		}
		for _, d := range a.dirs {
			b.WriteString(" ")
			writeApplied(b, d)
		}
	}
	if multiline {
		b.WriteString("\n  ")
	}
	b.WriteString(")")
}

func writeApplied(b *strings.Builder, d applied) {
	b.WriteString("@" + d.name)
	if len(d.args) == 0 {
		return
	}
	b.WriteString("(")
	for i, a := range d.args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.name + ": " + a.value)
	}
	b.WriteString(")")
}

// writeDesc prints a description as a block string, as Apollo does: on its
// own lines when it is long or multi-line.
func writeDesc(b *strings.Builder, desc, indent string) {
	if desc == "" {
		return
	}
	if len(desc) <= 70 && !strings.Contains(desc, "\n") && !strings.HasSuffix(desc, `"`) && !strings.HasSuffix(desc, `\`) {
		b.WriteString(indent + `"""` + strings.ReplaceAll(desc, `"""`, `\"""`) + `"""` + "\n")
		return
	}
	b.WriteString(indent + `"""` + "\n")
	for _, line := range strings.Split(strings.ReplaceAll(desc, `"""`, `\"""`), "\n") {
		if line == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString(indent + line + "\n")
	}
	b.WriteString(indent + `"""` + "\n")
}

// printValue prints a GraphQL value the way graphql-js does.
func printValue(v *ast.Value) string {
	if v == nil {
		return ""
	}
	switch v.Kind {
	case ast.Variable:
		return "$" + v.Raw
	case ast.StringValue, ast.BlockValue:
		return quote(v.Raw)
	case ast.ListValue:
		parts := make([]string, len(v.Children))
		for i, c := range v.Children {
			parts[i] = printValue(c.Value)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case ast.ObjectValue:
		parts := make([]string, len(v.Children))
		for i, c := range v.Children {
			parts[i] = c.Name + ": " + printValue(c.Value)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return v.Raw
}

// quote makes a GraphQL string literal.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789ABCDEF"[r>>4])
			b.WriteByte("0123456789ABCDEF"[r&0xf])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// printDirectives prints applied directives from a subgraph, for carrying
// composed directives through.
func toApplied(d *ast.Directive) applied {
	a := applied{name: d.Name}
	for _, arg := range d.Arguments {
		a.args = append(a.args, kv{arg.Name, printValue(arg.Value)})
	}
	return a
}

// normalizeFieldSet prints a field set canonically so two spellings of the
// same selection compare equal.
func normalizeFieldSet(s string) string {
	sel := parseFieldSet(s)
	if sel == nil {
		return s
	}
	var b strings.Builder
	writeSelection(&b, sel)
	return b.String()
}

func writeSelection(b *strings.Builder, sel ast.SelectionSet) {
	for i, s := range sel {
		if i > 0 {
			b.WriteString(" ")
		}
		switch s := s.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				b.WriteString(s.Alias + ": ")
			}
			b.WriteString(s.Name)
			if len(s.SelectionSet) > 0 {
				b.WriteString(" { ")
				writeSelection(b, s.SelectionSet)
				b.WriteString(" }")
			}
		case *ast.InlineFragment:
			b.WriteString("... on " + s.TypeCondition + " { ")
			writeSelection(b, s.SelectionSet)
			b.WriteString(" }")
		}
	}
}

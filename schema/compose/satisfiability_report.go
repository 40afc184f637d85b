package compose

import (
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

func (s *satisfier) report(typ, field string, opts []satOption, path []string) {
	coord := typ + "." + field
	if s.failed[coord] {
		return
	}
	s.failed[coord] = true
	m := s.m
	var reasons, from []string
	for _, o := range opts {
		src := m.sgs[o.sg]
		from = append(from, src.name)
		switch f := src.types[typ].field(field); {
		case f == nil:
			reasons = append(reasons, fmt.Sprintf("- from subgraph %q: cannot find field %q.", src.name, coord))
		case f.external:
			reasons = append(reasons, fmt.Sprintf("- from subgraph %q: field %q is not resolvable because marked @external.", src.name, coord))
		case f.requires != "":
			reasons = append(reasons, fmt.Sprintf("- from subgraph %q: cannot satisfy @requires conditions on field %q.", src.name, coord))
		default:
			reasons = append(reasons, fmt.Sprintf("- from subgraph %q: field %q is overridden by another subgraph.", src.name, coord))
		}
		for _, sg := range m.sgs {
			if sg != src && sg.types[typ].field(field) != nil && !sg.types[typ].field(field).external {
				reasons = append(reasons, fmt.Sprintf("  cannot move to subgraph %q, which has field %q, because type %q has no @key usable from subgraph %q.", sg.name, coord, typ, src.name))
			}
		}
	}
	m.e.add("SATISFIABILITY_ERROR", coord, from,
		"The following supergraph API query:\n%s\ncannot be satisfied by the subgraphs because:\n%s", exampleQuery(path), strings.Join(reasons, "\n"))
}

// exampleQuery prints the path as the query Apollo shows in its message.
func exampleQuery(path []string) string {
	var b strings.Builder
	if path[0] == string(ast.Query) {
		b.WriteString("{\n")
	} else {
		b.WriteString(path[0] + " {\n")
	}
	rest := path[1:]
	for i, p := range rest {
		b.WriteString(strings.Repeat("  ", i+1) + p)
		if i < len(rest)-1 {
			b.WriteString(" {")
		}
		b.WriteString("\n")
	}
	for i := len(rest) - 1; i > 0; i-- {
		b.WriteString(strings.Repeat("  ", i) + "}\n")
	}
	b.WriteString("}")
	return b.String()
}

func clone(p []string) []string { return append([]string(nil), p...) }

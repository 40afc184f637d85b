package compose

import (
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// composedDirectives returns the @link applications and definitions of the
// custom directives subgraphs ask to keep with @composeDirective. Apollo
// requires such a directive to come from a @link'ed spec, so the supergraph
// can link the same spec.
func (m *merger) composedDirectives() (links []applied, defs []string) {
	type linked struct {
		url     string
		imports []string
	}
	byURL := map[string]*linked{}
	var urls []string
	defined := map[string]bool{}
	for _, sg := range m.sgs {
		for _, name := range sg.composed {
			l, spec := sg.linkFor(name)
			if l == nil {
				m.e.add("DIRECTIVE_COMPOSITION_ERROR", "@"+name, one(sg.name), "Directive \"@%s\" in subgraph %q cannot be composed because it is not a member of a core feature", name, sg.name)
				continue
			}
			def := sg.dirDefs[name]
			if def == nil {
				m.e.add("DIRECTIVE_COMPOSITION_ERROR", "@"+name, one(sg.name), "Could not find matching directive definition for argument to @composeDirective \"@%s\" in subgraph %q.", name, sg.name)
				continue
			}
			m.composed[name] = true
			imp := quote("@" + name)
			if spec != name {
				imp = "{name: " + quote("@"+spec) + ", as: " + quote("@"+name) + "}"
			}
			if byURL[l.url] == nil {
				byURL[l.url] = &linked{url: l.url}
				urls = append(urls, l.url)
			}
			byURL[l.url].imports = appendUnique(byURL[l.url].imports, imp)
			if !defined[name] {
				defined[name] = true
				defs = append(defs, printDirectiveDef(def))
			}
		}
	}
	sort.Strings(urls)
	for _, u := range urls {
		l := byURL[u]
		links = append(links, applied{name: "link", args: []kv{{"url", quote(u)}, {"import", "[" + strings.Join(l.imports, ", ") + "]"}}})
	}
	return links, defs
}

// linkFor finds the @link importing the directive under the given local
// name, and the directive's name in that spec.
func (sg *subgraph) linkFor(local string) (*sLink, string) {
	for i := range sg.links {
		if spec, ok := sg.links[i].imports[local]; ok {
			return &sg.links[i], spec
		}
	}
	return nil, ""
}

func printDirectiveDef(d *ast.DirectiveDefinition) string {
	var b strings.Builder
	b.WriteString("directive @" + d.Name)
	if len(d.Arguments) > 0 {
		parts := make([]string, len(d.Arguments))
		for i, a := range d.Arguments {
			parts[i] = a.Name + ": " + a.Type.String()
			if a.DefaultValue != nil {
				parts[i] += " = " + printValue(a.DefaultValue)
			}
		}
		b.WriteString("(" + strings.Join(parts, ", ") + ")")
	}
	if d.IsRepeatable {
		b.WriteString(" repeatable")
	}
	locs := make([]string, len(d.Locations))
	for i, l := range d.Locations {
		locs[i] = string(l)
	}
	b.WriteString(" on " + strings.Join(locs, " | "))
	return b.String()
}

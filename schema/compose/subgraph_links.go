package compose

import (
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// maxFedMinor is the newest federation spec version (2.x) we know, as of
// @apollo/composition 2.14.
const maxFedMinor = 14

// federationMinor returns x for a link to federation spec v2.x.
func federationMinor(url string) (int, bool) {
	v, ok := strings.CutPrefix(url, "https://specs.apollo.dev/federation/v2.")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 0
}

// resolver maps the names a subgraph uses for federation directives to their
// canonical names: Fed 2 subgraphs may import them under other names or use
// them namespaced (@federation__key).
type resolver struct {
	local  map[string]string // local name -> canonical
	prefix string            // namespace of the federation link, usually "federation"
}

func (r resolver) is(d *ast.Directive, canonical string) bool {
	return r.local[d.Name] == canonical
}

func (r resolver) isFed(name string) bool {
	_, ok := r.local[name]
	return ok || strings.HasPrefix(name, r.prefix+"__")
}

// readLinks finds the federation @link (Fed 2) and the other links, which
// @composeDirective needs.
func (sg *subgraph) readLinks(defs ast.SchemaDefinitionList) resolver {
	r := resolver{local: map[string]string{}, prefix: "federation"}
	for _, sd := range defs {
		for _, d := range sd.Directives {
			if d.Name != "link" {
				continue
			}
			l := sLink{url: argString(d, "url"), as: argString(d, "as"), imports: map[string]string{}}
			if a := d.Arguments.ForName("import"); a != nil && a.Value != nil {
				for _, c := range a.Value.Children {
					v := c.Value
					switch v.Kind {
					case ast.StringValue, ast.BlockValue:
						n := strings.TrimPrefix(v.Raw, "@")
						l.imports[n] = n
					case ast.ObjectValue:
						name, as := "", ""
						for _, f := range v.Children {
							switch f.Name {
							case "name":
								name = strings.TrimPrefix(f.Value.Raw, "@")
							case "as":
								as = strings.TrimPrefix(f.Value.Raw, "@")
							}
						}
						if as == "" {
							as = name
						}
						l.imports[as] = name
					}
				}
			}
			if minor, ok := federationMinor(l.url); ok {
				sg.fed2 = true
				sg.fedMinor = minor
				if l.as != "" {
					r.prefix = l.as
				}
				for local, name := range l.imports {
					r.local[local] = name
				}
				continue
			}
			sg.links = append(sg.links, l)
		}
	}
	if !sg.fed2 {
		// Fed 1 knows its directives by their plain names only.
		for _, n := range fedDirectives {
			r.local[n] = n
		}
		return r
	}
	for _, n := range fedDirectives {
		r.local[r.prefix+"__"+n] = n
	}
	return r
}

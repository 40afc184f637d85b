package compose

import (
	"sort"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// carriedSpec describes a federation directive that reaches the supergraph
// under its own spec: authorization and demand-control directives.
type carriedSpec struct {
	url, purpose string
	def          string
	scalar       string // a custom scalar the spec defines, if any
	imported     bool   // named through import: ["@x"] rather than being the spec's own name
}

var carriedSpecs = map[string]carriedSpec{
	"authenticated": {
		url: "https://specs.apollo.dev/authenticated/v0.1", purpose: "SECURITY",
		def: `directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM`,
	},
	"requiresScopes": {
		url: "https://specs.apollo.dev/requiresScopes/v0.1", purpose: "SECURITY", scalar: "requiresScopes__Scope",
		def: `directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM`,
	},
	"policy": {
		url: "https://specs.apollo.dev/policy/v0.1", purpose: "SECURITY", scalar: "policy__Policy",
		def: `directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM`,
	},
	"cost": {
		url: "https://specs.apollo.dev/cost/v0.1",
		def: `directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR`,
	},
	"listSize": {
		url: "https://specs.apollo.dev/cost/v0.1", imported: true,
		def: `directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION`,
	},
}

// addCarriedSpecs links the specs of the carried directives in use and
// defines their directives and scalars.
func (m *merger) addCarriedSpecs() []string {
	used := map[string]bool{}
	for _, sg := range m.sgs {
		for _, n := range sg.carriedUsed {
			used[n] = true
		}
	}
	var names []string
	for n := range used {
		names = append(names, n)
	}
	sort.Strings(names)
	type link struct {
		purpose string
		imports []string
	}
	links := map[string]*link{}
	var urls, defs []string
	for _, n := range names {
		spec := carriedSpecs[n]
		if links[spec.url] == nil {
			links[spec.url] = &link{purpose: spec.purpose}
			urls = append(urls, spec.url)
		}
		if spec.imported {
			links[spec.url].imports = append(links[spec.url].imports, quote("@"+n))
		}
		defs = append(defs, spec.def)
		if spec.scalar != "" {
			m.out.types[spec.scalar] = &outType{kind: ast.Scalar, name: spec.scalar}
		}
	}
	// Apollo lists the security specs first, in this order.
	order := []string{"authenticated", "requiresScopes", "policy", "cost"}
	sort.SliceStable(urls, func(i, j int) bool { return specRank(urls[i], order) < specRank(urls[j], order) })
	for _, u := range urls {
		a := applied{name: "link", args: []kv{{"url", quote(u)}}}
		if l := links[u]; l.purpose != "" {
			a.args = append(a.args, kv{"for", l.purpose})
		} else if len(l.imports) > 0 {
			a.args = append(a.args, kv{"import", "[" + strings.Join(l.imports, ", ") + "]"})
		}
		m.out.links = append(m.out.links, a)
	}
	return defs
}

func specRank(url string, order []string) int {
	for i, n := range order {
		if strings.Contains(url, "/"+n+"/") {
			return i
		}
	}
	return len(order)
}

// mergeCarried merges the applications of one non-repeatable carried
// directive from several subgraphs: authorization requirements add up (the
// conjunction of the alternatives), a cost takes the highest weight, others
// keep the first.
func mergeCarried(name string, apps []*ast.Directive) applied {
	switch name {
	case "requiresScopes", "policy":
		arg := map[string]string{"requiresScopes": "scopes", "policy": "policies"}[name]
		var dnf [][]string
		for i, d := range apps {
			alts := dnfOf(d, arg)
			if i == 0 {
				dnf = alts
				continue
			}
			dnf = conjunction(dnf, alts)
		}
		return applied{name: name, args: []kv{{arg, printDNF(dnf)}}}
	case "cost":
		best, bestApp := -1, apps[0]
		for _, d := range apps {
			if w, err := strconv.Atoi(argRaw(d, "weight")); err == nil && w > best {
				best, bestApp = w, d
			}
		}
		return toApplied(bestApp)
	}
	return toApplied(apps[0])
}

func argRaw(d *ast.Directive, name string) string {
	if a := d.Arguments.ForName(name); a != nil && a.Value != nil {
		return a.Value.Raw
	}
	return ""
}

func dnfOf(d *ast.Directive, arg string) [][]string {
	a := d.Arguments.ForName(arg)
	if a == nil || a.Value == nil {
		return nil
	}
	var out [][]string
	for _, alt := range a.Value.Children {
		var all []string
		for _, v := range alt.Value.Children {
			all = append(all, v.Value.Raw)
		}
		out = append(out, all)
	}
	return out
}

func conjunction(a, b [][]string) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, x := range a {
		for _, y := range b {
			merged := appendUnique(append([]string(nil), x...), y...)
			sort.Strings(merged)
			k := strings.Join(merged, "\x00")
			if !seen[k] {
				seen[k] = true
				out = append(out, merged)
			}
		}
	}
	return out
}

func printDNF(dnf [][]string) string {
	alts := make([]string, len(dnf))
	for i, all := range dnf {
		q := make([]string, len(all))
		for j, v := range all {
			q[j] = quote(v)
		}
		alts[i] = "[" + strings.Join(q, ", ") + "]"
	}
	return "[" + strings.Join(alts, ", ") + "]"
}

// validateImportNames: Apollo requires a carried directive to be imported
// under the same name in every subgraph using it.
func validateImportNames(sgs []*subgraph, e *errs) {
	type use struct{ sg, local string }
	uses := map[string][]use{}
	var names []string
	for _, sg := range sgs {
		for i, c := range sg.carriedUsed {
			if uses[c] == nil {
				names = append(names, c)
			}
			uses[c] = append(uses[c], use{sg.name, sg.carriedLocal[i]})
		}
	}
	sort.Strings(names)
	for _, c := range names {
		u := uses[c]
		for _, other := range u[1:] {
			if other.local != u[0].local {
				e.add("LINK_IMPORT_NAME_MISMATCH", "@"+c, []string{u[0].sg, other.sg},
					"The \"@%s\" directive (from %s) is imported with mismatched name between subgraphs: it is imported as \"@%s\" in subgraph %q but \"@%s\" in subgraph %q",
					c, carriedSpecs[c].url, u[0].local, u[0].sg, other.local, other.sg)
				break
			}
		}
	}
}

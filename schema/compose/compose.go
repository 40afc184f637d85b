// Package compose composes Apollo Federation subgraph schemas into a
// join-spec supergraph and the API schema clients see, as Apollo's
// composition does, without Node.
//
// Compose is pure; the loader (LoadConfig) and the fetcher (FetchSDL) are the
// only code that does I/O, and Run ties them together for `coach compose`.
package compose

import "sort"

// Subgraph is one subgraph: its name (as in supergraph.yaml), the URL the
// router sends its requests to, and its schema SDL.
type Subgraph struct {
	Name string
	URL  string
	SDL  string
}

// Result is a composed supergraph SDL and the API schema SDL derived from it.
type Result struct {
	Supergraph string
	API        string
}

// Compose composes the subgraphs. On failure it returns every error found;
// each is an *Error carrying Apollo's rule code.
func Compose(subgraphs []Subgraph) (Result, []error) {
	e := &errs{}
	seen := map[string]bool{}
	var sgs []*subgraph
	for _, in := range subgraphs {
		if in.Name == "" || seen[in.Name] {
			e.add("INVALID_SUBGRAPH_NAME", "", one(in.Name), "subgraph names must be non-empty and unique, got %q", in.Name)
			continue
		}
		seen[in.Name] = true
		if sg := parseSubgraph(in, e); sg != nil {
			sgs = append(sgs, sg)
		}
	}
	if len(e.list) > 0 {
		return Result{}, e.list
	}
	if len(sgs) == 0 {
		return Result{}, []error{&Error{Code: "NO_QUERIES", Message: "no subgraphs to compose"}}
	}
	// Sort so the output does not depend on the order the caller lists them.
	sort.Slice(sgs, func(i, j int) bool { return sgs[i].name < sgs[j].name })
	assignGraphNames(sgs)
	for _, sg := range sgs {
		sg.validateSubgraph(e)
		for _, d := range sg.unsupported {
			e.add("UNSUPPORTED_FEATURE", d, one(sg.name), "%s is not supported by this composer yet; compose with Apollo's rover instead", d)
		}
	}
	validateImportNames(sgs, e)
	if len(e.list) > 0 {
		return Result{}, e.list
	}
	m := &merger{
		sgs: sgs, e: e,
		out:           &outSchema{types: map[string]*outType{}},
		fromItfObject: map[string]bool{},
		overrides:     map[string][]overrideState{},
		composed:      map[string]bool{},
	}
	// Composed directives are resolved first: merging decides which
	// directive applications to carry through.
	m.composedLinks, m.composedDefs = m.composedDirectives()
	m.merge()
	m.validateInterfaceObjects()
	if q := m.out.types["Query"]; q == nil || len(q.fields) == 0 {
		e.add("NO_QUERIES", "Query", nil, "None of the composed subgraphs expose any query.")
	}
	if len(e.list) > 0 {
		return Result{}, e.list
	}
	m.addSpecs()
	m.validateSatisfiability()
	api := m.apiSchema()
	if len(e.list) > 0 {
		return Result{}, e.list
	}
	return Result{
		Supergraph: printSchema(m.out, printStyle{}),
		API:        printSchema(api, printStyle{inlineTypeDirectives: true}),
	}, nil
}

// Package stubgraph is a data-driven fake subgraph for router tests: it
// answers any query by projecting static data through the selection, and
// _entities through a lookup function. It knows no schema.
package stubgraph

import (
	"encoding/json"
	"net/http"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Fail is a field value that makes the stub return null plus an error.
type Fail string

// Args is a field value computed from the field's arguments.
type Args func(args map[string]any) any

// Request is a request the stub received.
type Request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Header        http.Header    `json:"-"`
}

// Subgraph is a fake subgraph.
type Subgraph struct {
	// Root maps root field names to values; objects are map[string]any.
	Root map[string]any
	// Entity resolves one representation to an object (nil for null).
	Entity func(rep map[string]any) any

	mu       sync.Mutex
	requests []Request
}

// Requests returns the requests received so far.
func (s *Subgraph) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ServeHTTP answers a POSTed GraphQL request.
func (s *Subgraph) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req Request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	req.Header = r.Header.Clone()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(s.Serve(req))
}

// Response is the stub's GraphQL response.
type Response struct {
	Data   map[string]any   `json:"data"`
	Errors []map[string]any `json:"errors,omitempty"`
}

// Serve answers a request in process.
func (s *Subgraph) Serve(req Request) *Response {
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	doc, err := parser.ParseQuery(&ast.Source{Input: req.Query})
	if err != nil || len(doc.Operations) == 0 {
		return &Response{Errors: []map[string]any{{"message": "stub: cannot parse query"}}}
	}
	rs := &resolver{vars: req.Variables, s: s}
	data := map[string]any{}
	for _, sel := range doc.Operations[0].SelectionSet {
		f, ok := sel.(*ast.Field)
		if !ok {
			continue
		}
		key := responseKey(f)
		path := []any{key}
		if f.Name == "_entities" {
			reps, _ := req.Variables["representations"].([]any)
			out := make([]any, len(reps))
			for i, rep := range reps {
				m, _ := rep.(map[string]any)
				var ent any
				if s.Entity != nil {
					ent = s.Entity(m)
				}
				out[i] = rs.value(ent, f.SelectionSet, append(path, i))
			}
			data[key] = out
			continue
		}
		data[key] = rs.value(s.Root[f.Name], f.SelectionSet, path)
	}
	return &Response{Data: data, Errors: rs.errs}
}

type resolver struct {
	s    *Subgraph
	vars map[string]any
	errs []map[string]any
}

func responseKey(f *ast.Field) string {
	if f.Alias != "" {
		return f.Alias
	}
	return f.Name
}

func (r *resolver) value(v any, ss ast.SelectionSet, path []any) any {
	switch x := v.(type) {
	case Fail:
		r.errs = append(r.errs, map[string]any{"message": string(x), "path": path,
			"extensions": map[string]any{"code": "STUB_FAILURE"}})
		return nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = r.value(e, ss, append(append([]any(nil), path...), i))
		}
		return out
	case map[string]any:
		if len(ss) == 0 {
			return x
		}
		out := map[string]any{}
		r.object(x, ss, path, out)
		return out
	}
	return v
}

func (r *resolver) object(obj map[string]any, ss ast.SelectionSet, path []any, out map[string]any) {
	tn, _ := obj["__typename"].(string)
	for _, sel := range ss {
		switch x := sel.(type) {
		case *ast.Field:
			key := responseKey(x)
			if x.Name == "__typename" {
				out[key] = tn
				continue
			}
			v := obj[x.Name]
			if fn, ok := v.(Args); ok {
				args := map[string]any{}
				for _, a := range x.Arguments {
					args[a.Name], _ = a.Value.Value(r.vars)
				}
				v = fn(args)
			}
			out[key] = r.value(v, x.SelectionSet, append(append([]any(nil), path...), key))
		case *ast.InlineFragment:
			if x.TypeCondition == "" || x.TypeCondition == tn {
				r.object(obj, x.SelectionSet, path, out)
			}
		}
	}
}

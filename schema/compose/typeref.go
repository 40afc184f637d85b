package compose

import "github.com/vektah/gqlparser/v2/ast"

// subtypes answers "is A a subtype of B" for named types of the merged
// schema: B is an interface A implements or a union A belongs to, in any
// subgraph.
type subtypes map[string]map[string]bool // abstract -> possible types

func (s subtypes) named(sub, sup string) bool {
	return sub == sup || s[sup][sub]
}

// isSubtype reports whether sub can be returned where sup is declared (output
// covariance: non-null narrows nullable, implementations narrow interfaces).
// With strictNames, named types must be equal (input positions).
func (s subtypes) isSubtype(sub, sup *ast.Type, strictNames bool) bool {
	if sup.NonNull && !sub.NonNull {
		return false
	}
	if (sub.Elem == nil) != (sup.Elem == nil) {
		return false
	}
	if sub.Elem != nil {
		return s.isSubtype(sub.Elem, sup.Elem, strictNames)
	}
	if strictNames {
		return sub.NamedType == sup.NamedType
	}
	return s.named(sub.NamedType, sup.NamedType)
}

// mergeOutput returns the type every source type is a subtype of, or nil.
func (s subtypes) mergeOutput(types []*ast.Type) *ast.Type {
	for _, cand := range types {
		ok := true
		for _, t := range types {
			if !s.isSubtype(t, cand, false) {
				ok = false
				break
			}
		}
		if ok {
			return cand
		}
	}
	return nil
}

// mergeInput returns the most restrictive of the types (an input accepted by
// the supergraph must be accepted by every subgraph), or nil.
func (s subtypes) mergeInput(types []*ast.Type) *ast.Type {
	for _, cand := range types {
		ok := true
		for _, t := range types {
			if !s.isSubtype(cand, t, true) {
				ok = false
				break
			}
		}
		if ok {
			return cand
		}
	}
	return nil
}

func allEqual(types []*ast.Type) bool {
	for _, t := range types[1:] {
		if t.String() != types[0].String() {
			return false
		}
	}
	return true
}

package compose

import "github.com/vektah/gqlparser/v2/ast"

// The output model: a schema ready to print. Directive arguments hold
// printed GraphQL values, so printing is a plain walk.

type outSchema struct {
	links      []applied
	roots      []outRoot
	directives []string // printed directive definitions
	types      map[string]*outType
}

type outRoot struct{ op, typ string }

type outType struct {
	kind       ast.DefinitionKind
	name, desc string
	interfaces []string
	members    []string
	fields     []*outField
	values     []*outValue
	dirs       []applied
	// inaccessible is kept apart from dirs so the API schema can use it.
	inaccessible bool
}

type outField struct {
	name, desc   string
	typ          *ast.Type
	args         []*outField
	def          string // printed default value, "" if none
	dirs         []applied
	inaccessible bool
}

type outValue struct {
	name, desc   string
	dirs         []applied
	inaccessible bool
}

type applied struct {
	name string
	args []kv
}

type kv struct{ name, value string }

func (t *outType) field(name string) *outField {
	for _, f := range t.fields {
		if f.name == name {
			return f
		}
	}
	return nil
}

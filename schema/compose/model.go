package compose

import "github.com/vektah/gqlparser/v2/ast"

// subgraph is one subgraph schema after parsing and normalisation: federation
// directives resolved to their meaning whatever name they were imported as,
// type extensions folded into their type, federation plumbing removed.
type subgraph struct {
	name, url string
	graph     string // value of the join__Graph enum
	fed2      bool
	fedMinor  int // 2.x federation version the subgraph links; 0 for Fed 1
	types     map[string]*sType
	order     []string // type names in source order
	roots     map[ast.Operation]string
	// composed lists directives named in @composeDirective, by local name.
	composed []string
	links    []sLink
	dirDefs  map[string]*ast.DirectiveDefinition
	usesTag  bool
	usesInac bool
	// carriedUsed lists the carried federation directives the subgraph
	// uses (canonical names); unsupported the directives we cannot compose.
	carriedUsed  []string
	carriedLocal []string // the name each carried directive is used under
	unsupported  []string
	// caches of fields selected by field sets, filled on first use.
	keyFieldCache map[string]bool
	usageCache    map[string]bool
	providedCache map[string]bool
}

type sLink struct {
	url, as string
	imports map[string]string // local name -> name in spec, both without "@"
}

type sKey struct {
	fields     string
	sel        ast.SelectionSet
	resolvable bool
	extension  bool // declared on an extension or on an @extends type
}

type sType struct {
	name, desc      string
	kind            ast.DefinitionKind
	hasDef          bool // has a definition, not only extensions
	extends         bool // Fed 1 @extends
	keys            []sKey
	interfaceObject bool
	inaccessible    bool
	tags            []string
	other           ast.DirectiveList // directives to carry through (composed)
	fields          []*sField
	fieldByName     map[string]*sField
	interfaces      []string
	members         []string
	values          []*sValue
	pos             *ast.Position
}

type sField struct {
	name, desc    string
	typ           *ast.Type
	args          []*sField // arguments reuse the field shape
	def           *ast.Value
	external      bool
	shareable     bool
	inaccessible  bool
	tags          []string
	requires      string
	provides      string
	override      string
	overrideLabel string
	hasOverride   bool
	deprecated    *string
	other         ast.DirectiveList
}

type sValue struct {
	name, desc   string
	inaccessible bool
	tags         []string
	deprecated   *string
	other        ast.DirectiveList
}

func (t *sType) field(name string) *sField {
	if t == nil {
		return nil
	}
	return t.fieldByName[name]
}

func (t *sType) isComposite() bool {
	return t.kind == ast.Object || t.kind == ast.Interface || t.kind == ast.Union
}

package compose

import (
	"fmt"
	"strings"
)

// Error is one composition error. Code is the name Apollo's composition uses
// for the same rule, so a person can look it up in Apollo's documentation.
type Error struct {
	Code string
	// Subgraphs names the subgraphs involved, when the rule concerns some.
	Subgraphs []string
	// Coordinate is the schema coordinate (Type, Type.field, Type.field(arg:))
	// the error is about, when there is one.
	Coordinate string
	Message    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Code)
	if len(e.Subgraphs) > 0 {
		fmt.Fprintf(&b, " [%s]", strings.Join(e.Subgraphs, ", "))
	}
	if e.Coordinate != "" {
		fmt.Fprintf(&b, " %s", e.Coordinate)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

// errs collects composition errors; a small helper so rule code stays short.
type errs struct{ list []error }

func (e *errs) add(code, coordinate string, subgraphs []string, format string, args ...any) {
	e.list = append(e.list, &Error{
		Code:       code,
		Subgraphs:  subgraphs,
		Coordinate: coordinate,
		Message:    fmt.Sprintf(format, args...),
	})
}

// one is a convenience for rules that concern a single subgraph.
func one(name string) []string { return []string{name} }

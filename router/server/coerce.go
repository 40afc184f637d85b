package server

import (
	"encoding/json"
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// coerceVariables is the spec's CoerceVariableValues for the JSON values
// of a request. It does not use gqlparser's validator.VariableValues, which
// accepts numeric strings for Int, skips the 32-bit range check and matches
// enum names case-insensitively (NOTES.md): a value the spec refuses is a
// request error here, never a subgraph's INTERNAL_SERVER_ERROR later. The
// values are returned as sent (they are shared read-only with the body
// cache); absent variables with a default get it. Each variable's error
// carries its name and its definition's location; messages follow
// graphql-js's. The walk is linear in the size of the values.
func coerceVariables(schema *ast.Schema, op *ast.OperationDefinition, raw map[string]any) (map[string]any, *reqError) {
	out := make(map[string]any, len(op.VariableDefinitions))
	var errs []*wire.Error
	for _, def := range op.VariableDefinitions {
		fail := func(msg string) {
			e := wire.Errorf(wire.CodeInvalidVariable, "%s", msg).With("name", def.Variable)
			if def.Position != nil {
				e.Locations = []wire.Location{{Line: def.Position.Line, Column: def.Position.Column}}
			}
			errs = append(errs, e)
		}
		v, given := raw[def.Variable]
		switch {
		case !given && def.DefaultValue != nil:
			dv, err := def.DefaultValue.Value(nil)
			if err != nil {
				fail(fmt.Sprintf("Variable \"$%s\" has an invalid default value: %v", def.Variable, err))
				continue
			}
			out[def.Variable] = dv
		case !given && def.Type.NonNull:
			fail(fmt.Sprintf("Variable \"$%s\" of required type \"%s\" was not provided.", def.Variable, def.Type))
		case !given:
		case v == nil && def.Type.NonNull:
			fail(fmt.Sprintf("Variable \"$%s\" of non-null type \"%s\" must not be null.", def.Variable, def.Type))
		default:
			c := coercer{schema: schema}
			if problem, at := c.value(v, def.Type, def.Variable); problem != "" {
				where := ""
				if at != def.Variable {
					where = fmt.Sprintf(" at \"%s\"", at)
				}
				fail(fmt.Sprintf("Variable \"$%s\" got invalid value %s%s; %s", def.Variable, jsonText(v), where, problem))
				continue
			}
			out[def.Variable] = v
		}
	}
	if len(errs) > 0 {
		return nil, &reqError{status: http.StatusBadRequest, errs: errs}
	}
	return out, nil
}

type coercer struct{ schema *ast.Schema }

// value checks v against t; on failure it returns why and the path (as
// graphql-js prints it: name.field[0]) of the offending part.
func (c coercer) value(v any, t *ast.Type, path string) (string, string) {
	if v == nil {
		if t.NonNull {
			return fmt.Sprintf("Expected non-nullable type \"%s\" not to be null.", t), path
		}
		return "", ""
	}
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return c.value(v, t.Elem, path) // a single value is a list of one
		}
		for i, e := range list {
			if problem, at := c.value(e, t.Elem, path+"["+strconv.Itoa(i)+"]"); problem != "" {
				return problem, at
			}
		}
		return "", ""
	}
	def := c.schema.Types[t.NamedType]
	if def == nil {
		return fmt.Sprintf("Unknown type \"%s\".", t.NamedType), path
	}
	switch def.Kind {
	case ast.Scalar:
		return scalar(def.Name, v), path
	case ast.Enum:
		s, ok := v.(string)
		if !ok {
			return fmt.Sprintf("Enum \"%s\" cannot represent non-string value: %s.", def.Name, jsonText(v)), path
		}
		// Exact names only: "data" is not DATA (spec: enum values are names).
		if def.EnumValues.ForName(s) == nil {
			return fmt.Sprintf("Value \"%s\" does not exist in \"%s\" enum.", s, def.Name), path
		}
		return "", ""
	case ast.InputObject:
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Sprintf("Expected type \"%s\" to be an object.", def.Name), path
		}
		for name := range obj {
			if def.Fields.ForName(name) == nil {
				return fmt.Sprintf("Field \"%s\" is not defined by type \"%s\".", name, def.Name), path
			}
		}
		for _, f := range def.Fields {
			fv, has := obj[f.Name]
			if !has {
				if f.Type.NonNull && f.DefaultValue == nil {
					return fmt.Sprintf("Field \"%s\" of required type \"%s\" was not provided.", f.Name, f.Type), path
				}
				continue
			}
			if problem, at := c.value(fv, f.Type, path+"."+f.Name); problem != "" {
				return problem, at
			}
		}
		return "", ""
	}
	return fmt.Sprintf("\"%s\" is not an input type.", def.Name), path
}

// scalar checks a built-in scalar's input (spec 3.5); custom scalars
// (Upload, DateTime, …) are left to the subgraph that defines them.
func scalar(name string, v any) string {
	switch name {
	case "Int":
		f, ok := number(v)
		switch {
		case !ok || f != math.Trunc(f):
			return fmt.Sprintf("Int cannot represent non-integer value: %s", jsonText(v))
		case f < math.MinInt32 || f > math.MaxInt32:
			return fmt.Sprintf("Int cannot represent non 32-bit signed integer value: %s", jsonText(v))
		}
	case "Float":
		if _, ok := number(v); !ok {
			return fmt.Sprintf("Float cannot represent non numeric value: %s", jsonText(v))
		}
	case "String":
		if _, ok := v.(string); !ok {
			return fmt.Sprintf("String cannot represent a non string value: %s", jsonText(v))
		}
	case "Boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Sprintf("Boolean cannot represent a non boolean value: %s", jsonText(v))
		}
	case "ID":
		if _, ok := v.(string); ok {
			return ""
		}
		if f, ok := number(v); !ok || f != math.Trunc(f) {
			return fmt.Sprintf("ID cannot represent value: %s", jsonText(v))
		}
	}
	return ""
}

// number is a JSON number's value; strings are not numbers.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}

// jsonText prints a value as the client sent it, shortened: it is quoted
// back in an error message.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	const maxQuoted = 80
	if s := string(b); len(s) > maxQuoted {
		return strings.ToValidUTF8(s[:maxQuoted], "") + "…"
	}
	return string(b)
}

package execute

import (
	"encoding/json"
	"testing"

	"github.com/careercoach/coach/router/plan"
	"github.com/vektah/gqlparser/v2/ast"
)

func TestHiddenRuntimeTypesCompleteAsNull(t *testing.T) {
	typename := &plan.ShapeField{Key: "__typename", Name: "__typename", Type: ast.NonNullNamedType("String", nil)}
	shape := func(fieldType *ast.Type) *plan.Shape {
		return &plan.Shape{Fields: []*plan.ShapeField{{Key: "data", Name: "data", Type: fieldType,
			HiddenTypes: map[string]bool{"Secret": true}, Sub: &plan.Shape{Fields: []*plan.ShapeField{typename}}}}}
	}
	tests := []struct {
		name      string
		fieldType *ast.Type
		data      string
		want      string
		wantErrs  int
	}{
		{"visible type kept", ast.NamedType("Foo", nil), `{"data":{"__typename":"Public"}}`, `{"data":{"__typename":"Public"}}`, 0},
		{"hidden type nulled", ast.NamedType("Foo", nil), `{"data":{"__typename":"Secret"}}`, `{"data":null}`, 0},
		{"hidden type in a list", ast.ListType(ast.NamedType("Foo", nil), nil), `{"data":[{"__typename":"Public"},{"__typename":"Secret"}]}`, `{"data":[{"__typename":"Public"},null]}`, 0},
		// The first element is written before the second fails: the writer
		// must cut it off again.
		{"null in a non-null list element nulls the list", ast.ListType(ast.NonNullNamedType("Foo", nil), nil), `{"data":[{"__typename":"Public"},{"__typename":"Secret"}]}`, `{"data":null}`, 1},
		{"hidden type in a non-null position bubbles", ast.NonNullNamedType("Foo", nil), `{"data":{"__typename":"Secret"}}`, `null`, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var data map[string]any
			if err := json.Unmarshal([]byte(tc.data), &data); err != nil {
				t.Fatal(err)
			}
			r := &run{}
			b, ok := r.shapeObject(nil, newShapeNode(shape(tc.fieldType).Fields), ObjectOf(data), "Query", nil)
			got := "null"
			if ok {
				got = string(b)
			}
			if got != tc.want || len(r.errs) != tc.wantErrs {
				t.Errorf("got %s with %d errors, want %s with %d", got, len(r.errs), tc.want, tc.wantErrs)
			}
		})
	}
}

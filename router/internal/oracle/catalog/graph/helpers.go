package graph

import "fmt"

// found returns v, or an error naming the entity when there is none.
func found[T any](v *T, kind, id string) (*T, error) {
	if v == nil {
		return nil, fmt.Errorf("no %s %q", kind, id)
	}
	return v, nil
}

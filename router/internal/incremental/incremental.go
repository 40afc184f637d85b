// Package incremental applies @defer payloads to a response as a client
// does, for tests that compare the result with a whole answer.
package incremental

import "fmt"

// Apply merges a delivered fragment's data into the object at path in
// data (decoded JSON).
func Apply(data any, path []any, frag map[string]any) error {
	at := data
	for _, k := range path {
		switch k := k.(type) {
		case string:
			m, ok := at.(map[string]any)
			if !ok {
				return fmt.Errorf("path %v: %q is not in an object", path, k)
			}
			at = m[k]
		case float64:
			l, ok := at.([]any)
			if !ok || int(k) < 0 || int(k) >= len(l) {
				return fmt.Errorf("path %v: no list item %v", path, k)
			}
			at = l[int(k)]
		}
	}
	obj, ok := at.(map[string]any)
	if !ok {
		return fmt.Errorf("path %v: not an object but %v", path, at)
	}
	merge(obj, frag)
	return nil
}

func merge(dst, src map[string]any) {
	for k, v := range src {
		if sub, ok := v.(map[string]any); ok {
			if d, ok := dst[k].(map[string]any); ok {
				merge(d, sub)
				continue
			}
		}
		dst[k] = v
	}
}

package skills

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
)

//go:embed related.txt
var relatedData string

// Broader returns the canonical names of the broader skills that evidence of
// name also demonstrates ("Tableau" → "Data Visualization", "Business
// Intelligence"), in dataset order; nil when name is unknown or has none.
// One step only: consumers that want chains walk them (the dataset has no
// cycles; Load checks it). The slice is the caller's.
func (t *Taxonomy) Broader(name string) []string {
	s, ok := t.Lookup(name)
	if !ok {
		return nil
	}
	b := t.broader[s.Name]
	if len(b) == 0 {
		return nil
	}
	return append([]string(nil), b...)
}

// parseRelated reads "Narrower > Broader" lines into t.broader, resolving
// both sides through Lookup so aliases are accepted and names canonical.
func (t *Taxonomy) parseRelated(data string) error {
	t.broader = map[string][]string{}
	var errs []error
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		narrow, broad, ok := strings.Cut(line, ">")
		if !ok {
			errs = append(errs, fmt.Errorf("line %d: want \"Narrower > Broader\", got %q", n+1, line))
			continue
		}
		a, okA := t.Lookup(strings.TrimSpace(narrow))
		b, okB := t.Lookup(strings.TrimSpace(broad))
		switch {
		case !okA || !okB:
			errs = append(errs, fmt.Errorf("line %d: %q: both sides must be skills of the taxonomy", n+1, line))
			continue
		case a.Name == b.Name:
			errs = append(errs, fmt.Errorf("line %d: %q relates a skill to itself", n+1, line))
			continue
		}
		for _, have := range t.broader[a.Name] {
			if have == b.Name {
				errs = append(errs, fmt.Errorf("line %d: %q is listed twice", n+1, line))
			}
		}
		t.broader[a.Name] = append(t.broader[a.Name], b.Name)
	}
	if len(errs) == 0 {
		if cyc := t.findCycle(); cyc != "" {
			errs = append(errs, fmt.Errorf("cycle through %q", cyc))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("related skills: %w", errors.Join(errs...))
	}
	return nil
}

// findCycle returns a skill on a cycle of the broader relation, or "".
func (t *Taxonomy) findCycle() string {
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var visit func(string) string
	visit = func(s string) string {
		switch state[s] {
		case visiting:
			return s
		case done:
			return ""
		}
		state[s] = visiting
		for _, b := range t.broader[s] {
			if c := visit(b); c != "" {
				return c
			}
		}
		state[s] = done
		return ""
	}
	for s := range t.broader {
		if c := visit(s); c != "" {
			return c
		}
	}
	return ""
}

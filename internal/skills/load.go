package skills

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
)

//go:embed skills.txt
var dataset string

// Load parses and validates the embedded dataset. Every name and alias must
// normalise to a key no other form uses, in any skill: a clash would make
// Lookup ambiguous, so it fails the load (and the dataset test) instead.
func Load() (*Taxonomy, error) {
	t, err := parse(dataset)
	if err != nil {
		return nil, err
	}
	if err := t.parseRelated(relatedData); err != nil {
		return nil, err
	}
	return t, nil
}

// origin remembers where a key was declared, for clash messages.
type origin struct {
	line int
	text string
}

func parse(data string) (*Taxonomy, error) {
	t := &Taxonomy{byKey: make(map[string]form), prefixes: make(map[string]bool)}
	seen := make(map[string]origin)
	var errs []error
	category := ""
	for n, line := range strings.Split(data, "\n") {
		lineNo := n + 1
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "["):
			if !strings.HasSuffix(line, "]") || strings.TrimSpace(line[1:len(line)-1]) == "" {
				errs = append(errs, fmt.Errorf("line %d: bad category header %q", lineNo, line))
				continue
			}
			category = strings.TrimSpace(line[1 : len(line)-1])
			continue
		case category == "":
			errs = append(errs, fmt.Errorf("line %d: skill before the first [Category]", lineNo))
			continue
		}
		idx := len(t.skills)
		sk := Skill{Category: category}
		for i, field := range strings.Split(line, "|") {
			text, exact, strict := marker(strings.TrimSpace(field))
			key, ntok := normalize(text)
			if key == "" {
				errs = append(errs, fmt.Errorf("line %d: empty or punctuation-only name %q", lineNo, field))
				continue
			}
			if prev, dup := seen[key]; dup {
				errs = append(errs, fmt.Errorf("line %d: %q clashes with %q on line %d (both normalise to %q)",
					lineNo, text, prev.text, prev.line, key))
				continue
			}
			seen[key] = origin{line: lineNo, text: text}
			f := form{skill: idx, strict: strict}
			if exact || strict {
				f.exact = exactKey(text)
			}
			t.byKey[key] = f
			for n := 1; n < len(key); n++ {
				t.prefixes[key[:n]] = true
			}
			// A text n-gram may split a form into more tokens than the dataset
			// wrote ("NodeJS" vs "Node JS"): allow one more.
			t.maxTokens = max(t.maxTokens, ntok+1)
			t.maxKey = max(t.maxKey, len(key))
			if i == 0 {
				sk.Name = text
			} else {
				sk.Aliases = append(sk.Aliases, text)
			}
		}
		if sk.Name == "" {
			continue // its error is recorded above
		}
		t.skills = append(t.skills, sk)
	}
	if len(t.skills) == 0 {
		errs = append(errs, errors.New("no skills"))
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("skills dataset: %w", errors.Join(errs...))
	}
	for i := range t.skills {
		// Clip so a caller's append can never write into a neighbour's aliases.
		t.skills[i].Aliases = t.skills[i].Aliases[:len(t.skills[i].Aliases):len(t.skills[i].Aliases)]
	}
	return t, nil
}

// marker strips a form's "=" (case-sensitive) or "!" (case-sensitive and
// context-dependent) prefix.
func marker(field string) (text string, exact, strict bool) {
	switch {
	case strings.HasPrefix(field, "="):
		return strings.TrimSpace(field[1:]), true, false
	case strings.HasPrefix(field, "!"):
		return strings.TrimSpace(field[1:]), false, true
	}
	return field, false, false
}

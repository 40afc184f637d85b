package ai

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"unicode/utf8"
)

// Schema is the subset of JSON Schema that strict structured outputs use,
// enough to check a model's answer: type, properties, required,
// additionalProperties false, items, enum, minimum/maximum, minItems/
// maxItems, maxLength.
type Schema struct {
	Type                 string             `json:"type"`
	Properties           map[string]*Schema `json:"properties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	AdditionalProperties *bool              `json:"additionalProperties,omitempty"`
	Items                *Schema            `json:"items,omitempty"`
	Enum                 []any              `json:"enum,omitempty"`
	Minimum              *float64           `json:"minimum,omitempty"`
	Maximum              *float64           `json:"maximum,omitempty"`
	MinItems             *int               `json:"minItems,omitempty"`
	MaxItems             *int               `json:"maxItems,omitempty"`
	MaxLength            *int               `json:"maxLength,omitempty"`
	Description          string             `json:"description,omitempty"`
}

// Validate checks v (as decoded by encoding/json into any) against s.
func (s *Schema) Validate(v any) error { return s.validate("$", v) }

func (s *Schema) validate(path string, v any) error {
	if len(s.Enum) > 0 && !slices.Contains(s.Enum, v) {
		return fmt.Errorf("%s: %v is not one of %v", path, v, s.Enum)
	}
	switch s.Type {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object", path)
		}
		var errs []error
		for _, r := range s.Required {
			if _, ok := obj[r]; !ok {
				errs = append(errs, fmt.Errorf("%s.%s: missing", path, r))
			}
		}
		for k, val := range obj {
			p, ok := s.Properties[k]
			if !ok {
				if s.AdditionalProperties != nil && !*s.AdditionalProperties {
					errs = append(errs, fmt.Errorf("%s.%s: not allowed", path, k))
				}
				continue
			}
			errs = append(errs, p.validate(path+"."+k, val))
		}
		return errors.Join(errs...)
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array", path)
		}
		if s.MinItems != nil && len(arr) < *s.MinItems {
			return fmt.Errorf("%s: %d items, want at least %d", path, len(arr), *s.MinItems)
		}
		if s.MaxItems != nil && len(arr) > *s.MaxItems {
			return fmt.Errorf("%s: %d items, want at most %d", path, len(arr), *s.MaxItems)
		}
		if s.Items != nil {
			var errs []error
			for i, it := range arr {
				errs = append(errs, s.Items.validate(fmt.Sprintf("%s[%d]", path, i), it))
			}
			return errors.Join(errs...)
		}
		return nil
	case "string":
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: want a string", path)
		}
		if s.MaxLength != nil && utf8.RuneCountInString(str) > *s.MaxLength {
			return fmt.Errorf("%s: longer than %d characters", path, *s.MaxLength)
		}
		return nil
	case "integer", "number":
		n, ok := v.(float64)
		if !ok {
			return fmt.Errorf("%s: want a number", path)
		}
		if s.Type == "integer" && n != math.Trunc(n) {
			return fmt.Errorf("%s: %v is not an integer", path, n)
		}
		if s.Minimum != nil && n < *s.Minimum {
			return fmt.Errorf("%s: %v is below %v", path, n, *s.Minimum)
		}
		if s.Maximum != nil && n > *s.Maximum {
			return fmt.Errorf("%s: %v is above %v", path, n, *s.Maximum)
		}
		return nil
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want true or false", path)
		}
		return nil
	case "null":
		if v != nil {
			return fmt.Errorf("%s: want null", path)
		}
		return nil
	case "":
		return nil
	default:
		return fmt.Errorf("%s: schema type %q is not supported", path, s.Type)
	}
}

// MustSchema checks at start-up that raw parses as a Schema.
func MustSchema(raw string) json.RawMessage {
	var s Schema
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		panic("ai: invalid schema: " + err.Error())
	}
	return json.RawMessage(raw)
}

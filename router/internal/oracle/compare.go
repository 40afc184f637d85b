package oracle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Answer is the part of a GraphQL response the oracle compares: data as
// sent (key order matters) and each error as "path code".
type Answer struct {
	Data   json.RawMessage `json:"data,omitempty"`
	Errors []string        `json:"errors,omitempty"`
}

// ParseAnswer reads a GraphQL response body.
func ParseAnswer(body []byte) (Answer, error) {
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Path       []any          `json:"path"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return Answer{}, fmt.Errorf("reading the response %q: %w", body, err)
	}
	var a Answer
	if len(resp.Data) > 0 {
		var buf bytes.Buffer
		if err := json.Compact(&buf, resp.Data); err != nil {
			return Answer{}, fmt.Errorf("compacting data: %w", err)
		}
		a.Data = buf.Bytes()
	}
	for _, e := range resp.Errors {
		parts := make([]string, len(e.Path))
		for i, p := range e.Path {
			parts[i] = fmt.Sprint(p)
		}
		a.Errors = append(a.Errors, strings.Join(parts, ".")+" "+fmt.Sprint(e.Extensions["code"]))
	}
	// The order of errors is not specified; their paths and codes are.
	slices.Sort(a.Errors)
	return a, nil
}

// Diff says how got (the router's answer) differs from want (the
// reference's), or "" when it does not.
func Diff(got, want Answer, invalid bool) string {
	if invalid {
		// A refused operation: no data on either side, and the same kind of
		// refusal; messages and the number of errors found are the
		// validator's own.
		if got.Data != nil && string(got.Data) != "null" {
			return fmt.Sprintf("the router executed an invalid operation: data %s", got.Data)
		}
		if len(got.Errors) == 0 {
			return "the router accepted an invalid operation without an error"
		}
		if g, w := codes(got.Errors, routerCodes), codes(want.Errors, nil); !slices.Equal(g, w) {
			return fmt.Sprintf("error codes %v, reference %v", g, w)
		}
		return ""
	}
	var out []string
	if !bytes.Equal(got.Data, want.Data) {
		out = append(out, fmt.Sprintf("data:\n  router    %s\n  reference %s", got.Data, want.Data))
	}
	if msg := errorsDiff(got.Errors, want.Errors, want.Data); msg != "" {
		out = append(out, fmt.Sprintf("errors: %s\n  router    %q\n  reference %q", msg, got.Errors, want.Errors))
	}
	return strings.Join(out, "\n")
}

// routerCodes maps the router's refusal codes that name a case more
// precisely than gqlgen does to gqlgen's: a variable value the spec's
// CoerceVariableValues refuses is Apollo Router's
// VALIDATION_INVALID_TYPE_VARIABLE (router/CONFORMANCE.md), gqlgen's
// GRAPHQL_VALIDATION_FAILED.
var routerCodes = map[string]string{"VALIDATION_INVALID_TYPE_VARIABLE": "GRAPHQL_VALIDATION_FAILED"}

// codes is the sorted set of error codes in errs, renamed by as.
func codes(errs []string, as map[string]string) []string {
	var out []string
	for _, e := range errs {
		c := e[strings.LastIndex(e, " ")+1:]
		if to, ok := as[c]; ok {
			c = to
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// errorsDiff compares the errors: the router must report no error the
// reference does not. It may leave out an error the reference reports when
// it reports another that nulled the same place in data: once a non-null
// error has nulled a subtree, a router need not fetch the rest of it (the
// reference's resolvers run anyway), so the errors it would have raised
// are legitimately absent. Apollo's router does the same.
func errorsDiff(got, want []string, data json.RawMessage) string {
	extra, missing := minus(got, want), minus(want, got)
	if len(extra) > 0 {
		return fmt.Sprintf("the router reports %q, the reference does not", extra)
	}
	var tree any
	if len(data) > 0 {
		if err := json.Unmarshal(data, &tree); err != nil {
			return fmt.Sprintf("reading the reference's data: %v", err)
		}
	}
	reported := map[string]bool{}
	for _, e := range got {
		reported[nullPoint(e, tree)] = true
	}
	var unexplained []string
	for _, e := range missing {
		if !reported[nullPoint(e, tree)] {
			unexplained = append(unexplained, e)
		}
	}
	if len(unexplained) > 0 {
		return fmt.Sprintf("the router does not report %q", unexplained)
	}
	return ""
}

// minus is the multiset a − b.
func minus(a, b []string) []string {
	left := map[string]int{}
	for _, e := range b {
		left[e]++
	}
	var out []string
	for _, e := range a {
		if left[e] > 0 {
			left[e]--
			continue
		}
		out = append(out, e)
	}
	return out
}

// nullPoint is where the error e ("path code") left a null in data: the
// first null along its path ("" for null data).
func nullPoint(e string, data any) string {
	path := strings.Split(e[:strings.LastIndex(e, " ")], ".")
	cur := data
	for i, seg := range path {
		if cur == nil {
			return strings.Join(path[:i], ".")
		}
		switch v := cur.(type) {
		case map[string]any:
			cur = v[seg]
		case []any:
			n, err := strconv.Atoi(seg)
			if err != nil || n < 0 || n >= len(v) {
				return strings.Join(path[:i], ".")
			}
			cur = v[n]
		default:
			return strings.Join(path[:i], ".")
		}
	}
	return strings.Join(path, ".")
}

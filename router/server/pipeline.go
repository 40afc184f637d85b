package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/careercoach/coach/router/wire"
	"net/http"
	"strings"

	"github.com/careercoach/coach/router/execute"
	"github.com/careercoach/coach/router/introspect"
	"github.com/careercoach/coach/router/plan"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// handle runs one GraphQL request: persisted query lookup, limits, parse,
// validate, plan (cached), execute.
func (s *Server) handle(ctx context.Context, st *state, req gqlRequest, method string) (*execute.Result, *reqError) {
	pr, rerr := s.prepareHTTP(ctx, st, req, method)
	if rerr != nil {
		return nil, rerr
	}
	return s.execute(ctx, st, pr), nil
}

// prepareHTTP is prepare for plain HTTP, where subscriptions cannot run.
func (s *Server) prepareHTTP(ctx context.Context, st *state, req gqlRequest, method string) (*prepared, *reqError) {
	pr, rerr := s.prepare(ctx, st, req, method)
	if rerr == nil && pr.op.Operation == ast.Subscription {
		rerr = newReqError(wire.CodeBadRequest, "subscriptions need a WebSocket (graphql-transport-ws or graphql-ws) or Accept: text/event-stream")
	}
	return pr, rerr
}

// execute runs a prepared query or mutation.
func (s *Server) execute(ctx context.Context, st *state, pr *prepared) *execute.Result {
	if pr.op.Operation == ast.Mutation {
		s.inflight.mutating()
	}
	res := st.exec.Execute(ctx, pr.plan, pr.vars, pr.pre)
	if ctx.Err() != nil {
		res.Errors = append(res.Errors, timeoutError())
	}
	return res
}

func timeoutError() *wire.Error {
	return wire.Errorf(wire.CodeTimeout, "request timed out")
}

func internalError(msg string) *wire.Error {
	return wire.Errorf(wire.CodeInternal, "%s", msg)
}

// prepared is an operation ready to execute.
type prepared struct {
	query string // after the persisted query lookup
	op    *ast.OperationDefinition
	vars  map[string]any
	plan  *plan.Plan
	pre   execute.Prefilled
	cost  int // estimated (limits.go)
}

// prepare does everything before execution: persisted query lookup,
// limits, parse, validate, coerce variables, plan (cached). Method GET
// allows only queries; methodStream (WebSocket, SSE POST) and
// methodStreamGet (SSE GET: no mutations) allow subscriptions. Between
// stages it gives up once ctx ends (the request timed out or the client
// left); each stage is linear in the document's size.
func (s *Server) prepare(ctx context.Context, st *state, req gqlRequest, method string) (*prepared, *reqError) {
	query, rerr := s.persisted(req)
	if rerr != nil {
		return nil, rerr
	}
	if strings.TrimSpace(query) == "" {
		return nil, newReqError(wire.CodeBadRequest, "no query in request")
	}
	lim := s.cfg.Limits
	// A query text that passed the token limit, parsing and validation
	// before is not checked again: validation depends only on the text and
	// the supergraph (st), and the cached document is never modified.
	checked, cached := st.docs.get(query)
	var doc *ast.QueryDocument
	if cached {
		doc = checked.doc
	} else {
		if lim.MaxTokens > 0 {
			if n, _ := countTokens(query, lim.MaxTokens); n > lim.MaxTokens {
				return nil, newReqError(wire.CodeMaxTokens, fmt.Sprintf("query has more than %d tokens", lim.MaxTokens))
			}
		}
		var err error
		if doc, err = parser.ParseQuery(&ast.Source{Input: query}); err != nil {
			if rerr := notExecutable(query); rerr != nil {
				return nil, rerr
			}
			return nil, gqlErrors(wire.CodeParseFailed, err)
		}
		// The operation rules go first: they decide which operation to run.
		if rerr := operationRules(doc); rerr != nil {
			return nil, rerr
		}
	}
	op, err := selectOperation(doc, req.OperationName)
	if err != nil {
		return nil, newReqError(wire.CodeBadRequest, err.Error())
	}
	if (method == http.MethodGet && op.Operation != ast.Query) || (method == methodStreamGet && op.Operation == ast.Mutation) {
		return nil, newReqError(wire.CodeBadRequest, "only queries may use GET").withStatus(http.StatusMethodNotAllowed)
	}
	if !cached {
		// The shape is checked before validation too: validating a very
		// deep or wide document is work the limits exist to refuse.
		if rerr := lim.checkShape(measure(doc, op)); rerr != nil {
			return nil, rerr
		}
		if rerr := stopped(ctx); rerr != nil {
			return nil, rerr
		}
		if errs := validator.ValidateWithRules(st.sg.API, doc, s.rules); len(errs) > 0 {
			return nil, gqlErrors(wire.CodeValidationFailed, errs)
		}
		checked = newCheckedDoc(doc, lim)
		st.docs.put(query, checked)
	}
	ch := checked.ops[op]
	if rerr := lim.checkShape(ch.shape); rerr != nil {
		return nil, rerr
	}
	if s.cfg.DisableIntrospection && ch.shape.introspects {
		return nil, newReqError(wire.CodeIntrospectionOff, "introspection is disabled")
	}
	vars, rerr := coerceVariables(st.sg.API, op, req.Variables)
	if rerr != nil {
		return nil, rerr
	}
	cost := ch.costOf(op, vars, lim)
	if rerr := lim.checkCost(cost, "of the query"); rerr != nil {
		return nil, rerr
	}
	if op.Operation == ast.Subscription && method != methodStream && method != methodStreamGet {
		return nil, newReqError(wire.CodeBadRequest, "subscriptions need a WebSocket (graphql-transport-ws or graphql-ws) or Accept: text/event-stream")
	}
	if rerr := stopped(ctx); rerr != nil {
		return nil, rerr
	}
	p, err := s.plan(st, doc, op, query, vars)
	if err != nil {
		if errors.Is(err, plan.ErrUnsupported) {
			return nil, newReqError(wire.CodeBadRequest, err.Error())
		}
		return nil, newReqError(wire.CodeQueryPlanningFailed, err.Error()).withStatus(http.StatusInternalServerError)
	}
	pre := execute.Prefilled{}
	for _, f := range p.Shape.Fields {
		if f.Name == "__schema" || f.Name == "__type" {
			pre[f.Key] = introspect.Resolve(st.sg.API, f, vars)
		}
	}
	return &prepared{query: query, op: op, vars: vars, plan: p, pre: pre, cost: cost}, nil
}

// stopped is the request error once ctx has ended: the request timed out
// (or the client left, who reads no answer).
func stopped(ctx context.Context) *reqError {
	if ctx.Err() == nil {
		return nil
	}
	return &reqError{status: http.StatusServiceUnavailable, errs: []*wire.Error{timeoutError()}}
}

// plan returns the cached plan for this operation and the values of its
// Boolean variables (the only inputs @skip/@include can read).
func (s *Server) plan(st *state, doc *ast.QueryDocument, op *ast.OperationDefinition, query string, vars map[string]any) (*plan.Plan, error) {
	var key strings.Builder
	key.WriteString(query)
	key.WriteString("\x00" + op.Name)
	for _, v := range op.VariableDefinitions {
		if v.Type.NamedType == "Boolean" {
			fmt.Fprintf(&key, "\x00%s=%v", v.Variable, vars[v.Variable])
		}
	}
	k := key.String()
	if p, ok := st.plans.get(k); ok {
		s.metrics.planCache(true)
		return p, nil
	}
	s.metrics.planCache(false)
	build := plan.Build
	if op.Operation == ast.Subscription {
		build = plan.BuildSubscription
	}
	p, err := build(st.sg, doc, op.Name, vars, plan.Options{})
	if err != nil {
		return nil, err
	}
	st.plans.put(k, p)
	return p, nil
}

// persisted implements automatic persisted queries: a hash alone looks
// the query up; a hash with a query registers it.
func (s *Server) persisted(req gqlRequest) (string, *reqError) {
	pq, _ := req.Extensions["persistedQuery"].(map[string]any)
	if pq == nil {
		return req.Query, nil
	}
	hash, _ := pq["sha256Hash"].(string)
	if hash == "" {
		return req.Query, nil
	}
	if req.Query == "" {
		q, ok := s.apq.get(hash)
		if !ok {
			e := newReqError(wire.CodePQNotFound, "PersistedQueryNotFound")
			e.status = http.StatusOK
			return "", e
		}
		return q, nil
	}
	sum := sha256.Sum256([]byte(req.Query))
	if hex.EncodeToString(sum[:]) != strings.ToLower(hash) {
		return "", newReqError(wire.CodePQHashMismatch, "provided sha does not match query")
	}
	s.apq.put(strings.ToLower(hash), req.Query)
	return req.Query, nil
}

func selectOperation(doc *ast.QueryDocument, name string) (*ast.OperationDefinition, error) {
	if name != "" {
		if op := doc.Operations.ForName(name); op != nil {
			return op, nil
		}
		return nil, fmt.Errorf("unknown operation named %q", name)
	}
	if len(doc.Operations) != 1 {
		return nil, fmt.Errorf("must provide operation name if query contains multiple operations")
	}
	return doc.Operations[0], nil
}

// gqlErrors converts parser/validator errors, keeping their locations.
func gqlErrors(code string, err error) *reqError {
	var list gqlerror.List
	var one *gqlerror.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = gqlerror.List{one}
	default:
		return newReqError(code, err.Error())
	}
	out := &reqError{status: http.StatusBadRequest}
	for _, e := range list {
		ee := wire.Errorf(code, "%s", e.Message)
		for _, l := range e.Locations {
			ee.Locations = append(ee.Locations, wire.Location{Line: l.Line, Column: l.Column})
		}
		out.errs = append(out.errs, ee)
	}
	return out
}

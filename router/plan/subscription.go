package plan

import (
	"fmt"

	"github.com/careercoach/coach/router/supergraph"
	"github.com/vektah/gqlparser/v2/ast"
)

// BuildSubscription plans a subscription operation. The plan's first
// fetch is the subscription itself, sent to the subgraph that owns the
// root field; SplitSubscription separates it from the steps that run for
// every event (entity fetches to other subgraphs).
func BuildSubscription(sg *supergraph.Supergraph, doc *ast.QueryDocument, opName string, vars map[string]any, opts Options) (*Plan, error) {
	op, err := pickOperation(doc, opName)
	if err != nil {
		return nil, err
	}
	if op.Operation != ast.Subscription {
		return nil, fmt.Errorf("%w: %s is not a subscription", ErrUnsupported, op.Operation)
	}
	root := sg.API.Subscription
	if root == nil {
		return nil, fmt.Errorf("schema has no subscription type")
	}
	p := newPlanner(sg, opts, vars, op)
	out := &Plan{Kind: string(op.Operation), RootType: root.Name, Shape: &Shape{}}
	buildShape(sg.API, op.SelectionSet, root, nil, vars, out.Shape)
	if err := p.planRoot(root.Name); err != nil {
		return nil, err
	}
	out.Root, _ = p.tree() // no @defer in subscriptions: nothing is deferred
	out.Root = optimize(out.Root)
	return out, nil
}

// SplitSubscription returns a subscription plan's root fetch and the rest
// of the plan, to run once per event with the event as root data. rest is
// nil when events need nothing beyond the owning subgraph.
func SplitSubscription(p *Plan) (root *Fetch, rest Node, err error) {
	switch n := p.Root.(type) {
	case *Fetch:
		return n, nil, nil
	case *Sequence:
		f, ok := n.Nodes[0].(*Fetch)
		if !ok {
			break
		}
		switch len(n.Nodes) {
		case 1:
			return f, nil, nil
		case 2:
			return f, n.Nodes[1], nil
		}
		return f, &Sequence{Nodes: n.Nodes[1:]}, nil
	}
	return nil, nil, fmt.Errorf("%w: a subscription must have exactly one root field from one subgraph", ErrUnsupported)
}

package graph

// Resolver holds the subgraph's broker.
type Resolver struct {
	Broker *Broker
}

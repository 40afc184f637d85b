package graph

// Resolver is the root resolver of the inventory subgraph. Its data is fixed
// (data.go), as in the benchmark's Rust subgraph.
type Resolver struct{}

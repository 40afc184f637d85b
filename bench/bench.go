// Package bench is the federation gateway benchmark of
// graphql-hive/graphql-gateways-benchmark, run against our router: its
// four subgraphs (bench/subgraphs), its query, the response that query
// must get, and the load generator behind `make bench-gateway`.
package bench

import _ "embed"

// Query is the benchmark's operation, as k6.js sends it.
//
//go:embed query.graphql
var Query string

// OperationName is the name of the operation in Query.
const OperationName = "TestQuery"

// Supergraph is bench/supergraph.graphql: the subgraphs composed by
// schema/compose (`make compose`).
//
//go:embed supergraph.graphql
var Supergraph string

// Package eventgraph is a small gqlgen subgraph for the router's edge
// tests: subscriptions whose events reference an entity of another
// subgraph, and uploads.
package eventgraph

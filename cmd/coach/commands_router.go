//go:build routeronly

package main

// commands of the router-only binary (make build: bin/coach-router): it
// links none of the subgraphs, whose package initialisation and code pages
// cost a router process about 10 MB of its resident memory.
func commands(e env) map[string]command {
	return map[string]command{"router": &routerMain{env: e}}
}

// Command edgedemo runs the router in front of the edge test subgraphs
// (events: a gqlgen subgraph with subscriptions; people: a stub owning
// Author) with GraphiQL on, for the browser test in router/graphiql/ui.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/careercoach/coach/router/internal/eventgraph"
	"github.com/careercoach/coach/router/internal/eventgraph/graph"
	"github.com/careercoach/coach/router/internal/stubgraph"
	"github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/schema/compose"
)

const peopleSDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Author @key(fields: "id") { id: ID! name: String! }
type Query { author(id: ID!): Author }
`

func main() {
	addr := flag.String("addr", "127.0.0.1:4700", "router listen address")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *addr); err != nil {
		fmt.Fprintln(os.Stderr, "edgedemo:", err)
		os.Exit(1)
	}
}

func serve(ctx context.Context, h http.Handler, addr string) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	return "http://" + ln.Addr().String(), nil
}

func run(ctx context.Context, addr string) error {
	events, err := serve(ctx, eventgraph.Handler(graph.NewBroker(), nil, "", 8<<20), "127.0.0.1:0")
	if err != nil {
		return err
	}
	people, err := serve(ctx, &stubgraph.Subgraph{Entity: func(rep map[string]any) any {
		id, _ := rep["id"].(string)
		return map[string]any{"__typename": "Author", "id": id, "name": "name-of-" + id}
	}}, "127.0.0.1:0")
	if err != nil {
		return err
	}
	res, errs := compose.Compose([]compose.Subgraph{
		{Name: "events", URL: events + "/graphql", SDL: eventgraph.SDL},
		{Name: "people", URL: people + "/graphql", SDL: peopleSDL},
	})
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	h, err := server.New(server.Config{SupergraphSDL: res.Supergraph, GraphiQL: true}, slog.Default())
	if err != nil {
		return err
	}
	url, err := serve(ctx, h, addr)
	if err != nil {
		return err
	}
	fmt.Println("router with GraphiQL on", url+"/graphql")
	<-ctx.Done()
	return nil
}

package bench

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// BenchmarkRouterEndToEnd is one benchmark request through the router and
// the subgraphs, all in this process over loopback HTTP (profile with
// -cpuprofile; the subgraphs' share shows under gqlgen).
func BenchmarkRouterEndToEnd(b *testing.B) {
	router := newRouter(b)
	body, _ := json.Marshal(map[string]string{"query": Query})
	want := Expected()
	b.ReportAllocs()
	b.SetParallelism(8)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			res, err := http.Post(router.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				b.Error(err)
				return
			}
			got, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if !bytes.Equal(bytes.TrimRight(got, "\n"), want) {
				b.Error("unexpected response")
				return
			}
		}
	})
}

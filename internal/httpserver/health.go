package httpserver

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"time"
)

// Check reports whether a dependency (database, bus) is reachable.
type Check func(ctx context.Context) error

// Health registers /healthz (the process is alive) and /readyz (every check
// passes within two seconds) on mux.
func Health(mux *http.ServeMux, checks map[string]Check) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		names := make([]string, 0, len(checks))
		for n := range checks {
			names = append(names, n)
		}
		sort.Strings(names)
		result := map[string]string{}
		status := http.StatusOK
		for _, n := range names {
			if err := checks[n](ctx); err != nil {
				result[n] = err.Error()
				status = http.StatusServiceUnavailable
			} else {
				result[n] = "ok"
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(result)
	})
}

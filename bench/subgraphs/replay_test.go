package subgraphs

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestReplay: a repeated request (same path and body) gets the first
// answer without reaching the subgraph; another path or body reaches it,
// and a failure is not remembered.
func TestReplay(t *testing.T) {
	calls := 0
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		body, _ := io.ReadAll(r.Body)
		if strings.Contains(string(body), "fail") {
			http.Error(w, "no", http.StatusBadGateway)
			return
		}
		_, _ = io.WriteString(w, r.URL.Path+" "+string(body)+" "+strings.Repeat("!", calls))
	})
	srv := httptest.NewServer(Replay(next))
	defer srv.Close()
	post := func(path, body string) (int, string) {
		t.Helper()
		res, err := http.Post(srv.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	tests := []struct {
		name, path, body string
		status           int
		want             string
		calls            int
	}{
		{"first", "/a", "q", 200, "/a q !", 1},
		{"repeat", "/a", "q", 200, "/a q !", 1},
		{"other body", "/a", "r", 200, "/a r !!", 2},
		{"other path", "/b", "q", 200, "/b q !!!", 3},
		{"repeat again", "/a", "q", 200, "/a q !", 3},
		{"failure", "/a", "fail", 502, "no\n", 4},
		{"failure again reaches the subgraph", "/a", "fail", 502, "no\n", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, got := post(tt.path, tt.body)
			if status != tt.status || got != tt.want || calls != tt.calls {
				t.Errorf("%d %q after %d calls, want %d %q after %d", status, got, calls, tt.status, tt.want, tt.calls)
			}
		})
	}
}

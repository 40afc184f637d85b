package load

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestClientDo(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Query     string
			Variables map[string]any
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		if r.Header.Get("Authorization") != "Bearer tok" {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"errors":[{"message":"no token","extensions":{"code":"UNAUTHENTICATED"}}]}`)
			return
		}
		switch req.Query {
		case "ok":
			_, _ = io.WriteString(w, `{"data":{"me":{"id":"u1"}}}`)
		case "partial":
			_, _ = io.WriteString(w, `{"data":{"me":null},"errors":[{"message":"internal error","extensions":{"code":"INTERNAL_SERVER_ERROR","serviceName":"planning"}},{"message":"x"}]}`)
		case "status":
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, `{"data":null}`)
		default:
			_, _ = io.WriteString(w, `<html>`)
		}
	}))
	defer srv.Close()
	c := &Client{Base: srv.URL, HTTP: srv.Client()}
	ctx := context.Background()

	var out struct{ Me struct{ ID string } }
	if err := c.Do(ctx, "tok", "ok", nil, &out); err != nil || out.Me.ID != "u1" {
		t.Fatalf("ok: %+v, %v", out, err)
	}
	for q, want := range map[string]string{
		"partial": "planning: INTERNAL_SERVER_ERROR: internal error (and 1 more)",
		"status":  "status 502",
		"html":    "not JSON",
	} {
		if err := c.Do(ctx, "tok", q, nil, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one containing %q", q, err, want)
		}
	}
	if err := c.Do(ctx, "", "ok", nil, nil); err == nil || !strings.Contains(err.Error(), "UNAUTHENTICATED") {
		t.Errorf("no token: %v", err)
	}
}

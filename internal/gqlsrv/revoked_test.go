package gqlsrv_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/gqlsrv"
	"github.com/careercoach/coach/internal/logging"
)

// deletions is a list of deleted subjects that a test changes while a
// request is under way; checked is signalled at each lookup.
type deletions struct {
	mu      sync.Mutex
	deleted map[string]bool
	checked chan struct{}
}

func (d *deletions) Revoked(_ context.Context, subject string) (bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	select {
	case d.checked <- struct{}{}:
	default:
	}
	return d.deleted[subject], nil
}

func (d *deletions) delete(subject string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.deleted[subject] = true
}

// TestUploadOutlivingTheDeletionIsRefused replays a write that raced a
// deletion: the token is checked when the request starts, the account is
// deleted while the upload's body is still arriving, and the operation must
// then be refused without running.
func TestUploadOutlivingTheDeletionIsRefused(t *testing.T) {
	iss := authtest.New(t)
	dels := &deletions{deleted: map[string]bool{}, checked: make(chan struct{}, 1)}
	v := iss.Verifier.WithRevocations(dels)
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: `scalar Upload
type Query { name: String! }
type Mutation { upload(f: Upload!): String! }`})
	var ran atomic.Bool
	es := &graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) {
			return 1, true
		},
		ExecFunc: func(context.Context) graphql.ResponseHandler {
			ran.Store(true)
			return graphql.OneShot(&graphql.Response{Data: []byte(`{"upload":"stored"}`)})
		},
	}
	gql := gqlsrv.New(es, gqlsrv.Options{Log: logging.Discard(), Verifier: v, MaxUploadBytes: limit})
	srv := httptest.NewServer((&auth.Middleware{Verifier: v, Log: logging.Discard()}).Wrap(gql))
	t.Cleanup(srv.Close)

	contentType, body := multipartBody(100)
	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, srv.URL, pr)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+iss.Token(t, "mallory"))
	req.Header.Set("GraphQL-Preflight", "1")
	go func() {
		_, _ = pw.Write(body[:len(body)/2])
		<-dels.checked // the middleware let the request in
		dels.delete("mallory")
		_, _ = pw.Write(body[len(body)/2:])
		_ = pw.Close()
	}()
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if ran.Load() || !strings.Contains(string(out), `"code":"UNAUTHENTICATED"`) || strings.Contains(string(out), "stored") {
		t.Fatalf("upload finished after the deletion: ran=%v %d %s", ran.Load(), resp.StatusCode, out)
	}
}

package server_test

import (
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/router/internal/eventgraph"
	"github.com/careercoach/coach/router/server"
	"github.com/careercoach/coach/schema/compose"
)

// TestUploadIsStreamed proves the router forwards a file while the client
// is still sending it: the client holds back the second half of the file
// until the subgraph has received the first. A router that buffered the
// whole upload would never deliver anything, and the test would time out.
func TestUploadIsStreamed(t *testing.T) {
	const half = 1 << 20
	gotFirstHalf := make(chan struct{})
	subgraph := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mr, err := r.MultipartReader()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var ops struct {
			Query     string         `json:"query"`
			Variables map[string]any `json:"variables"`
		}
		var fileMap map[string][]string
		var n int64
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			switch p.FormName() {
			case "operations":
				_ = json.NewDecoder(p).Decode(&ops)
			case "map":
				_ = json.NewDecoder(p).Decode(&fileMap)
			default:
				buf := make([]byte, 32<<10)
				signalled := false
				for {
					k, err := p.Read(buf)
					n += int64(k)
					if n >= half && !signalled {
						signalled = true
						close(gotFirstHalf)
					}
					if err != nil {
						break
					}
				}
			}
		}
		if !strings.Contains(ops.Query, "upload") || ops.Variables["f"] != nil || len(fileMap["0"]) != 1 || fileMap["0"][0] != "variables.f" {
			http.Error(w, "unexpected operations or map", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"data":{"upload":{"size":`+jsonInt(n)+`}}}`)
	}))
	t.Cleanup(subgraph.Close)
	res, errs := compose.Compose([]compose.Subgraph{
		{Name: "events", URL: subgraph.URL, SDL: eventgraph.SDL},
		{Name: "people", URL: subgraph.URL, SDL: peopleSDL},
	})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	h, err := server.New(server.Config{SupergraphSDL: res.Supergraph}, nil)
	if err != nil {
		t.Fatal(err)
	}
	router := httptest.NewServer(h)
	t.Cleanup(router.Close)

	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		_ = mw.WriteField("operations", `{"query":"mutation($f: Upload!) { upload(file: $f) { size } }","variables":{"f":null}}`)
		_ = mw.WriteField("map", `{"0":["variables.f"]}`)
		fw, _ := mw.CreateFormFile("0", "big.bin")
		chunk := make([]byte, half)
		_, _ = fw.Write(chunk)
		select {
		case <-gotFirstHalf:
		case <-time.After(10 * time.Second):
			pw.CloseWithError(io.ErrUnexpectedEOF)
			return
		}
		_, _ = fw.Write(chunk)
		pw.CloseWithError(mw.Close())
	}()
	status, out := postMultipart(t, router.URL+"/graphql", pr, mw.FormDataContentType(), preflight)
	if status != http.StatusOK || len(out.Errors) > 0 || string(out.Data["upload"]) != `{"size":2097152}` {
		t.Fatalf("status %d data %s errors %+v", status, out.Data["upload"], out.Errors)
	}
}

func jsonInt(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

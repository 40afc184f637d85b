// Package aitest is a fake chat-completions server speaking the Azure
// OpenAI and the OpenAI protocols, for tests of code that uses internal/ai.
// It checks every request's shape as the real services would (URL with the
// deployment and api-version on Azure, the api-key or bearer header, the
// model, messages, response_format json_schema) and answers with queued
// replies: JSON content, HTTP errors such as 429, or broken JSON.
package aitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Options choose the protocol and the credentials the fake expects.
type Options struct {
	Azure      bool
	Deployment string // Azure: the deployment in the URL
	APIVersion string // Azure: the api-version query parameter
	APIKey     string
	Model      string // OpenAI: the model in the body
}

// Reply is one answer. Status 0 means 200 with Content as the assistant
// message; any other status answers with an error body like the real
// services. Raw, when set, is sent as the body verbatim.
type Reply struct {
	Status       int
	Content      string
	Raw          string
	FinishReason string // default "stop"
	// RetryAfter, when set, is sent as the Retry-After header (seconds).
	RetryAfter string
}

// Request is what the fake received.
type Request struct {
	Path, Query string
	Header      http.Header
	Body        map[string]any
	// Problems lists the ways the request differs from what the real
	// service requires; the fake answered 400 (or 401/404) when non-empty.
	Problems []string
}

// Server is a running fake.
type Server struct {
	*httptest.Server
	opts Options

	mu       sync.Mutex
	replies  []Reply
	requests []Request
}

// New starts a fake; it stops at test cleanup.
func New(t testing.TB, o Options) *Server {
	t.Helper()
	if o.APIKey == "" {
		o.APIKey = "test-key"
	}
	if o.Azure {
		if o.Deployment == "" {
			o.Deployment = "gpt-4o-cv"
		}
		if o.APIVersion == "" {
			o.APIVersion = "2024-10-21"
		}
	} else if o.Model == "" {
		o.Model = "gpt-4o-mini"
	}
	s := &Server{opts: o}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Options returns the fake's (defaulted) options.
func (s *Server) Options() Options { return s.opts }

// BaseURL is what to configure as the endpoint: the Azure resource
// endpoint, or the OpenAI base URL ending in /v1.
func (s *Server) BaseURL() string {
	if s.opts.Azure {
		return s.URL
	}
	return s.URL + "/v1"
}

// Enqueue adds replies, answered in order.
func (s *Server) Enqueue(r ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replies = append(s.replies, r...)
}

// JSON is a reply whose content is v encoded as JSON.
func JSON(v any) Reply {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return Reply{Content: string(b)}
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	req := Request{Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone()}
	status, problems := s.check(r, &req)
	req.Problems = problems
	s.mu.Lock()
	s.requests = append(s.requests, req)
	var reply Reply
	haveReply := len(s.replies) > 0
	if status == 0 && haveReply {
		reply, s.replies = s.replies[0], s.replies[1:]
	}
	s.mu.Unlock()

	w.Header().Set("Content-Type", "application/json")
	switch {
	case status != 0:
		writeError(w, status, strings.Join(problems, "; "))
	case !haveReply:
		writeError(w, http.StatusInternalServerError, "aitest: no reply queued")
	case reply.Raw != "":
		w.WriteHeader(max(reply.Status, 200))
		_, _ = w.Write([]byte(reply.Raw))
	case reply.Status != 0 && reply.Status != 200:
		if reply.RetryAfter != "" {
			w.Header().Set("Retry-After", reply.RetryAfter)
		}
		writeError(w, reply.Status, http.StatusText(reply.Status))
	default:
		s.writeCompletion(w, req, reply)
	}
}

// check validates the request as the real service would and returns the
// status to refuse it with (0: acceptable).
func (s *Server) check(r *http.Request, req *Request) (int, []string) {
	var problems []string
	if r.Method != http.MethodPost {
		return http.StatusMethodNotAllowed, []string{"method " + r.Method + ", want POST"}
	}
	if s.opts.Azure {
		want := "/openai/deployments/" + s.opts.Deployment + "/chat/completions"
		if r.URL.Path != want {
			return http.StatusNotFound, []string{fmt.Sprintf("path %s, want %s (DeploymentNotFound)", r.URL.Path, want)}
		}
		if v := r.URL.Query().Get("api-version"); v != s.opts.APIVersion {
			return http.StatusNotFound, []string{fmt.Sprintf("api-version %q, want %q", v, s.opts.APIVersion)}
		}
		if r.Header.Get("api-key") != s.opts.APIKey {
			return http.StatusUnauthorized, []string{"missing or wrong api-key header"}
		}
	} else {
		if r.URL.Path != "/v1/chat/completions" {
			return http.StatusNotFound, []string{"path " + r.URL.Path + ", want /v1/chat/completions"}
		}
		if r.Header.Get("Authorization") != "Bearer "+s.opts.APIKey {
			return http.StatusUnauthorized, []string{"missing or wrong Authorization: Bearer header"}
		}
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		problems = append(problems, "Content-Type "+ct+", want application/json")
	}
	if err := json.NewDecoder(r.Body).Decode(&req.Body); err != nil {
		return http.StatusBadRequest, []string{"body is not JSON: " + err.Error()}
	}
	b := req.Body
	if !s.opts.Azure && b["model"] != s.opts.Model {
		problems = append(problems, fmt.Sprintf("model %v, want %s", b["model"], s.opts.Model))
	}
	msgs, _ := b["messages"].([]any)
	if len(msgs) == 0 {
		problems = append(problems, "messages missing")
	}
	for i, m := range msgs {
		mm, _ := m.(map[string]any)
		role, _ := mm["role"].(string)
		if role != "system" && role != "user" && role != "assistant" && role != "developer" {
			problems = append(problems, fmt.Sprintf("messages[%d].role %q", i, role))
		}
		if c, _ := mm["content"].(string); c == "" {
			problems = append(problems, fmt.Sprintf("messages[%d].content empty", i))
		}
	}
	rf, _ := b["response_format"].(map[string]any)
	if rf["type"] != "json_schema" {
		problems = append(problems, fmt.Sprintf("response_format.type %v, want json_schema", rf["type"]))
	} else {
		js, _ := rf["json_schema"].(map[string]any)
		if name, _ := js["name"].(string); name == "" {
			problems = append(problems, "response_format.json_schema.name missing")
		}
		if js["strict"] != true {
			problems = append(problems, "response_format.json_schema.strict is not true")
		}
		schema, _ := js["schema"].(map[string]any)
		problems = append(problems, strictProblems("schema", schema)...)
	}
	if len(problems) > 0 {
		return http.StatusBadRequest, problems
	}
	return 0, nil
}

// strictProblems applies strict mode's rules: every object schema sets
// additionalProperties false and lists every property as required.
func strictProblems(path string, s map[string]any) []string {
	if s == nil {
		return []string{path + " missing"}
	}
	var out []string
	if s["type"] == "object" {
		if s["additionalProperties"] != false {
			out = append(out, path+": additionalProperties must be false")
		}
		props, _ := s["properties"].(map[string]any)
		req, _ := s["required"].([]any)
		if len(req) != len(props) {
			out = append(out, path+": every property must be required")
		}
		for k, p := range props {
			pm, _ := p.(map[string]any)
			out = append(out, strictProblems(path+"."+k, pm)...)
		}
	}
	if it, ok := s["items"].(map[string]any); ok {
		out = append(out, strictProblems(path+"[]", it)...)
	}
	return out
}

func (s *Server) writeCompletion(w http.ResponseWriter, req Request, r Reply) {
	finish := r.FinishReason
	if finish == "" {
		finish = "stop"
	}
	model := s.opts.Model
	if s.opts.Azure {
		model = s.opts.Deployment
	}
	_ = json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "created": 1764600000, "model": model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": finish,
			"message": map[string]any{"role": "assistant", "content": r.Content}}},
		"usage": map[string]any{"prompt_tokens": len(fmt.Sprint(req.Body["messages"])) / 4, "completion_tokens": len(r.Content) / 4,
			"total_tokens": (len(fmt.Sprint(req.Body["messages"])) + len(r.Content)) / 4},
	})
}

func writeError(w http.ResponseWriter, status int, msg string) {
	code := map[int]string{400: "invalid_request_error", 401: "invalid_api_key", 404: "DeploymentNotFound", 429: "rate_limit_exceeded"}[status]
	if code == "" {
		code = "server_error"
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": msg, "type": code, "code": code}})
}

package load

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
)

// Client talks to the router the way the web app does: JSON POSTs to
// /graphql with a bearer token, multipart for uploads, /auth/signup.
type Client struct {
	Base string // the router's base URL, e.g. http://127.0.0.1:4000
	HTTP *http.Client
	// VerifyLink returns the verification link mailed to an address after a
	// sign-up (the load generator receives the stack's mail).
	VerifyLink func(ctx context.Context, email string) (string, error)
}

// Response is a GraphQL response.
type Response struct {
	Data   json.RawMessage `json:"data"`
	Errors []GraphQLError  `json:"errors"`
}

// GraphQLError is one entry of a response's errors.
type GraphQLError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// Err is nil for a response without errors, else the first error with its
// code and the service it came from.
func (r *Response) Err() error {
	if len(r.Errors) == 0 {
		return nil
	}
	e := r.Errors[0]
	code, _ := e.Extensions["code"].(string)
	svc, _ := e.Extensions["serviceName"].(string)
	msg := e.Message
	if code != "" {
		msg = code + ": " + msg
	}
	if svc != "" {
		msg = svc + ": " + msg
	}
	if n := len(r.Errors); n > 1 {
		msg += fmt.Sprintf(" (and %d more)", n-1)
	}
	return errors.New(msg)
}

// Do runs one operation as the holder of token and decodes its data into out
// (when not nil). Transport failures, non-200 statuses and GraphQL errors are
// all errors.
func (c *Client) Do(ctx context.Context, token, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return fmt.Errorf("encoding the request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("building the request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	return c.send(req, token, out)
}

// Upload sends a CV file with the GraphQL multipart request spec and returns
// the new CV's id.
func (c *Client) Upload(ctx context.Context, token, name string, data []byte) (string, error) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("operations", `{"query":"mutation($f: Upload!) { uploadCV(file: $f) { id status } }","variables":{"f":null}}`)
	_ = w.WriteField("map", `{"0":["variables.f"]}`)
	fw, err := w.CreateFormFile("0", filepath.Base(name))
	if err != nil {
		return "", fmt.Errorf("building the upload: %w", err)
	}
	_, _ = fw.Write(data)
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("building the upload: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/graphql", &body)
	if err != nil {
		return "", fmt.Errorf("building the upload: %w", err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("GraphQL-Preflight", "1")
	var out struct {
		UploadCV struct{ ID string } `json:"uploadCV"`
	}
	if err := c.send(req, token, &out); err != nil {
		return "", err
	}
	return out.UploadCV.ID, nil
}

func (c *Client) send(req *http.Request, token string, out any) error {
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("POST /graphql: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("POST /graphql: reading the response: %w", err)
	}
	var r Response
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("POST /graphql: status %d, not JSON: %.200s", resp.StatusCode, b)
	}
	if err := r.Err(); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST /graphql: status %d", resp.StatusCode)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			return fmt.Errorf("decoding %.200s: %w", r.Data, err)
		}
	}
	return nil
}

// SignUp creates an account (signs up, follows the mailed link) and
// returns its access token.
func (c *Client) SignUp(ctx context.Context, email, password string) (string, error) {
	name, _, _ := strings.Cut(email, "@")
	if _, err := c.postAuth(ctx, "/auth/signup", map[string]string{"email": email, "password": password, "displayName": name}, http.StatusAccepted); err != nil {
		return "", err
	}
	link, err := c.VerifyLink(ctx, email)
	if err != nil {
		return "", fmt.Errorf("signup %s: %w", email, err)
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", fmt.Errorf("signup %s: link %q: %w", email, link, err)
	}
	var out struct {
		AccessToken string `json:"accessToken"`
	}
	body, err := c.postAuth(ctx, "/auth/verify-email", map[string]string{"token": u.Query().Get("token")}, http.StatusOK)
	if err != nil {
		return "", err
	}
	if err := json.Unmarshal(body, &out); err != nil || out.AccessToken == "" {
		return "", fmt.Errorf("verify-email %s: no access token (%v)", email, err)
	}
	return out.AccessToken, nil
}

// postAuth posts JSON to an /auth endpoint and wants status.
func (c *Client) postAuth(ctx context.Context, path string, v any, status int) ([]byte, error) {
	body, _ := json.Marshal(v)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+path, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("POST %s: %w", path, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("POST %s: %w", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("POST %s: reading the answer: %w", path, err)
	}
	if resp.StatusCode != status {
		return nil, fmt.Errorf("POST %s: status %d: %.200s", path, resp.StatusCode, b)
	}
	return b, nil
}

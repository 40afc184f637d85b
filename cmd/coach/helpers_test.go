//go:build !routeronly

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// postJSON posts body as JSON (with a bearer token unless it is empty) and
// returns the response body; a transport failure fails the test.
func postJSON(t *testing.T, url, token string, body any) []byte {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("POST %s: reading the answer: %v", url, err)
	}
	return out
}

// signUpToken creates an account through the router at base and returns its
// access token.
func signUpToken(t *testing.T, base, email string) string {
	t.Helper()
	raw := postJSON(t, base+"/auth/signup", "", map[string]string{"email": email, "password": "violet-Harbour-42", "displayName": "Mallory"})
	var out struct{ AccessToken string }
	if err := json.Unmarshal(raw, &out); err != nil || out.AccessToken == "" {
		t.Fatalf("signup: %s", raw)
	}
	return out.AccessToken
}

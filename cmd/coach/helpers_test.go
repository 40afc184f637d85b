//go:build !routeronly

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"
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

// signUpToken creates an account through the coach dev router at base
// (following the link from its development mailbox) and returns its access
// token.
func signUpToken(t *testing.T, base, email string) string {
	t.Helper()
	creds := map[string]any{"email": email, "password": "violet-Harbour-42", "displayName": "Mallory"}
	return accessToken(t, signUpVerified(t, base, creds, devMailLink(base, t)))
}

// signUpVerified signs up at base (a users service or the router) and
// follows the verification link that link returns; it answers the
// verify-email response (session JSON and cookies).
func signUpVerified(t *testing.T, base string, creds map[string]any, link func(email string) string) *http.Response {
	t.Helper()
	var out struct{ Status string }
	if err := json.Unmarshal(postJSON(t, base+"/auth/signup", "", creds), &out); err != nil || out.Status != "verification_sent" {
		t.Fatalf("signup: %+v %v", out, err)
	}
	u, err := url.Parse(link(creds["email"].(string)))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(map[string]string{"token": u.Query().Get("token")})
	resp, err := http.Post(base+"/auth/verify-email", "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("verify-email: %d %s", resp.StatusCode, b)
	}
	return resp
}

// accessToken decodes a session answer's access token and closes the body.
func accessToken(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	var s struct{ AccessToken string }
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil || s.AccessToken == "" {
		t.Fatalf("session answer: %+v %v", s, err)
	}
	return s.AccessToken
}

// devMailLink waits for the verification mail to email in the development
// mailbox of the coach dev at base and returns its link.
func devMailLink(base string, t *testing.T) func(email string) string {
	return func(email string) string {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			resp, err := http.Get(base + "/auth/dev/mailbox")
			if err != nil {
				t.Fatal(err)
			}
			var box []struct {
				To    string
				Links []string
			}
			err = json.NewDecoder(resp.Body).Decode(&box)
			resp.Body.Close()
			if err != nil {
				t.Fatalf("mailbox: %d %v", resp.StatusCode, err)
			}
			for _, m := range box {
				if m.To == email && len(m.Links) > 0 {
					return m.Links[0]
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("no mail to %s in the development mailbox", email)
		return ""
	}
}

//go:build !routeronly

package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"testing"
)

// cvUpload is an uploadCV request (GraphQL multipart request spec) for the
// file at path, with the session cookie (when not nil); the CSRF preflight
// header only when preflight is set.
func cvUpload(t *testing.T, url, path string, cookie *http.Cookie, preflight bool) *http.Request {
	t.Helper()
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("operations", `{"query":"mutation($f: Upload!) { uploadCV(file: $f) { id } }","variables":{"f":null}}`)
	_ = mw.WriteField("map", `{"0":["variables.f"]}`)
	fw, _ := mw.CreateFormFile("0", "cv.pdf")
	_, _ = fw.Write(file)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, url, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if preflight {
		req.Header.Set("GraphQL-Preflight", "1")
	}
	if cookie != nil {
		req.AddCookie(cookie)
	}
	return req
}

// The attack: a page on any site makes the victim's browser post a
// multipart mutation straight to a subgraph's port; the browser attaches
// the session cookie (cookies ignore ports) and sends no preflight for a
// multipart body. Every subgraph now refuses it as the router does, and
// nothing is written; with the preflight header, and through the router,
// the upload still works.
func TestDevSubgraphsRefuseForgeableMutations(t *testing.T) {
	d := startDev(t)
	addr, cookie := d.addr, signUp(t, d.addr)
	pdf := "../../subgraphs/cv/extract/testdata/fpdf-one-column.pdf"
	cvURL := "http://" + d.subAddrs["cv"] + "/graphql"

	res, err := http.DefaultClient.Do(cvUpload(t, cvURL, pdf, cookie, false))
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Errors []struct{ Extensions struct{ Code string } }
	}
	_ = json.NewDecoder(res.Body).Decode(&out)
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest || len(out.Errors) != 1 || out.Errors[0].Extensions.Code != "CSRF_PREVENTED" {
		t.Fatalf("forged upload to cv: status %d, %+v", res.StatusCode, out)
	}
	cvs := postWithCookie(t, "http://"+addr+"/graphql", cookie, `{ me { cvs { id } } }`)
	if !strings.Contains(cvs, `"cvs":[]`) {
		t.Fatalf("the forged upload stored a CV: %s", cvs)
	}

	for _, s := range devSubgraphs {
		t.Run("forged multipart mutation to "+s.name, func(t *testing.T) {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			_ = mw.WriteField("operations", `{"query":"mutation { __typename }"}`)
			_ = mw.WriteField("map", `{}`)
			_ = mw.Close()
			req, _ := http.NewRequest(http.MethodPost, "http://"+d.subAddrs[s.name]+"/graphql", &body)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.AddCookie(cookie)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", res.StatusCode)
			}
		})
	}

	t.Run("with the preflight header", func(t *testing.T) {
		res, err := http.DefaultClient.Do(cvUpload(t, cvURL, pdf, cookie, true))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var up struct {
			Data struct{ UploadCV struct{ ID string } }
		}
		if err := json.NewDecoder(res.Body).Decode(&up); err != nil || up.Data.UploadCV.ID == "" {
			t.Fatalf("upload with the header: status %d, %v", res.StatusCode, err)
		}
	})
}

// postWithCookie posts a GraphQL query as JSON with the session cookie and
// returns the answer.
func postWithCookie(t *testing.T, url string, cookie *http.Cookie, query string) string {
	t.Helper()
	raw, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(cookie)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(res.Body)
	return b.String()
}

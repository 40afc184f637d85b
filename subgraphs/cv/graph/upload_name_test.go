package graph_test

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestUploadNamesAndBrokenBodies: a file name with control characters or
// over 255 bytes is refused with BAD_USER_INPUT, nothing is stored, and a
// broken multipart body gets our message, not the MIME parser's.
func TestUploadNamesAndBrokenBodies(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ops := `{"query":"mutation($f: Upload!) { uploadCV(file: $f) { id fileName } }","variables":{"f":null}}`
		head := "--B\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n" + ops +
			"\r\n--B\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{\"0\":[\"variables.f\"]}\r\n"
		file := func(disposition string) string {
			return head + "--B\r\nContent-Disposition: form-data; name=\"0\"; " + disposition + "\r\n\r\n%PDF-" + adaCV + "\r\n--B--\r\n"
		}
		tests := []struct {
			name, body, code, want string
		}{
			{"control characters", file("filename*=UTF-8''cv%1B%5B31m.pdf"), "BAD_USER_INPUT", "this file name cannot be used: it contains a control character (U+001B)"},
			{"right-to-left override", file("filename*=UTF-8''cv%E2%80%AEfdp.exe"), "BAD_USER_INPUT", "control character (U+202E)"},
			{"too long", file(`filename="` + strings.Repeat("a", 256) + `.pdf"`), "BAD_USER_INPUT", "at most 255"},
			{"malformed part header", head + "--B\r\nContent-Disposition form-data\r\n\r\nabc\r\n--B--\r\n", "BAD_REQUEST", "the multipart body is malformed"},
			{"cut off", head + "--B\r\nContent-Disposition: form-data; name=\"0\"; filename=\"cv.pdf\"\r\n\r\n%PDF-", "BAD_REQUEST", "the multipart body is malformed"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := httptest.NewRequest("POST", "/graphql", strings.NewReader(tt.body))
				r.Header.Set("Content-Type", "multipart/form-data; boundary=B")
				resp := e.send(r, "mallory", false)
				if codes(resp) != tt.code || !strings.Contains(resp.Errors[0].Message, tt.want) {
					t.Fatalf("errors %+v, want %s %q", resp.Errors, tt.code, tt.want)
				}
			})
		}
		if list, err := e.store.CVsByUser(t.Context(), "mallory"); err != nil || len(list) != 0 {
			t.Fatalf("stored %d cvs (%v)", len(list), err)
		}
		t.Run("an unusual but valid name is kept", func(t *testing.T) {
			r := httptest.NewRequest("POST", "/graphql", strings.NewReader(file("filename*=UTF-8''%C5%81ukasiewicz%20CV%20%E5%B1%A5%E6%AD%B4.pdf")))
			r.Header.Set("Content-Type", "multipart/form-data; boundary=B")
			resp := e.send(r, "ada", false)
			if len(resp.Errors) > 0 || !strings.Contains(string(resp.Data["uploadCV"]), `"fileName":"Łukasiewicz CV 履歴.pdf"`) {
				t.Fatalf("upload %s %+v", resp.Data["uploadCV"], resp.Errors)
			}
		})
	})
}

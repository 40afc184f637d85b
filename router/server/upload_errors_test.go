package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestUploadErrorsAreOurs replays issue 20's low item: broken multipart
// bodies and hostile file names used to come back as the MIME parser's
// and the subgraph's words ("malformed MIME header: missing colon", a
// subgraph's address). Each now gets one clear, coded error.
func TestUploadErrorsAreOurs(t *testing.T) {
	e := newEdgeEnv(t, nil)
	ops := `{"query":"mutation($f: Upload!) { upload(file: $f) { filename size } }","variables":{"f":null}}`
	head := "--B\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n" + ops +
		"\r\n--B\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{\"0\":[\"variables.f\"]}\r\n"
	file := func(disposition string) string {
		return head + "--B\r\nContent-Disposition: form-data; name=\"0\"; " + disposition + "\r\n\r\nabc\r\n--B--\r\n"
	}
	const malformed = "the multipart body is malformed or ends early"
	tests := []struct {
		name, ctype, body, code, want string
	}{
		{"no boundary", "multipart/form-data", head, "BAD_REQUEST", malformed},
		{"body cut off in a file", "multipart/form-data; boundary=B", head + "--B\r\nContent-Disposition: form-data; name=\"0\"; filename=\"a.pdf\"\r\n\r\nabc", "BAD_REQUEST", malformed},
		{"malformed part header", "multipart/form-data; boundary=B", head + "--B\r\nContent-Disposition form-data\r\n\r\nabc\r\n--B--\r\n", "BAD_REQUEST", malformed},
		{"control characters in the file name", "multipart/form-data; boundary=B", file("filename*=UTF-8''cv%01%0D.pdf"), "BAD_USER_INPUT", "control character (U+0001)"},
		{"file name too long", "multipart/form-data; boundary=B", file(`filename="` + strings.Repeat("a", 300) + `.pdf"`), "BAD_USER_INPUT", "at most 255"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out := postMultipart(t, e.router.URL+"/graphql", strings.NewReader(tt.body), tt.ctype, preflight)
			if status != http.StatusBadRequest && status != http.StatusOK || len(out.Errors) != 1 {
				t.Fatalf("status %d errors %+v", status, out.Errors)
			}
			got := out.Errors[0]
			if got.Extensions["code"] != tt.code || !strings.Contains(got.Message, tt.want) || got.Extensions["serviceName"] != nil {
				t.Fatalf("error %+v, want %s %q", got, tt.code, tt.want)
			}
			for _, leak := range []string{"MIME", "127.0.0.1", "multipart:", "EOF"} {
				if strings.Contains(got.Message, leak) {
					t.Fatalf("message %q shows %q", got.Message, leak)
				}
			}
		})
	}
	t.Run("a good name still passes", func(t *testing.T) {
		status, out := postMultipart(t, e.router.URL+"/graphql", strings.NewReader(file(`filename="Łukasiewicz CV.pdf"`)), "multipart/form-data; boundary=B", preflight)
		if status != http.StatusOK || len(out.Errors) != 0 || !strings.Contains(string(out.Data["upload"]), `"filename":"Łukasiewicz CV.pdf","size":3`) {
			t.Fatalf("status %d errors %+v data %s", status, out.Errors, out.Data["upload"])
		}
	})
}

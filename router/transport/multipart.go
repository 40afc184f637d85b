package transport

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"

	"github.com/careercoach/coach/router/execute"
)

// File is one file of a GraphQL multipart request (the multipart request
// spec), streamed from Body.
type File struct {
	// Field is the form field name (the key in the map part).
	Field       string
	Filename    string
	ContentType string
	Body        io.Reader
}

// FilesFunc yields the files of a multipart request in the order they are
// to be written; it returns io.EOF after the last.
type FilesFunc func() (*File, error)

// FetchMultipart sends req with files as a GraphQL multipart request. The
// body is produced while it is sent (io.Pipe), so no file is held in
// memory whole. fileMap maps each file field to the variable paths it
// fills, e.g. {"0": ["variables.file"]}; those variables are null in req.
func (c *Client) FetchMultipart(ctx context.Context, service string, req *execute.Request, fileMap map[string][]string, files FilesFunc) (*execute.Response, error) {
	ops, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("encode request: %w", err)
	}
	m, err := json.Marshal(fileMap)
	if err != nil {
		return nil, fmt.Errorf("encode map: %w", err)
	}
	c.flight.closeAll() // an upload is a mutation (Fetch)
	defer c.flight.closeAll()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(writeMultipart(mw, ops, m, fileMap, files))
	}()
	resp, err := c.post(ctx, service, pr, mw.FormDataContentType(), req.Room)
	// Unblock the writer when the subgraph answered without reading all.
	_ = pr.CloseWithError(io.ErrClosedPipe)
	return resp, err
}

func writeMultipart(mw *multipart.Writer, ops, m []byte, fileMap map[string][]string, files FilesFunc) error {
	if err := mw.WriteField("operations", string(ops)); err != nil {
		return err
	}
	if err := mw.WriteField("map", string(m)); err != nil {
		return err
	}
	for {
		f, err := files()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if _, ok := fileMap[f.Field]; !ok {
			continue // not for this subgraph
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, escapeQuotes(f.Field), escapeQuotes(f.Filename)))
		ct := f.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		h.Set("Content-Type", ct)
		w, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, f.Body); err != nil {
			return err
		}
	}
	return mw.Close()
}

func escapeQuotes(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch r {
		case '"', '\\':
			out = append(out, '\\', r)
		case '\r', '\n':
			out = append(out, ' ')
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

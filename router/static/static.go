// Package static serves built front-end files (the web app from a
// directory, GraphiQL from the binary): compressed (a precompressed
// name.gz sibling, or gzip on the fly), with ETags, long-lived caching for
// hashed assets, no-cache for the HTML entry point, and an optional
// single-page-app fallback to it.
package static

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configure a Handler.
type Options struct {
	// Index is the entry point, default "index.html".
	Index string
	// SPA answers unknown paths without a file extension with Index, so
	// client-side routes survive a reload.
	SPA bool
	// ImmutablePrefix holds content-hashed files (Vite's "assets/"),
	// cached by browsers for a year.
	ImmutablePrefix string
}

// Handler serves files of an fs.FS.
type Handler struct {
	fsys fs.FS
	o    Options
	tags sync.Map // name|size|modtime -> ETag
}

// New returns a Handler for fsys.
func New(fsys fs.FS, o Options) *Handler {
	if o.Index == "" {
		o.Index = "index.html"
	}
	return &Handler{fsys: fsys, o: o}
}

// ServeHTTP serves r.URL.Path relative to the root of the file system.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = h.o.Index
	}
	if h.exists(name) || h.exists(name+".gz") {
		h.serve(w, r, name)
		return
	}
	if h.o.SPA && !strings.Contains(path.Base(name), ".") {
		h.serve(w, r, h.o.Index)
		return
	}
	http.NotFound(w, r)
}

// ServeIndex serves the entry point whatever the request path.
func (h *Handler) ServeIndex(w http.ResponseWriter, r *http.Request) { h.serve(w, r, h.o.Index) }

func (h *Handler) exists(name string) bool {
	fi, err := fs.Stat(h.fsys, name)
	return err == nil && !fi.IsDir()
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request, name string) {
	gzName := name + ".gz"
	hasPlain, hasGz := h.exists(name), h.exists(gzName)
	if !hasPlain && !hasGz {
		http.NotFound(w, r)
		return
	}
	hdr := w.Header()
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	hdr.Set("Content-Type", ct)
	hdr.Set("Vary", "Accept-Encoding")
	hdr.Set("X-Content-Type-Options", "nosniff")
	switch {
	case h.o.ImmutablePrefix != "" && strings.HasPrefix(name, h.o.ImmutablePrefix):
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	default:
		hdr.Set("Cache-Control", "no-cache") // revalidate with the ETag
	}
	src := name
	if !hasPlain {
		src = gzName
	}
	tag, err := h.etag(src)
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	hdr.Set("ETag", tag)
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	gzipOK := acceptsGzip(r)
	switch {
	case hasGz && gzipOK:
		h.copy(w, r, gzName, true, nil)
	case !hasPlain: // only compressed: inflate for the rare client without gzip
		h.copy(w, r, gzName, false, func(rd io.Reader) (io.Reader, error) { return gzip.NewReader(rd) })
	case gzipOK && compressible(ct):
		h.gzipOnTheFly(w, r, name)
	default:
		f, err := h.fsys.Open(name)
		if err != nil {
			http.Error(w, "cannot read file", http.StatusInternalServerError)
			return
		}
		defer f.Close()
		if rs, ok := f.(io.ReadSeeker); ok {
			http.ServeContent(w, r, "", time.Time{}, rs)
			return
		}
		h.copy(w, r, name, false, nil)
	}
}

func (h *Handler) copy(w http.ResponseWriter, r *http.Request, name string, gzipped bool, wrap func(io.Reader) (io.Reader, error)) {
	f, err := h.fsys.Open(name)
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	var rd io.Reader = f
	if wrap != nil {
		if rd, err = wrap(f); err != nil {
			http.Error(w, "cannot read file", http.StatusInternalServerError)
			return
		}
	}
	if gzipped {
		w.Header().Set("Content-Encoding", "gzip")
		if fi, err := f.Stat(); err == nil {
			w.Header().Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
		}
	}
	if r.Method == http.MethodHead {
		return
	}
	_, _ = io.Copy(w, rd)
}

func (h *Handler) gzipOnTheFly(w http.ResponseWriter, r *http.Request, name string) {
	f, err := h.fsys.Open(name)
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Encoding", "gzip")
	if r.Method == http.MethodHead {
		return
	}
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(w)
	_, _ = io.Copy(zw, f)
	_ = zw.Close()
}

var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression)
	return zw
}}

// etag is a strong validator from the file's bytes, cached per file
// version (size and modification time).
func (h *Handler) etag(name string) (string, error) {
	fi, err := fs.Stat(h.fsys, name)
	if err != nil {
		return "", err
	}
	key := name + "|" + strconv.FormatInt(fi.Size(), 10) + "|" + fi.ModTime().String()
	if t, ok := h.tags.Load(key); ok {
		return t.(string), nil
	}
	b, err := fs.ReadFile(h.fsys, name)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	t := `"` + hex.EncodeToString(sum[:12]) + `"`
	h.tags.Store(key, t)
	return t, nil
}

func etagMatches(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == tag || t == "*" {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") || strings.Contains(params, "q=0.")
		}
	}
	return false
}

func compressible(ct string) bool {
	mt, _, _ := mime.ParseMediaType(ct)
	return strings.HasPrefix(mt, "text/") || mt == "application/javascript" || mt == "application/json" ||
		mt == "image/svg+xml" || mt == "application/wasm" || mt == "application/manifest+json"
}

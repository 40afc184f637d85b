// Package extract turns an uploaded CV (PDF or DOCX) into plain text in
// reading order, under hard limits, and judges whether that text is good
// enough to analyse (Check).
//
// Files are untrusted. Extract runs the parser in a child process (the
// current binary re-executed, see RunChildIfRequested) with an address-space
// limit and kills it on timeout: a goroutine cannot be stopped, so a parser
// that loops or balloons on a crafted file must live in a process that can.
package extract

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"unicode/utf8"
)

// Document is the text of a file.
type Document struct {
	Kind  Kind   `json:"kind"`
	Pages int    `json:"pages"` // PDF pages; 0 for DOCX (it has no fixed pages)
	Text  string `json:"text"`  // lines separated by \n, in reading order
}

// Extract reads data (a PDF or DOCX, by content) within lim, in a child
// process when the current executable can be re-executed, else in-process.
func Extract(ctx context.Context, data []byte, lim Limits) (Document, error) {
	lim = lim.withDefaults()
	if _, err := precheck(data, lim); err != nil {
		return Document{}, err
	}
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}
	doc, err := runChild(ctx, data, lim)
	if errors.Is(err, errNoChild) {
		return ExtractInProcess(ctx, data, lim)
	}
	return doc, err
}

// ExtractInProcess extracts in the calling process. The timeout is honoured
// by the parsers' own context checks and by abandoning the work, and panics
// are recovered, but memory is not capped: use Extract for untrusted files.
func ExtractInProcess(ctx context.Context, data []byte, lim Limits) (Document, error) {
	lim = lim.withDefaults()
	if _, err := precheck(data, lim); err != nil {
		return Document{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	type result struct {
		doc Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		doc, err := extractDirect(ctx, data, lim)
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return Document{}, ErrTimeout
		}
		return Document{}, ctx.Err()
	}
}

func precheck(data []byte, lim Limits) (Kind, error) {
	if int64(len(data)) > lim.MaxBytes {
		return "", fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), lim.MaxBytes)
	}
	return Sniff(data)
}

// extractDirect is the parser proper; the child process runs it. A panic in
// a parser (a library bug on a malformed file) becomes ErrCorrupt.
func extractDirect(ctx context.Context, data []byte, lim Limits) (doc Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc = Document{}
			err = fmt.Errorf("%w: parser panic: %v\n%s", ErrCorrupt, r, firstLines(string(debug.Stack()), 12))
		}
	}()
	kind, err := precheck(data, lim)
	if err != nil {
		return Document{}, err
	}
	switch kind {
	case PDF:
		doc, err = extractPDF(ctx, data, lim)
	case DOCX:
		doc, err = extractDOCX(ctx, data, lim)
	default:
		return Document{}, ErrUnsupported
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return Document{}, ErrTimeout
		}
		return Document{}, err
	}
	doc.Kind = kind
	doc.Text = normalizeText(doc.Text)
	if n := utf8.RuneCountInString(doc.Text); n > lim.MaxTextChars {
		return Document{}, textTooLong(n, lim.MaxTextChars, true)
	}
	return doc, nil
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// deadlineCheck is called in parsers' inner loops; it reads the clock only
// every 4096 calls so that the check costs nothing measurable.
type deadlineCheck struct {
	ctx context.Context
	n   int
}

func (d *deadlineCheck) tick() error {
	d.n++
	if d.n&4095 != 0 {
		return nil
	}
	return d.ctx.Err()
}

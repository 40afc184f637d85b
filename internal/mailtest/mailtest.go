// Package mailtest runs a real SMTP server in-process for tests: it receives
// what the code under test sends, decodes it and finds the links in it.
package mailtest

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	coachmail "github.com/careercoach/coach/internal/mail"
)

// Message is a received mail, decoded.
type Message struct {
	From    string
	To      []string
	Subject string
	Text    string
}

// Links returns the http(s) links in the message's text.
func (m Message) Links() []string { return coachmail.Links(m.Text) }

// Server is an SMTP server on a loopback port that keeps every message.
type Server struct {
	srv  *smtp.Server
	l    net.Listener
	addr *net.TCPAddr

	mu      sync.Mutex
	msgs    []Message
	arrived chan struct{} // closed and replaced on each message
	done    chan struct{} // closed when Serve returned
}

// Start runs a server on a loopback port until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatalf("mailtest: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// Listen runs a server on addr until Close, for programs that are not tests
// (the load generator).
func Listen(addr string) (*Server, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listening for SMTP: %w", err)
	}
	s := &Server{l: l, addr: l.Addr().(*net.TCPAddr), arrived: make(chan struct{}), done: make(chan struct{})}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	s.srv.Domain = "localhost"
	s.srv.ReadTimeout, s.srv.WriteTimeout = 30*time.Second, 30*time.Second
	s.srv.MaxMessageBytes = 1 << 20
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(l)
	}()
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error {
	err := s.srv.Close()
	_ = s.l.Close() // Serve may not have taken the listener yet
	<-s.done
	return err
}

// Host and Port are where the server listens.
func (s *Server) Host() string { return s.addr.IP.String() }

// Port is the server's TCP port.
func (s *Server) Port() int { return s.addr.Port }

// Config is a sender configuration for this server (no TLS, no auth).
func (s *Server) Config() coachmail.Config {
	return coachmail.Config{Host: s.Host(), Port: s.Port(), From: "Career Coach <no-reply@example.com>", TLS: coachmail.TLSNone, Timeout: 10 * time.Second}
}

// Messages returns every message received so far, oldest first.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Wait returns the newest message to `to` (case-insensitive) whose subject
// contains subject, waiting for one; it fails the test after timeout.
func (s *Server) Wait(t testing.TB, to, subject string, timeout time.Duration) Message {
	t.Helper()
	m, err := s.WaitContext(context.Background(), to, subject, timeout)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// WaitContext is Wait without a test, for programs and helpers.
func (s *Server) WaitContext(ctx context.Context, to, subject string, timeout time.Duration) (Message, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		s.mu.Lock()
		arrived := s.arrived
		for i := len(s.msgs) - 1; i >= 0; i-- {
			m := s.msgs[i]
			if matches(m, to, subject) {
				s.mu.Unlock()
				return m, nil
			}
		}
		s.mu.Unlock()
		select {
		case <-arrived:
		case <-ctx.Done():
			return Message{}, fmt.Errorf("mailtest: no mail to %s with subject containing %q within %s (received %d messages)", to, subject, timeout, len(s.Messages()))
		}
	}
}

// Take is Wait that also removes the message, so the next Wait for the same
// address sees only later mail.
func (s *Server) Take(t testing.TB, to, subject string, timeout time.Duration) Message {
	t.Helper()
	m := s.Wait(t, to, subject, timeout)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.msgs) - 1; i >= 0; i-- {
		if matches(s.msgs[i], to, subject) {
			s.msgs = append(s.msgs[:i], s.msgs[i+1:]...)
			break
		}
	}
	return m
}

// Link returns the first link in m whose path starts with pathPrefix.
func Link(t testing.TB, m Message, pathPrefix string) string {
	t.Helper()
	for _, l := range m.Links() {
		if i := strings.Index(l, "://"); i >= 0 {
			rest := l[i+3:]
			if j := strings.IndexByte(rest, '/'); j >= 0 && strings.HasPrefix(rest[j:], pathPrefix) {
				return l
			}
		}
	}
	t.Fatalf("mailtest: no link to %s in mail %q:\n%s", pathPrefix, m.Subject, m.Text)
	return ""
}

func matches(m Message, to, subject string) bool {
	if !strings.Contains(m.Subject, subject) {
		return false
	}
	for _, r := range m.To {
		if strings.EqualFold(r, to) {
			return true
		}
	}
	return false
}

func (s *Server) add(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, m)
	close(s.arrived)
	s.arrived = make(chan struct{})
}

type session struct {
	s    *Server
	from string
	to   []string
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }
func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	x.from = from
	return nil
}
func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.to = append(x.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	msg, err := mail.ReadMessage(r)
	if err != nil {
		return fmt.Errorf("mailtest: parsing message: %w", err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		return fmt.Errorf("mailtest: decoding subject: %w", err)
	}
	text, err := bodyText(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
	if err != nil {
		return err
	}
	x.s.add(Message{From: x.from, To: append([]string(nil), x.to...), Subject: subject, Text: text})
	return nil
}

// bodyText decodes a text/plain body, or the first text/plain part of a
// multipart one.
func bodyText(contentType, encoding string, body io.Reader) (string, error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = "text/plain"
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return "", fmt.Errorf("mailtest: no text/plain part: %w", err)
			}
			if strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain") || strings.HasPrefix(p.Header.Get("Content-Type"), "multipart/") {
				return bodyText(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p)
			}
		}
	}
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, &crlfStripper{r: body})
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return "", fmt.Errorf("mailtest: decoding body: %w", err)
	}
	return string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))), nil
}

// crlfStripper drops line breaks from base64 text.
type crlfStripper struct{ r io.Reader }

func (c *crlfStripper) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	out := p[:0]
	for _, b := range p[:n] {
		if b != '\r' && b != '\n' {
			out = append(out, b)
		}
	}
	return len(out), err
}

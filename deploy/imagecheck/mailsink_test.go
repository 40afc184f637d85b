package main

import (
	"io"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// mailSink is an SMTP server inside the containers' network namespace: the
// users service refuses to start without one, and a sign-up is finished by
// the link it mails.
type mailSink struct {
	mu     sync.Mutex
	bodies map[string][]string // recipient → decoded bodies
}

// smtpEnv points a users container at the sink started by startNSMail.
var smtpEnv = []string{"COACH_SMTP_HOST=127.0.0.1", "COACH_SMTP_PORT=2525", "COACH_SMTP_TLS=none", "COACH_SMTP_FROM=no-reply@example.com"}

func startNSMail(t *testing.T, ns *NetNS) *mailSink {
	t.Helper()
	l, err := ns.Listen("tcp", "127.0.0.1:2525")
	if err != nil {
		t.Fatal(err)
	}
	sink := &mailSink{bodies: map[string][]string{}}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &sinkSession{sink: sink}, nil }))
	srv.Domain, srv.ReadTimeout, srv.WriteTimeout, srv.MaxMessageBytes = "localhost", 30*time.Second, 30*time.Second, 1<<20
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return sink
}

// token waits for a mail to `to` with a link to path and returns its token.
func (s *mailSink) token(t *testing.T, to, path string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		bodies := s.bodies[to]
		s.mu.Unlock()
		for _, b := range bodies {
			if i := strings.Index(b, path+"?token="); i >= 0 {
				tok := b[i+len(path+"?token="):]
				if end := strings.IndexFunc(tok, func(r rune) bool { return r <= ' ' }); end >= 0 {
					tok = tok[:end]
				}
				return tok
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no mail to %s with a %s link", to, path)
	return ""
}

type sinkSession struct {
	sink *mailSink
	to   []string
}

func (x *sinkSession) Reset()                                    { x.to = nil }
func (x *sinkSession) Logout() error                             { return nil }
func (x *sinkSession) Mail(string, *smtp.MailOptions) error      { return nil }
func (x *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error { x.to = append(x.to, to); return nil }

func (x *sinkSession) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	body := m.Body
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	x.sink.mu.Lock()
	defer x.sink.mu.Unlock()
	for _, to := range x.to {
		x.sink.bodies[to] = append(x.sink.bodies[to], string(b))
	}
	return nil
}

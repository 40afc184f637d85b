// Package mail sends the platform's email: through an SMTP server in
// production, into an in-memory development mailbox in `coach dev`.
package mail

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/careercoach/coach/internal/config"
)

// Message is one plain-text email.
type Message struct {
	To      string
	Subject string
	Text    string
}

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// TLS modes of the SMTP connection.
const (
	TLSStartTLS = "starttls" // plain connection upgraded with STARTTLS, which is required (port 587)
	TLSImplicit = "tls"      // TLS from the first byte (port 465)
	TLSNone     = "none"     // no encryption: only for a relay on the same host
)

// Config says how to reach the SMTP server. An empty Host means none.
type Config struct {
	Host     string
	Port     int
	Username string
	Password string
	From     string
	TLS      string
	Timeout  time.Duration
}

// Bind registers the SMTP flags.
func Bind(fs *config.FlagSet, c *Config) {
	fs.String(&c.Host, "smtp-host", "COACH_SMTP_HOST", "", "SMTP server that sends account email (verification, password reset); required except in coach dev")
	fs.Int(&c.Port, "smtp-port", "COACH_SMTP_PORT", 587, "SMTP server port")
	fs.String(&c.Username, "smtp-user", "COACH_SMTP_USER", "", "SMTP user name (empty: no authentication)")
	fs.Secret(&c.Password, "smtp-password", "COACH_SMTP_PASSWORD", "SMTP password")
	fs.String(&c.From, "smtp-from", "COACH_SMTP_FROM", "Career Coach <no-reply@localhost>", "sender address of account email")
	fs.String(&c.TLS, "smtp-tls", "COACH_SMTP_TLS", TLSStartTLS, "SMTP encryption: starttls (required STARTTLS), tls (implicit TLS) or none (local relay only)")
	fs.Duration(&c.Timeout, "smtp-timeout", "COACH_SMTP_TIMEOUT", 30*time.Second, "time limit for handing one message to the SMTP server")
}

// Validate checks a configuration that names a host.
func (c Config) Validate() error {
	if c.Host == "" {
		return nil
	}
	var errs []error
	if c.Port < 1 || c.Port > 65535 {
		errs = append(errs, fmt.Errorf("--smtp-port %d: want 1-65535", c.Port))
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		errs = append(errs, fmt.Errorf("--smtp-from %q: want an address such as Career Coach <no-reply@example.com>", c.From))
	}
	if c.TLS != TLSStartTLS && c.TLS != TLSImplicit && c.TLS != TLSNone {
		errs = append(errs, fmt.Errorf("--smtp-tls %q: want starttls, tls or none", c.TLS))
	}
	if c.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("--smtp-timeout %s: want a positive duration", c.Timeout))
	}
	return errors.Join(errs...)
}

// Env is the configuration as the COACH_SMTP_* variables Bind reads, for a
// child process (empty when no host is set).
func (c Config) Env() []string {
	if c.Host == "" {
		return nil
	}
	return []string{"COACH_SMTP_HOST=" + c.Host, "COACH_SMTP_PORT=" + strconv.Itoa(c.Port), "COACH_SMTP_USER=" + c.Username,
		"COACH_SMTP_PASSWORD=" + c.Password, "COACH_SMTP_FROM=" + c.From, "COACH_SMTP_TLS=" + c.TLS,
		"COACH_SMTP_TIMEOUT=" + c.Timeout.String()}
}

// SMTP sends each message over a new connection to the configured server.
type SMTP struct {
	cfg Config
}

// NewSMTP returns a sender for a validated configuration with a host.
func NewSMTP(cfg Config) (*SMTP, error) {
	if cfg.Host == "" {
		return nil, errors.New("no SMTP host configured")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &SMTP{cfg: cfg}, nil
}

// Send delivers one message.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	msg := gomail.NewMsg()
	if err := msg.From(s.cfg.From); err != nil {
		return fmt.Errorf("setting sender %q: %w", s.cfg.From, err)
	}
	if err := msg.To(m.To); err != nil {
		return fmt.Errorf("setting recipient: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	opts := []gomail.Option{gomail.WithPort(s.cfg.Port), gomail.WithTimeout(s.cfg.Timeout)}
	switch s.cfg.TLS {
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.cfg.Username != "" {
		auth := gomail.SMTPAuthPlain
		if s.cfg.TLS == TLSNone {
			auth = gomail.SMTPAuthPlainNoEnc // the operator chose a local relay without TLS
		}
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password))
	}
	c, err := gomail.NewClient(s.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("configuring SMTP client: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("sending mail through %s:%d: %w", s.cfg.Host, s.cfg.Port, err)
	}
	return nil
}

// maxLinks bounds how many links Links returns from one text.
const maxLinks = 20

// Links returns the http(s) URLs in a text, in order. It is one linear pass.
func Links(text string) []string {
	var out []string
	for len(out) < maxLinks {
		i := strings.Index(text, "http")
		if i < 0 {
			break
		}
		text = text[i:]
		if !strings.HasPrefix(text, "http://") && !strings.HasPrefix(text, "https://") {
			text = text[4:]
			continue
		}
		end := strings.IndexFunc(text, func(r rune) bool { return r <= ' ' || r == '"' || r == '<' || r == '>' })
		if end < 0 {
			end = len(text)
		}
		out = append(out, strings.TrimRight(text[:end], ".,;)"))
		text = text[end:]
	}
	return out
}

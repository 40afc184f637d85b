package mail_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/mail"
	"github.com/careercoach/coach/internal/mailtest"
)

func TestSMTPDeliversThroughARealServer(t *testing.T) {
	srv := mailtest.Start(t)
	s, err := mail.NewSMTP(srv.Config())
	if err != nil {
		t.Fatal(err)
	}
	// A long token survives quoted-printable line wrapping; non-ASCII text
	// and subjects arrive as written.
	link := "http://localhost:4000/verify-email?token=" + strings.Repeat("aZ_-09", 20)
	msg := mail.Message{To: "ada@example.com", Subject: "Bestätigen Sie Ihre Adresse", Text: "Grüße,\n\nopen:\n\n" + link + "\n"}
	if err := s.Send(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	got := srv.Wait(t, "ada@example.com", "Bestätigen", 5*time.Second)
	if got.Subject != msg.Subject || !strings.Contains(got.Text, "Grüße") || !slices.Equal(got.Links(), []string{link}) {
		t.Fatalf("received %+v, links %v", got, got.Links())
	}
	if got.From != "no-reply@example.com" {
		t.Fatalf("envelope sender %q", got.From)
	}
}

func TestSMTPReportsAnUnreachableServer(t *testing.T) {
	srv := mailtest.Start(t)
	cfg := srv.Config()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := mail.NewSMTP(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), mail.Message{To: "a@example.com", Subject: "x", Text: "y"}); err == nil || !strings.Contains(err.Error(), "sending mail through 127.0.0.1") {
		t.Fatalf("err = %v", err)
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"none", "no links here, only http and https words", nil},
		{"two, trailing punctuation dropped", "Go to https://a.example/x?token=1. Or (http://b.example/y).", []string{"https://a.example/x?token=1", "http://b.example/y"}},
		{"at the end", "link:\nhttp://localhost:4000/reset-password?token=abc", []string{"http://localhost:4000/reset-password?token=abc"}},
		{"bounded", strings.Repeat("http://x.example/ ", 100), slices.Repeat([]string{"http://x.example/"}, 20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mail.Links(tt.text); !slices.Equal(got, tt.want) {
				t.Fatalf("Links = %v, want %v", got, tt.want)
			}
		})
	}
}

// flaky fails its first n sends.
type flaky struct {
	fails atomic.Int32
	sent  chan mail.Message
}

func (f *flaky) Send(_ context.Context, m mail.Message) error {
	if f.fails.Add(-1) >= 0 {
		return errors.New("421 try again later")
	}
	f.sent <- m
	return nil
}

func TestQueue(t *testing.T) {
	t.Run("retries a failed send", func(t *testing.T) {
		f := &flaky{sent: make(chan mail.Message, 1)}
		f.fails.Store(1)
		q := mail.NewQueue(f, 4, time.Second, logging.Discard())
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- q.Run(ctx) }()
		defer func() { cancel(); <-done }()
		if err := q.Send(ctx, mail.Message{To: "a@example.com", Subject: "s"}); err != nil {
			t.Fatal(err)
		}
		select {
		case m := <-f.sent:
			if m.To != "a@example.com" {
				t.Fatalf("sent %+v", m)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("not sent after a retry")
		}
	})
	t.Run("a full queue says so at once", func(t *testing.T) {
		q := mail.NewQueue(&flaky{sent: make(chan mail.Message)}, 1, time.Second, logging.Discard())
		if err := q.Send(context.Background(), mail.Message{}); err != nil {
			t.Fatal(err)
		}
		if err := q.Send(context.Background(), mail.Message{}); !errors.Is(err, mail.ErrQueueFull) {
			t.Fatalf("err = %v, want ErrQueueFull", err)
		}
	})
}

func TestMailboxKeepsTheNewestFirst(t *testing.T) {
	b := &mail.Mailbox{Log: logging.Discard(), Now: time.Now}
	for i := range 205 {
		if err := b.Send(context.Background(), mail.Message{To: "a@example.com", Subject: string(rune('a' + i%26)), Text: "see http://x.example/"}); err != nil {
			t.Fatal(err)
		}
	}
	got := b.Messages()
	if len(got) != 200 || got[0].ID != "205" || got[199].ID != "6" || !slices.Equal(got[0].Links, []string{"http://x.example/"}) {
		t.Fatalf("%d messages, first %+v, last %+v", len(got), got[0], got[len(got)-1])
	}
}

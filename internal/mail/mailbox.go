package mail

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// mailboxSize is how many messages the development mailbox keeps.
const mailboxSize = 200

// Stored is a message the development mailbox kept.
type Stored struct {
	ID      string    `json:"id"`
	To      string    `json:"to"`
	Subject string    `json:"subject"`
	Text    string    `json:"text"`
	Links   []string  `json:"links"`
	SentAt  time.Time `json:"sentAt"`
}

// Mailbox is the development sender of `coach dev` without SMTP: it writes
// each message to the log and keeps the latest ones for GET /auth/dev/mailbox,
// so the account flows work offline. It is never used by a production process.
type Mailbox struct {
	Log *slog.Logger
	Now func() time.Time

	mu   sync.Mutex
	next int
	msgs []Stored // oldest first, at most mailboxSize
}

// Send logs and keeps m.
func (b *Mailbox) Send(ctx context.Context, m Message) error {
	b.mu.Lock()
	b.next++
	s := Stored{ID: strconv.Itoa(b.next), To: m.To, Subject: m.Subject, Text: m.Text, Links: Links(m.Text), SentAt: b.Now().UTC()}
	if s.Links == nil {
		s.Links = []string{}
	}
	if len(b.msgs) == mailboxSize {
		b.msgs = append(b.msgs[:0], b.msgs[1:]...)
	}
	b.msgs = append(b.msgs, s)
	b.mu.Unlock()
	b.Log.InfoContext(ctx, "development mail (no SMTP configured; see GET /auth/dev/mailbox)", "to", m.To, "subject", m.Subject, "text", m.Text)
	return nil
}

// Messages returns the kept messages, newest first.
func (b *Mailbox) Messages() []Stored {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Stored, len(b.msgs))
	for i, m := range b.msgs {
		out[len(b.msgs)-1-i] = m
	}
	return out
}

// ServeHTTP answers the kept messages as JSON, newest first.
func (b *Mailbox) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(b.Messages())
}

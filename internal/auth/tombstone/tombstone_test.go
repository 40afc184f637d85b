package tombstone_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
	"github.com/careercoach/coach/internal/auth/tombstone"
	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
)

// notes stands for a service's own data: rows owned by a user.
var notes = db.Migrations{Name: "notes", FS: fstest.MapFS{"001_notes.sql": {Data: []byte(`-- +goose Up
CREATE TABLE notes (id TEXT PRIMARY KEY, user_id TEXT NOT NULL);
-- +goose Down
DROP TABLE notes;
`)}}}

// service is a minimal service on d: writes notes, erases a user's notes on
// user.deleted and stores the user of any note.written event.
type service struct{ d *db.DB }

func (s service) write(t *testing.T, id, user string) {
	t.Helper()
	if _, err := s.d.ExecContext(t.Context(), `INSERT INTO notes (id, user_id) VALUES ($1, $2)`, id, user); err != nil {
		t.Fatal(err)
	}
}

func (s service) count(t *testing.T, user string) int {
	t.Helper()
	var n int
	if err := s.d.QueryRowContext(t.Context(), `SELECT count(*) FROM notes WHERE user_id = $1`, user).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (s service) handle(ctx context.Context, tx *sql.Tx, ev bus.Event) error {
	var p struct{ UserID, NoteID string }
	_ = json.Unmarshal(ev.Payload, &p)
	switch ev.Type {
	case bus.UserDeleted:
		_, err := tx.ExecContext(ctx, `DELETE FROM notes WHERE user_id = $1`, ev.Subject)
		return err
	case "note.written":
		_, err := tx.ExecContext(ctx, `INSERT INTO notes (id, user_id) VALUES ($1, $2)`, p.NoteID, p.UserID)
		return err
	}
	return nil
}

func event(id, typ, subject string, payload map[string]string) bus.Event {
	raw, _ := json.Marshal(payload)
	return bus.Event{ID: id, Type: typ, Subject: subject, Payload: raw, OccurredAt: time.Now()}
}

func TestDeletionIsRefusedAndErased(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := t.Context()
		svc := service{d}
		ts := tombstone.New(d)
		h := bus.Idempotent(d, "notes", logging.Discard(), tombstone.Handle(svc.handle))
		svc.write(t, "n1", "ada")
		svc.write(t, "n2", "bob")

		t.Run("user.deleted records the tombstone with the erase", func(t *testing.T) {
			if revoked, err := ts.Revoked(ctx, "ada"); err != nil || revoked {
				t.Fatalf("before deletion: revoked=%v err=%v", revoked, err)
			}
			if err := h(ctx, event("e1", bus.UserDeleted, "ada", map[string]string{"userId": "ada"})); err != nil {
				t.Fatal(err)
			}
			if revoked, err := ts.Revoked(ctx, "ada"); err != nil || !revoked {
				t.Fatalf("after deletion: revoked=%v err=%v", revoked, err)
			}
			if n := svc.count(t, "ada"); n != 0 {
				t.Fatalf("%d notes of ada left", n)
			}
			if revoked, _ := ts.Revoked(ctx, "bob"); revoked || svc.count(t, "bob") != 1 {
				t.Fatal("bob was touched by ada's deletion")
			}
		})
		t.Run("a restarted service still refuses", func(t *testing.T) {
			if revoked, err := tombstone.New(d).Revoked(ctx, "ada"); err != nil || !revoked {
				t.Fatalf("fresh store: revoked=%v err=%v", revoked, err)
			}
		})
		t.Run("a late event about the deleted user is dropped", func(t *testing.T) {
			late := event("e2", "note.written", "n3", map[string]string{"userId": "ada", "noteId": "n3"})
			if err := h(ctx, late); err != nil {
				t.Fatal(err)
			}
			if n := svc.count(t, "ada"); n != 0 {
				t.Fatalf("late event stored %d notes of a deleted user", n)
			}
			other := event("e3", "note.written", "n4", map[string]string{"userId": "bob", "noteId": "n4"})
			if err := h(ctx, other); err != nil || svc.count(t, "bob") != 2 {
				t.Fatalf("bob's event: err=%v notes=%d", err, svc.count(t, "bob"))
			}
		})
		t.Run("the sweep erases a write that raced the deletion", func(t *testing.T) {
			svc.write(t, "n5", "ada") // committed just after the erase
			sw := &tombstone.Sweeper{DB: d, Store: ts, Erase: tombstone.Handle(svc.handle), Window: time.Minute, Log: logging.Discard()}
			n, err := sw.Sweep(ctx, time.Now())
			if err != nil || n != 1 {
				t.Fatalf("sweep: swept %d, err %v", n, err)
			}
			if n := svc.count(t, "ada"); n != 0 {
				t.Fatalf("%d notes of ada left after the sweep", n)
			}
			if svc.count(t, "bob") != 2 {
				t.Fatal("the sweep erased bob's notes")
			}
			// Past the window nothing is swept: no write can race that late.
			if n, err := sw.Sweep(ctx, time.Now().Add(2*time.Minute)); err != nil || n != 0 {
				t.Fatalf("sweep past the window: swept %d, err %v", n, err)
			}
		})
		t.Run("redelivered user.deleted keeps the first tombstone", func(t *testing.T) {
			before, err := ts.DeletedSince(ctx, time.Time{}, 10)
			if err != nil || len(before) != 1 {
				t.Fatalf("tombstones %v, err %v", before, err)
			}
			again := event("e4", bus.UserDeleted, "ada", nil)
			again.OccurredAt = time.Now().Add(time.Hour)
			if err := h(ctx, again); err != nil {
				t.Fatal(err)
			}
			after, err := ts.DeletedSince(ctx, time.Time{}, 10)
			if err != nil || len(after) != 1 || !after[0].DeletedAt.Equal(before[0].DeletedAt) {
				t.Fatalf("tombstones after redelivery %v, before %v (err %v)", after, before, err)
			}
		})
	}, tombstone.Migrations(), bus.Migrations(), notes)
}

// TestRouterFeed replays what the router does: it copies recent deletions
// from the users service's feed (service credential required) and refuses
// their tokens; a failing feed keeps the last copy.
func TestRouterFeed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := t.Context()
		ts := tombstone.New(d)
		const secret = "0123456789abcdef-secret"
		record := func(subject string, at time.Time) {
			if err := d.WithTx(ctx, func(tx *sql.Tx) error { return tombstone.Record(ctx, tx, subject, at) }); err != nil {
				t.Fatal(err)
			}
		}
		record("old", time.Now().Add(-time.Hour)) // its tokens have expired
		record("ada", time.Now())
		feedHandler := tombstone.FeedHandler(ts, 16*time.Minute, secret)
		up := true
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !up {
				http.Error(w, "down", http.StatusBadGateway)
				return
			}
			feedHandler.ServeHTTP(w, r)
		}))
		t.Cleanup(srv.Close)

		t.Run("without the service credential the feed refuses", func(t *testing.T) {
			_, err := tombstone.FetchFeed(srv.Client(), srv.URL, "guess-guess-guess")(ctx)
			if err == nil {
				t.Fatal("feed answered a caller without the credential")
			}
		})
		feed := &tombstone.Feed{Fetch: tombstone.FetchFeed(srv.Client(), srv.URL, secret), Log: logging.Discard()}
		if err := feed.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			subject string
			want    bool
		}{{"ada", true}, {"bob", false}, {"old", false}}
		for _, tt := range tests {
			t.Run("revoked "+tt.subject, func(t *testing.T) {
				if got, err := feed.Revoked(ctx, tt.subject); err != nil || got != tt.want {
					t.Fatalf("Revoked(%s) = %v, %v; want %v", tt.subject, got, err, tt.want)
				}
			})
		}
		t.Run("a failing feed keeps the last copy", func(t *testing.T) {
			up = false
			if err := feed.Refresh(ctx); err == nil {
				t.Fatal("refresh from a failing feed succeeded")
			}
			if got, _ := feed.Revoked(ctx, "ada"); !got {
				t.Fatal("the router forgot a deletion when the feed failed")
			}
			up = true
		})
		t.Run("a verifier with the feed refuses the subject's valid token", func(t *testing.T) {
			iss := authtest.New(t)
			v := iss.Verifier.WithRevocations(feed)
			if _, err := v.Verify(ctx, iss.Token(t, "ada")); !errors.Is(err, auth.ErrRevoked) {
				t.Fatalf("ada's token: %v, want ErrRevoked", err)
			}
			if _, err := v.Verify(ctx, iss.Token(t, "bob")); err != nil {
				t.Fatalf("bob's token: %v", err)
			}
			if _, err := iss.Verifier.Verify(ctx, iss.Token(t, "ada")); err != nil {
				t.Fatalf("the original verifier changed: %v", err)
			}
		})
	}, tombstone.Migrations())
}

func TestRecordNeedsASubject(t *testing.T) {
	d := dbtest.Open(t, db.SQLite, tombstone.Migrations())
	err := d.WithTx(t.Context(), func(tx *sql.Tx) error { return tombstone.Record(t.Context(), tx, "", time.Now()) })
	if err == nil {
		t.Fatalf("Record with no subject: %v", err)
	}
}

package bus_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

// service is a stand-in for a subgraph's own migrations: a business table
// and a table where event handlers leave their effects.
var service = db.Migrations{Name: "svc", FS: fstest.MapFS{
	"001_svc.sql": {Data: []byte(`-- +goose Up
CREATE TABLE notes (id TEXT PRIMARY KEY);
CREATE TABLE effects (consumer TEXT NOT NULL, event_id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (consumer, event_id));
`)},
}}

// each runs fn per database engine and bus implementation, as subtests
// such as "sqlite/membus" and "postgres/redis".
func each(t *testing.T, fn func(t *testing.T, d *db.DB, b bus.Bus)) {
	t.Helper()
	for _, dialect := range dbtest.Dialects() {
		t.Run(string(dialect), func(t *testing.T) {
			for _, f := range bustest.Factories() {
				t.Run(f.Name, func(t *testing.T) {
					fn(t, dbtest.Open(t, dialect, bus.Migrations(), service), f.New(t))
				})
			}
		})
	}
}

func addNote(ctx context.Context, tx *sql.Tx, id string, ev bus.Event) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO notes (id) VALUES ($1)`, id); err != nil {
		return err
	}
	return bus.Enqueue(ctx, tx, ev)
}

func outboxLen(t *testing.T, d *db.DB) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM bus_outbox`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEnqueueIsPartOfTheTransaction(t *testing.T) {
	each(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		relay := bus.NewRelay(d, b, dbtest.Logger(), bus.RelayOptions{})
		rec := bustest.NewRecorder(10)
		bustest.Consume(t, b, "g", rec.Handle)

		rolledBack := bustest.NewEvent(bus.GoalChanged, "rolled-back")
		errBoom := errors.New("boom")
		err := d.WithTx(t.Context(), func(tx *sql.Tx) error {
			if err := addNote(t.Context(), tx, "n1", rolledBack); err != nil {
				return err
			}
			return errBoom
		})
		if !errors.Is(err, errBoom) {
			t.Fatalf("WithTx = %v", err)
		}
		if n, err := relay.Flush(t.Context()); err != nil || n != 0 {
			t.Fatalf("Flush after rollback = %d, %v; want nothing to send", n, err)
		}

		committed := bustest.NewEvent(bus.GoalChanged, "committed")
		if err := d.WithTx(t.Context(), func(tx *sql.Tx) error { return addNote(t.Context(), tx, "n2", committed) }); err != nil {
			t.Fatal(err)
		}
		if n, err := relay.Flush(t.Context()); err != nil || n != 1 {
			t.Fatalf("Flush after commit = %d, %v; want 1 sent", n, err)
		}
		got := rec.Next(t)
		if got.ID != committed.ID || got.Subject != "committed" || !got.OccurredAt.Equal(committed.OccurredAt) ||
			string(got.Payload) != string(committed.Payload) {
			t.Errorf("consumer got %+v, want %+v", got, committed)
		}
		if outboxLen(t, d) != 0 {
			t.Error("relayed row still in the outbox")
		}
	})
}

func TestEnqueueFillsAndValidates(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		tests := []struct {
			name    string
			ev      bus.Event
			wantErr bool
		}{
			{name: "id and time filled", ev: bus.Event{Type: bus.UserDeleted, Subject: "u1"}},
			{name: "no payload", ev: bus.Event{Type: bus.UserDeleted, Payload: nil}},
			{name: "no type", ev: bus.Event{Subject: "u1"}, wantErr: true},
			{name: "payload not JSON", ev: bus.Event{Type: bus.UserDeleted, Payload: json.RawMessage("{")}, wantErr: true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := outboxLen(t, d)
				err := d.WithTx(t.Context(), func(tx *sql.Tx) error { return bus.Enqueue(t.Context(), tx, tt.ev) })
				if (err != nil) != tt.wantErr {
					t.Fatalf("Enqueue error = %v, want error %v", err, tt.wantErr)
				}
				want := before + 1
				if tt.wantErr {
					want = before
				}
				if outboxLen(t, d) != want {
					t.Errorf("outbox has %d rows, want %d", outboxLen(t, d), want)
				}
			})
		}
		var id string
		var at time.Time
		if err := d.QueryRowContext(t.Context(), `SELECT id, occurred_at FROM bus_outbox WHERE subject = 'u1'`).Scan(&id, &at); err != nil {
			t.Fatal(err)
		}
		if len(id) != 36 || time.Since(at) > time.Minute || at.Location() != time.UTC {
			t.Errorf("filled id %q, occurred_at %v; want a uuid and now in UTC", id, at)
		}
	}, bus.Migrations())
}

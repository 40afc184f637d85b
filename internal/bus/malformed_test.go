package bus_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/bustest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/logging"
)

func rawEvent(typ, subject, payload string) bus.Event {
	return bus.Event{ID: uuid.NewString(), Type: typ, Subject: subject, Payload: json.RawMessage(payload),
		OccurredAt: time.Now().UTC().Truncate(time.Microsecond)}
}

func processed(t *testing.T, d *db.DB, consumer, eventID string) bool {
	t.Helper()
	var ok bool
	err := d.QueryRowContext(t.Context(), `SELECT EXISTS (SELECT 1 FROM bus_processed_events WHERE consumer = $1 AND event_id = $2)`,
		consumer, eventID).Scan(&ok)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// The one malformed-event policy: logged, recorded as processed, its
// effects rolled back, acknowledged (so never redelivered), and the events
// behind it are handled.
func TestMalformedEventIsLoggedRecordedAndDropped(t *testing.T) {
	malformed := []struct {
		name string
		ev   bus.Event
	}{
		{name: "payload of the wrong shape", ev: rawEvent(bus.GoalChanged, "u1", `[1, 2]`)},
		{name: "no goal id", ev: rawEvent(bus.GoalChanged, "u1", `{"userId":"u1","change":"created"}`)},
		{name: "unknown change", ev: rawEvent(bus.GoalChanged, "u1", `{"userId":"u1","goalId":"g1","change":"renamed"}`)},
		{name: "subject is another user", ev: rawEvent(bus.GoalChanged, "u2", `{"userId":"u1","goalId":"g1","change":"created"}`)},
		{name: "overlong id", ev: rawEvent(bus.GoalChanged, "u1", `{"userId":"u1","goalId":"`+strings.Repeat("g", bus.MaxIDLen+1)+`","change":"created"}`)},
		{name: "user.deleted naming nobody", ev: rawEvent(bus.UserDeleted, "", `null`)},
		{name: "refused by the consumer after writing", ev: rawEvent(bus.GoalChanged, "u1", `{"userId":"u1","goalId":"refuse","change":"created"}`)},
	}
	each(t, func(t *testing.T, d *db.DB, b bus.Bus) {
		const group = "progress"
		var (
			mu   sync.Mutex
			seen = map[string]bool{} // goal ids the typed handler was given
		)
		handlers := bus.Handlers{
			bus.GoalChanged: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, p bus.GoalChangedPayload) error {
				mu.Lock()
				seen[p.GoalID] = true
				mu.Unlock()
				if err := effect(ctx, tx, group, ev); err != nil {
					return err
				}
				if p.GoalID == "refuse" {
					return bus.Malformedf("goal %s refused", p.GoalID)
				}
				return nil
			}),
			bus.UserDeleted: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, _ bus.UserDeletedPayload) error {
				return effect(ctx, tx, group, ev)
			}),
		}
		logs := &logging.Buffer{}
		h := bus.Idempotent(d, group, slog.New(slog.NewTextHandler(logs, nil)), bus.Dispatch(handlers))

		good := rawEvent(bus.GoalChanged, "u1", `{"userId":"u1","goalId":"good","change":"created"}`)
		var (
			failures int
			done     = make(chan struct{})
		)
		bustest.Consume(t, b, group, func(ctx context.Context, ev bus.Event) error {
			err := h(ctx, ev)
			mu.Lock()
			if err != nil {
				failures++
			}
			mu.Unlock()
			if err == nil && ev.ID == good.ID {
				close(done) // one consumer: events arrive in order
			}
			return err
		})
		for _, tt := range malformed {
			if err := b.Append(t.Context(), tt.ev); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Append(t.Context(), good); err != nil {
			t.Fatal(err)
		}
		select {
		case <-done:
		case <-time.After(bustest.Timeout):
			t.Fatal("the event behind the malformed ones was not handled")
		}
		mu.Lock()
		if failures != 0 {
			t.Errorf("the consumer returned %d errors: malformed events would be redelivered", failures)
		}
		if !seen["good"] || !seen["refuse"] || len(seen) != 2 {
			t.Errorf("typed handler saw goals %v, want only good and refuse (the others never decode)", seen)
		}
		mu.Unlock()
		for _, tt := range malformed {
			t.Run(tt.name, func(t *testing.T) {
				if !processed(t, d, group, tt.ev.ID) {
					t.Error("not recorded as processed")
				}
				if n := effects(t, d, group, tt.ev.ID); n != 0 {
					t.Errorf("%d effects committed, want 0", n)
				}
				if !strings.Contains(logs.String(), "event_id="+tt.ev.ID) {
					t.Errorf("not logged; log:\n%s", logs.String())
				}
			})
		}
		if n := effects(t, d, group, good.ID); n != 1 {
			t.Errorf("good event: %d effects, want 1", n)
		}
	})
}

func TestNewEventRefusesWhatDecodeWould(t *testing.T) {
	tests := []struct {
		name    string
		subject string
		p       bus.GoalChangedPayload
		wantErr bool
	}{
		{name: "valid", subject: "u1", p: bus.GoalChangedPayload{UserID: "u1", GoalID: "g1", Change: bus.GoalUpdated}},
		{name: "no goal", subject: "u1", p: bus.GoalChangedPayload{UserID: "u1", Change: bus.GoalUpdated}, wantErr: true},
		{name: "subject differs", subject: "u2", p: bus.GoalChangedPayload{UserID: "u1", GoalID: "g1", Change: bus.GoalUpdated}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := bus.NewEvent(tt.subject, tt.p)
			if (err != nil) != tt.wantErr {
				t.Fatalf("NewEvent err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			ev.ID = "e1"
			got, err := bus.Decode[bus.GoalChangedPayload](ev)
			if err != nil || got.GoalID != tt.p.GoalID || got.UserID != tt.p.UserID || ev.Type != bus.GoalChanged {
				t.Errorf("round trip: %+v, %v (type %s)", got, err, ev.Type)
			}
		})
	}
}

func TestDecodeUserDeletedNamesTheSubject(t *testing.T) {
	got, err := bus.Decode[bus.UserDeletedPayload](rawEvent(bus.UserDeleted, "u9", ``))
	if err != nil || got.UserID != "u9" {
		t.Errorf("Decode = %+v, %v; want user u9 from the subject", got, err)
	}
}

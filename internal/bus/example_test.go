package bus_test

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"testing/fstest"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
)

// A service's store commits a change and its event together; a consumer in
// another service reacts once per event. (Both share one database here only
// to keep the example short.)
func Example() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := slog.New(slog.DiscardHandler)
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)

	goals := db.Migrations{Name: "planning", FS: fstest.MapFS{"001_goals.sql": {Data: []byte(
		"-- +goose Up\nCREATE TABLE goals (id TEXT PRIMARY KEY, title TEXT NOT NULL);\n")}}}
	d, err := db.Open(ctx, db.Config{DataDir: dir, Name: "careercoach_planning",
		Migrations: []db.Migrations{goals, bus.Migrations()}}, log)
	if err != nil {
		panic(err)
	}
	defer d.Close()
	b := membus.New(log, membus.Options{})
	defer b.Close()
	relay := bus.NewRelay(d, b, log, bus.RelayOptions{})
	go relay.Run(ctx)

	// Store: the goal and the goal.changed event commit (or not) together;
	// the relay wakes when the transaction commits.
	ev, err := bus.NewEvent("u1", bus.GoalChangedPayload{UserID: "u1", GoalID: "g1", Change: bus.GoalCreated, Title: "Staff engineer"})
	if err != nil {
		panic(err)
	}
	err = d.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO goals (id, title) VALUES ($1, $2)`, "g1", "Staff engineer"); err != nil {
			return err
		}
		return bus.Enqueue(ctx, tx, ev)
	})
	if err != nil {
		panic(err)
	}

	// Consumer: its effects and the processed mark commit together; the
	// handler gets the decoded, checked payload.
	handled := make(chan struct{})
	handlers := bus.Handlers{
		bus.GoalChanged: bus.On(func(ctx context.Context, tx *sql.Tx, ev bus.Event, p bus.GoalChangedPayload) error {
			fmt.Println("progress saw", ev.Type, p.GoalID, p.Title)
			close(handled)
			return nil
		}),
	}
	go b.Consume(ctx, "progress", bus.Idempotent(d, "progress", log, bus.Dispatch(handlers)))
	<-handled
	// Output: progress saw goal.changed g1 Staff engineer
}

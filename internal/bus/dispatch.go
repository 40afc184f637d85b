package bus

import (
	"context"
	"database/sql"
)

// Handlers maps the event types a consumer reads to their handlers.
type Handlers map[string]TxHandler

// Dispatch runs the handler of each event's type; events of types hs does
// not name are acknowledged unread.
func Dispatch(hs Handlers) TxHandler {
	return func(ctx context.Context, tx *sql.Tx, ev Event) error {
		if h, ok := hs[ev.Type]; ok {
			return h(ctx, tx, ev)
		}
		return nil
	}
}

// On makes a handler of a typed one: the payload is read with Decode, so a
// malformed event never reaches h.
func On[P any, PP payloadPtr[P]](h func(ctx context.Context, tx *sql.Tx, ev Event, p P) error) TxHandler {
	return func(ctx context.Context, tx *sql.Tx, ev Event) error {
		p, err := Decode[P, PP](ev)
		if err != nil {
			return err
		}
		return h(ctx, tx, ev, p)
	}
}

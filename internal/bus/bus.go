// Package bus carries messages between services in two ways.
//
// Ephemeral pub/sub ([Bus.Publish], [Bus.Subscribe]) is at-most-once and for
// live updates such as CV analysis progress on topic "cv:progress:<cvId>": a
// subscriber that is not listening, or too slow, misses messages.
//
// Durable domain events ([Event]) must not be lost. A service writes them
// with [Enqueue] into its outbox table inside the transaction that makes the
// change, so an event exists if and only if the change committed. A [Relay]
// moves outbox rows onto the bus's durable stream ([Bus.Append]). Consumers
// read with [Bus.Consume] in a named group: every group sees every event at
// least once, and [Idempotent] turns that into exactly one effect per group
// by recording handled event ids in the same transaction as the effect.
//
// Implementations: membus (in-process, for single-process runs and tests)
// and redisbus (Redis pub/sub and Streams); busopen picks one from a URL.
package bus

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// Domain event types shared between services.
const (
	UserDeleted         = "user.deleted"
	CVAnalyzed          = "cv.analyzed"
	GoalChanged         = "goal.changed"
	EnrollmentCompleted = "enrollment.completed"
	CourseCatalogued    = "course.catalogued"
	// SkillProfileChanged carries a user's whole combined skill profile
	// (owned by progress) after any of its evidence changed.
	SkillProfileChanged = "skillprofile.changed"
)

// ErrClosed is returned by operations on a closed Bus.
var ErrClosed = errors.New("bus closed")

// Event is a durable domain event.
type Event struct {
	ID         string          // unique; filled by Enqueue when empty
	Type       string          // e.g. "user.deleted"
	Subject    string          // the entity it is about, e.g. the user id
	Payload    json.RawMessage // type-specific JSON; may be empty
	OccurredAt time.Time       // UTC; filled by Enqueue when zero
}

// Handler handles one event. An error means "not handled": the event is
// delivered again later, so handlers must be idempotent (see [Idempotent]).
type Handler func(ctx context.Context, ev Event) error

// Bus is implemented by membus and redisbus. All methods are safe for
// concurrent use.
type Bus interface {
	// Publish sends data to the current subscribers of topic, at most once.
	Publish(ctx context.Context, topic string, data []byte) error
	// Subscribe delivers messages published on topic from now on. The
	// channel has a bounded buffer: when the reader falls behind, the oldest
	// buffered messages are dropped. It is closed when ctx ends or the bus
	// closes.
	Subscribe(ctx context.Context, topic string) (<-chan []byte, error)
	// Append adds ev to the durable stream. Services call it through the
	// outbox (Enqueue + Relay), not directly.
	Append(ctx context.Context, ev Event) error
	// Consume delivers every event of the stream, from the oldest retained
	// one, to h as a member of group, and blocks until ctx ends or the bus
	// closes; it then returns nil. Consumers sharing a group split the
	// events; each group gets all of them. An event whose handler fails (or
	// whose consumer dies) is delivered again later, to some member of the
	// group. It returns an error only if it cannot start.
	Consume(ctx context.Context, group string, h Handler) error
	// Ping checks the bus is reachable, for readiness probes.
	Ping(ctx context.Context) error
	// Close stops subscriptions and consumers and releases connections.
	Close() error
}

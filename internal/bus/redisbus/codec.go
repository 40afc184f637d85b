package redisbus

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/careercoach/coach/internal/bus"
)

// encode turns ev into stream entry fields, readable with XRANGE.
func encode(ev bus.Event) map[string]any {
	return map[string]any{
		"id":          ev.ID,
		"type":        ev.Type,
		"subject":     ev.Subject,
		"payload":     string(ev.Payload),
		"occurred_at": ev.OccurredAt.UTC().Format(time.RFC3339Nano),
	}
}

func decode(values map[string]any) (bus.Event, error) {
	str := func(key string) (string, error) {
		v, ok := values[key].(string)
		if !ok {
			return "", fmt.Errorf("decode event: field %q missing", key)
		}
		return v, nil
	}
	var (
		ev     bus.Event
		fields = map[string]*string{"id": &ev.ID, "type": &ev.Type, "subject": &ev.Subject}
	)
	for key, dst := range fields {
		v, err := str(key)
		if err != nil {
			return bus.Event{}, err
		}
		*dst = v
	}
	payload, err := str("payload")
	if err != nil {
		return bus.Event{}, err
	}
	if payload != "" {
		ev.Payload = json.RawMessage(payload)
	}
	at, err := str("occurred_at")
	if err != nil {
		return bus.Event{}, err
	}
	if ev.OccurredAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return bus.Event{}, fmt.Errorf("decode event %s: occurred_at: %w", ev.ID, err)
	}
	return ev, nil
}

// Package busopen chooses the bus implementation from configuration. It is
// separate from package bus because membus and redisbus import bus.
package busopen

import (
	"context"
	"log/slog"

	"github.com/careercoach/coach/internal/bus"
	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/bus/redisbus"
)

// Open returns an in-process bus when redisURL is empty, else a Redis bus
// with default options, after checking that Redis answers.
func Open(ctx context.Context, redisURL string, log *slog.Logger) (bus.Bus, error) {
	if redisURL == "" {
		return membus.New(log, membus.Options{}), nil
	}
	return redisbus.Open(ctx, redisURL, log, redisbus.Options{})
}

package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"

	"github.com/careercoach/coach/internal/ai"
	"github.com/careercoach/coach/subgraphs/planning"
)

// aiCompleter adapts the shared AI client to planning.Completer.
type aiCompleter struct{ c *ai.Client }

func (a aiCompleter) CompleteJSON(ctx context.Context, system, user, schemaName string, schema json.RawMessage, out any) error {
	_, err := a.c.CompleteJSON(ctx, ai.Request{System: system, User: user, SchemaName: schemaName, Schema: schema}, out)
	return err
}

// reviewer picks the interview reviewer: an explicit one, else the AI
// reviewer when AI is configured (falling back to the rules), else the
// rule-based reviewer.
func reviewer(cfg Config, log *slog.Logger) (planning.Reviewer, error) {
	if cfg.Reviewer != nil {
		return cfg.Reviewer, nil
	}
	if !cfg.AI.Enabled() {
		return planning.RuleReviewer{}, nil
	}
	c, err := ai.New(cfg.AI, nil, log)
	if err != nil {
		return nil, fmt.Errorf("planning: AI client: %w", err)
	}
	log.Info("interview answers are reviewed by AI", "provider", c.Provider(), "model", c.Model())
	return planning.AIReviewer{Model: aiCompleter{c}, Fallback: planning.RuleReviewer{}, Log: log}, nil
}

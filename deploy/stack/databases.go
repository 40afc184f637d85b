package stack

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
)

// DropDatabases drops the subgraphs' databases (after Stop: open
// connections are terminated). For throwaway stacks: tests, the load harness.
func (s *Stack) DropDatabases(ctx context.Context) error {
	u, err := url.Parse(s.opts.DatabaseURL)
	if err != nil {
		return fmt.Errorf("stack: database URL: %w", err)
	}
	u.Path = "/postgres"
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		return fmt.Errorf("stack: connecting to drop the databases: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var errs []error
	for _, n := range Subgraphs {
		name := strings.TrimPrefix(mustPath(s.DatabaseURL(n)), "/")
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			errs = append(errs, fmt.Errorf("stack: dropping %s: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

func mustPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Path
}

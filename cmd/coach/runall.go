package main

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// runAll runs every function until ctx ends or one of them fails; then the
// others are cancelled and all errors are joined.
func runAll(ctx context.Context, fns ...func(context.Context) error) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, fn := range fns {
		g.Go(func() error {
			err := fn(ctx)
			return err
		})
	}
	return g.Wait()
}

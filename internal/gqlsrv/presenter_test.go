package gqlsrv

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/careercoach/coach/internal/apperr"
)

func TestPresenterCodes(t *testing.T) {
	present := presenter(slog.New(slog.DiscardHandler))
	for _, c := range []struct {
		err         error
		code, inMsg string
	}{
		{apperr.Errorf(apperr.NotFound, "goal not found"), apperr.NotFound, "goal not found"},
		{errors.New(`insert goal: pq: relation "goals" does not exist`), apperr.Internal, "internal error"},
		// The database restarting: retryable, said so, no detail leaked.
		{fmt.Errorf("create goal: %w", &pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}),
			apperr.Unavailable, "database is unavailable"},
	} {
		g := present(context.Background(), c.err)
		if g.Extensions["code"] != c.code || g.Message == "" || !strings.Contains(g.Message, c.inMsg) {
			t.Errorf("%v: presented as %q %v, want code %s and %q", c.err, g.Message, g.Extensions, c.code, c.inMsg)
		}
		if c.code != apperr.NotFound && (strings.Contains(g.Message, "goals") || strings.Contains(g.Message, "administrator")) {
			t.Errorf("%v: detail leaked: %q", c.err, g.Message)
		}
	}
}

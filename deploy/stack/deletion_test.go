package stack

import (
	"testing"

	"github.com/careercoach/coach/deploy/stack/deletetest"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
)

// TestDeletedAccountIsRefusedEverywhere replays issue 20 item 6 on the
// production topology: six processes on PostgreSQL and Redis, the router
// learning deletions from the users service, each subgraph from the
// user.deleted event on Redis Streams.
func TestDeletedAccountIsRefusedEverywhere(t *testing.T) {
	s := testStack(t, stackRedis(t))
	subs := map[string]string{}
	for _, name := range []string{"users", "cv", "planning", "progress", "courses"} {
		subs[name] = "http://" + s.Addr(name)
	}
	deletetest.Replay(t, deletetest.Target{
		Router:    s.URL(),
		Subgraphs: subs,
		CV:        twoPagePDF,
		SignUp:    func(t *testing.T, email string) string { return signUp(t, s, email).token },
		DB: func(t *testing.T, service string) *db.DB {
			d, err := db.Open(t.Context(), db.Config{URL: s.DatabaseURL(service), Name: "careercoach_" + service}, dbtest.Logger())
			if err != nil {
				t.Fatalf("opening the %s database: %v", service, err)
			}
			return d
		},
	})
}

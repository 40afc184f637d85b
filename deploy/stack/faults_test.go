package stack

import (
	"context"
	"database/sql"
	"os/exec"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"

	"github.com/careercoach/coach/internal/waitfor"
)

// TestSubgraphDownGivesPartialData kills planning mid-journey: fields of the
// other subgraphs still answer, planning's fields fail with errors that name
// it, and everything recovers when it returns.
func TestSubgraphDownGivesPartialData(t *testing.T) {
	s := testStack(t, stackRedis(t))
	ada := signUp(t, s, "ada@example.com")
	var roles struct{ Roles []struct{ ID string } }
	ada.must(`{ roles { id } }`, nil, &roles)
	role := roles.Roles[0].ID
	const q = `query($r: ID!) { me { email cvs { id } } role(id: $r) { id title } }`
	vars := map[string]any{"r": role}

	if err := s.Kill("planning"); err != nil {
		t.Fatal(err)
	}
	r := ada.do(q, vars)
	if !strings.Contains(string(r.Data), `"email":"ada@example.com"`) || !strings.Contains(string(r.Data), `"role":null`) {
		t.Fatalf("want me from users and cv, role null: %s", r)
	}
	if len(r.Errors) == 0 || !strings.Contains(r.String(), "planning") {
		t.Fatalf("want an error naming planning: %s", r)
	}

	if err := s.StartProcess(context.Background(), "planning"); err != nil {
		t.Fatal(err)
	}
	waitfor.Check(t, 20*time.Second, "planning back", func() (bool, string) {
		r := ada.do(q, vars)
		return len(r.Errors) == 0 && strings.Contains(string(r.Data), `"id":"`+role+`"`), r.String()
	})
}

// TestCVWorkerKilledDuringAnalysis kills the cv process while a job is
// running; the job's lease runs out and the restarted process completes it.
func TestCVWorkerKilledDuringAnalysis(t *testing.T) {
	s := testStack(t, stackRedis(t), "COACH_CV_JOB_LEASE=3s")
	ada := signUp(t, s, "ada@example.com")
	cvdb, err := sql.Open("pgx", s.DatabaseURL("cv"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cvdb.Close() })

	// The analysis takes a fraction of a second: catch the job running and
	// kill the process then; try again with a new upload if it finished first.
	var cvID string
	for try := 0; try < 10 && cvID == ""; try++ {
		var up struct {
			UploadCV struct{ ID string } `json:"uploadCV"`
		}
		r := ada.upload(twoPagePDF)
		if decode(r.Data, &up) != nil || up.UploadCV.ID == "" {
			t.Fatalf("upload: %s", r)
		}
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			var state string
			if err := cvdb.QueryRow(`SELECT state FROM cv_jobs WHERE cv_id = $1`, up.UploadCV.ID).Scan(&state); err != nil {
				t.Fatal(err)
			}
			if state == "running" {
				if err := s.Kill("cv"); err != nil {
					t.Fatal(err)
				}
				cvID = up.UploadCV.ID
				break
			}
			if state == "done" || state == "failed" {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	if cvID == "" {
		t.Fatal("never caught an analysis running in 10 uploads")
	}
	var state string
	_ = cvdb.QueryRow(`SELECT state FROM cv_jobs WHERE cv_id = $1`, cvID).Scan(&state)
	if state != "running" {
		t.Fatalf("job state after the kill: %s", state)
	}
	if err := s.StartProcess(context.Background(), "cv"); err != nil {
		t.Fatal(err)
	}
	waitfor.Check(t, 60*time.Second, "analysis taken over", func() (bool, string) {
		r := ada.do(`query($id: ID!) { cv(id: $id) { status } }`, map[string]any{"id": cvID})
		return strings.Contains(string(r.Data), `"DONE"`), r.String()
	})
	var attempts int
	if err := cvdb.QueryRow(`SELECT attempts FROM cv_jobs WHERE cv_id = $1`, cvID).Scan(&attempts); err != nil {
		t.Fatal(err)
	}
	if attempts != 2 {
		t.Fatalf("want the job claimed twice (killed, then taken over), got %d", attempts)
	}
}

// TestTwoCVReplicasDeliverProgress runs a second cv process: a subscriber on
// either replica gets the analysis progress, whichever replica's worker
// runs it (Redis pub/sub joins them).
func TestTwoCVReplicasDeliverProgress(t *testing.T) {
	s := testStack(t, stackRedis(t))
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	replica, err := s.StartReplica(ctx, "cv")
	if err != nil {
		t.Fatal(err)
	}
	ada := signUp(t, s, "ada@example.com")
	for i := 0; i < 3; i++ {
		r := ada.upload(twoPagePDF)
		var up struct {
			UploadCV struct{ ID string } `json:"uploadCV"`
		}
		if decode(r.Data, &up) != nil || up.UploadCV.ID == "" {
			t.Fatalf("upload: %s", r)
		}
		viaRouter := make(chan []string, 1)
		viaReplica := make(chan []string, 1)
		follow := func(url string, out chan<- []string) {
			stages, err := ada.progress(ctx, url, up.UploadCV.ID)
			if err != nil {
				t.Errorf("%s: %v", url, err)
			}
			out <- stages
		}
		go follow("ws"+strings.TrimPrefix(s.URL(), "http")+"/graphql", viaRouter)
		go follow("ws://"+s.Addr(replica)+"/graphql", viaReplica)
		for name, ch := range map[string]chan []string{"router (cv)": viaRouter, replica: viaReplica} {
			if stages := <-ch; len(stages) == 0 || stages[len(stages)-1] != "DONE" {
				t.Fatalf("upload %d via %s: stages %v", i, name, stages)
			}
		}
	}
}

// TestRedisRestart restarts the stack's own Redis: subscriptions and event
// relays reconnect, and a domain event written while Redis was down is
// relayed from the outbox once it is back.
func TestRedisRestart(t *testing.T) {
	redis := startRedis(t)
	s := testStack(t, redis.URL)
	ada := signUp(t, s, "ada@example.com")
	var roles struct{ Roles []struct{ ID string } }
	ada.must(`{ roles(category: DATA) { id } }`, nil, &roles)

	redis.Stop()
	// goal.changed goes to planning's outbox; the relay cannot reach Redis.
	ada.must(`mutation($r: ID!) { createGoal(input: {title: "Data", targetRoleId: $r}) { id } }`, map[string]any{"r": roles.Roles[0].ID}, nil)
	time.Sleep(time.Second)
	if err := redis.Start(context.Background()); err != nil {
		t.Fatal(err)
	}

	waitfor.Check(t, 60*time.Second, "goal.changed relayed after the restart", func() (bool, string) {
		r := ada.do(`{ me { recommendedCourses(first: 3) { course { id } } } }`, nil)
		return strings.Contains(string(r.Data), `"course":{"id"`), r.String()
	})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	r := ada.upload(twoPagePDF)
	var up struct {
		UploadCV struct{ ID string } `json:"uploadCV"`
	}
	if decode(r.Data, &up) != nil || up.UploadCV.ID == "" {
		t.Fatalf("upload after the restart: %s", r)
	}
	stages, err := ada.progress(ctx, "ws"+strings.TrimPrefix(s.URL(), "http")+"/graphql", up.UploadCV.ID)
	if err != nil || stages[len(stages)-1] != "DONE" {
		t.Fatalf("progress after the restart: %v, %v", stages, err)
	}
}

// startRedis gives the test a redis-server of its own, stopped at cleanup.
func startRedis(t *testing.T) *Redis {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server not installed")
	}
	r, err := StartRedis(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Stop)
	return r
}

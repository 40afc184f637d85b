package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

var t0 = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

func upload(t *testing.T, s *store.Store, user string, at time.Time) *cv.CV {
	t.Helper()
	c, err := s.CreateCV(context.Background(), cv.Upload{UserID: user, FileName: "cv.pdf", Kind: cv.KindPDF, Data: []byte("%PDF-1.7 body\x00\xff")}, at)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func result(score int) cv.Result {
	return cv.Result{Text: "Ada Lovelace\nGo", Pages: 1, Sections: &cv.Sections{Contact: cv.Contact{Name: "Ada Lovelace", Links: []string{}}},
		Analysis: &cv.Analysis{Score: score, Seniority: cv.SenioritySenior, Engine: cv.EngineOffline, AnalysedAt: t0,
			Skills:         []cv.SkillFinding{{Name: "Go", Level: 4, Evidence: []cv.Evidence{{Snippet: "Go", Where: "skills"}}}},
			SuggestedRoles: []cv.RoleSuggestion{{Title: "Senior Backend Engineer", Reason: "r"}}}}
}

func TestCVs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)
		a1 := upload(t, s, "ada", t0)
		a2 := upload(t, s, "ada", t0.Add(time.Minute))
		b1 := upload(t, s, "bob", t0)

		t.Run("read back", func(t *testing.T) {
			got, err := s.CVByID(ctx, a1.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.UserID != "ada" || got.Status != cv.StageQueued || got.SizeBytes != 15 || !got.UploadedAt.Equal(t0) || len(got.SHA256) != 64 {
				t.Fatalf("got %+v", got)
			}
			data, err := s.FileData(ctx, a1.ID)
			if err != nil || string(data) != "%PDF-1.7 body\x00\xff" {
				t.Fatalf("file %q, %v", data, err)
			}
		})
		t.Run("list newest first, only the user's", func(t *testing.T) {
			list, err := s.CVsByUser(ctx, "ada")
			if err != nil || len(list) != 2 || list[0].ID != a2.ID || list[1].ID != a1.ID {
				t.Fatalf("list %v, %v", list, err)
			}
			n, err := s.CountCVs(ctx, "ada")
			if err != nil || n != 2 {
				t.Fatalf("count %d, %v", n, err)
			}
		})
		t.Run("batch by ids", func(t *testing.T) {
			got, err := s.CVsByIDs(ctx, []string{a1.ID, b1.ID, "nope"})
			if err != nil || len(got) != 2 {
				t.Fatalf("got %d, %v", len(got), err)
			}
		})
		t.Run("missing", func(t *testing.T) {
			if _, err := s.CVByID(ctx, "nope"); !errors.Is(err, cv.ErrNotFound) {
				t.Fatalf("err %v", err)
			}
			if err := s.DeleteCV(ctx, "nope"); !errors.Is(err, cv.ErrNotFound) {
				t.Fatalf("err %v", err)
			}
		})
		t.Run("delete removes file and job", func(t *testing.T) {
			if err := s.DeleteCV(ctx, a1.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.FileData(ctx, a1.ID); !errors.Is(err, cv.ErrNotFound) {
				t.Fatalf("file after delete: %v", err)
			}
			var n int
			_ = d.QueryRowContext(ctx, `SELECT COUNT(*) FROM cv_jobs WHERE cv_id = $1`, a1.ID).Scan(&n)
			if n != 0 {
				t.Fatalf("job left behind")
			}
		})
		t.Run("purge a user, twice", func(t *testing.T) {
			for range 2 {
				if err := s.DeleteUserData(ctx, "ada"); err != nil {
					t.Fatal(err)
				}
			}
			if list, _ := s.CVsByUser(ctx, "ada"); len(list) != 0 {
				t.Fatalf("ada still has %d cvs", len(list))
			}
			if _, err := s.CVByID(ctx, b1.ID); err != nil {
				t.Fatalf("bob's cv went too: %v", err)
			}
			var n int
			_ = d.QueryRowContext(ctx, `SELECT COUNT(*) FROM cv_files`).Scan(&n)
			if n != 1 {
				t.Fatalf("%d files left, want bob's 1", n)
			}
		})
	}, store.Migrations()...)
}

func TestJobs(t *testing.T) {
	const lease = 30 * time.Second
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := store.New(d)

		t.Run("claim, progress, complete with event", func(t *testing.T) {
			c := upload(t, s, "ada", t0)
			j, err := s.ClaimJob(ctx, "w1", t0, lease)
			if err != nil || j == nil || j.CVID != c.ID || j.Attempt != 1 || j.UserID != "ada" {
				t.Fatalf("claim %+v, %v", j, err)
			}
			if again, err := s.ClaimJob(ctx, "w2", t0, lease); err != nil || again != nil {
				t.Fatalf("second claim got %+v, %v", again, err)
			}
			if err := s.SetProgress(ctx, j, cv.Progress{Stage: cv.StageParsing, Percent: 40, Message: "parsing"}, t0); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.CVByID(ctx, c.ID); got.Status != cv.StageParsing || got.Percent != 40 {
				t.Fatalf("status %s %d", got.Status, got.Percent)
			}
			if err := s.CompleteJob(ctx, j, result(77), t0.Add(time.Second)); err != nil {
				t.Fatal(err)
			}
			got, _ := s.CVByID(ctx, c.ID)
			if got.Status != cv.StageDone || got.Analysis == nil || got.Analysis.Score != 77 || got.Sections.Contact.Name != "Ada Lovelace" || got.Text == "" {
				t.Fatalf("after complete %+v", got)
			}
			latest, err := s.LatestAnalysis(ctx, "ada")
			if err != nil || latest == nil || latest.ID != c.ID {
				t.Fatalf("latest %v, %v", latest, err)
			}
			var typ, subject, payload string
			if err := d.QueryRowContext(ctx, `SELECT type, subject, payload FROM bus_outbox`).Scan(&typ, &subject, &payload); err != nil {
				t.Fatal(err)
			}
			var ev map[string]any
			_ = json.Unmarshal([]byte(payload), &ev)
			if typ != "cv.analyzed" || subject != "ada" || ev["cvId"] != c.ID || ev["score"] != 77.0 || ev["seniority"] != "SENIOR" {
				t.Fatalf("event %s %s %s", typ, subject, payload)
			}
			if want := `[{"evidence":"Go","level":4,"name":"Go"}]`; mustJSON(ev["skills"]) != want || mustJSON(ev["suggestedRoles"]) != `["Senior Backend Engineer"]` {
				t.Fatalf("event payload %s", payload)
			}
			if err := s.CompleteJob(ctx, j, result(1), t0.Add(2*time.Second)); !errors.Is(err, cv.ErrLeaseLost) {
				t.Fatalf("second complete: %v", err)
			}
		})

		t.Run("a dead worker's job is claimed again; its late writes are refused", func(t *testing.T) {
			c := upload(t, s, "bob", t0)
			dead, _ := s.ClaimJob(ctx, "dead", t0, lease)
			if dead == nil || dead.CVID != c.ID {
				t.Fatalf("claim %+v", dead)
			}
			if j, _ := s.ClaimJob(ctx, "alive", t0.Add(lease/2), lease); j != nil {
				t.Fatalf("claimed a live lease: %+v", j)
			}
			alive, err := s.ClaimJob(ctx, "alive", t0.Add(lease+time.Second), lease)
			if err != nil || alive == nil || alive.CVID != c.ID || alive.Attempt != 2 {
				t.Fatalf("reclaim %+v, %v", alive, err)
			}
			if err := s.Heartbeat(ctx, dead, t0.Add(lease+2*time.Second), lease); !errors.Is(err, cv.ErrLeaseLost) {
				t.Fatalf("dead heartbeat: %v", err)
			}
			if err := s.CompleteJob(ctx, dead, result(5), t0.Add(lease+3*time.Second)); !errors.Is(err, cv.ErrLeaseLost) {
				t.Fatalf("dead complete: %v", err)
			}
			if err := s.Heartbeat(ctx, alive, t0.Add(lease+2*time.Second), lease); err != nil {
				t.Fatal(err)
			}
			if err := s.CompleteJob(ctx, alive, result(60), t0.Add(lease+3*time.Second)); err != nil {
				t.Fatal(err)
			}
		})

		t.Run("a released job is claimable at once with its attempt back", func(t *testing.T) {
			c := upload(t, s, "rel", t0)
			j, _ := s.ClaimJob(ctx, "stopping", t0, lease)
			if j == nil || j.CVID != c.ID {
				t.Fatalf("claim %+v", j)
			}
			if err := s.ReleaseJob(ctx, j, t0); err != nil {
				t.Fatal(err)
			}
			again, err := s.ClaimJob(ctx, "next", t0, lease)
			if err != nil || again == nil || again.CVID != c.ID || again.Attempt != 1 {
				t.Fatalf("reclaim %+v, %v", again, err)
			}
			if err := s.ReleaseJob(ctx, j, t0); !errors.Is(err, cv.ErrLeaseLost) {
				t.Fatalf("release by the old owner: %v", err)
			}
			if err := s.CompleteJob(ctx, again, result(50), t0); err != nil {
				t.Fatal(err)
			}
		})

		t.Run("retryable failure requeues until attempts run out", func(t *testing.T) {
			c := upload(t, s, "cy", t0)
			now := t0
			f := cv.Failure{Code: cv.FailEngine, Message: "engine down", Retryable: true}
			for attempt := 1; attempt <= s.MaxAttempts; attempt++ {
				j, err := s.ClaimJob(ctx, "w", now, lease)
				if err != nil || j == nil || j.Attempt != attempt {
					t.Fatalf("attempt %d claim %+v, %v", attempt, j, err)
				}
				final, err := s.FailJob(ctx, j, f, now, time.Minute)
				if err != nil || final != (attempt == s.MaxAttempts) {
					t.Fatalf("attempt %d final %v, %v", attempt, final, err)
				}
				if j, _ := s.ClaimJob(ctx, "w", now.Add(time.Second), lease); j != nil {
					t.Fatalf("claimed before retry delay: %+v", j)
				}
				now = now.Add(2 * time.Minute)
			}
			got, _ := s.CVByID(ctx, c.ID)
			if got.Status != cv.StageFailed || got.Failure == nil || got.Failure.Code != cv.FailEngine || !got.Failure.Retryable {
				t.Fatalf("after failures %+v %+v", got, got.Failure)
			}
			if _, err := s.Requeue(ctx, c.ID, now); err != nil {
				t.Fatal(err)
			}
			if j, _ := s.ClaimJob(ctx, "w", now, lease); j == nil || j.Attempt != 1 {
				t.Fatalf("after requeue %+v", j)
			}
			if _, err := s.Requeue(ctx, c.ID, now); !errors.Is(err, cv.ErrBusy) {
				t.Fatalf("requeue while running: %v", err)
			}
			if _, err := s.Requeue(ctx, "nope", now); !errors.Is(err, cv.ErrNotFound) {
				t.Fatalf("requeue missing: %v", err)
			}
		})

		t.Run("permanent failure is final at once", func(t *testing.T) {
			c := upload(t, s, "dee", t0)
			j, _ := s.ClaimJob(ctx, "w", t0, lease)
			final, err := s.FailJob(ctx, j, cv.Failure{Code: cv.FailUnreadable, Message: "scanned"}, t0, time.Minute)
			if err != nil || !final {
				t.Fatalf("final %v, %v", final, err)
			}
			if got, _ := s.CVByID(ctx, c.ID); got.Status != cv.StageFailed || got.Failure.Retryable {
				t.Fatalf("got %+v", got.Failure)
			}
		})

		t.Run("a job that killed every worker is failed by ExpireJobs", func(t *testing.T) {
			c := upload(t, s, "eve", t0)
			now := t0
			for range s.MaxAttempts {
				if j, _ := s.ClaimJob(ctx, "crashy", now, lease); j == nil {
					t.Fatal("no claim")
				}
				now = now.Add(lease + time.Second)
			}
			if j, _ := s.ClaimJob(ctx, "w", now, lease); j != nil {
				t.Fatalf("claimed past max attempts: %+v", j)
			}
			ids, err := s.ExpireJobs(ctx, now)
			if err != nil || len(ids) != 1 || ids[0] != c.ID {
				t.Fatalf("expired %v, %v", ids, err)
			}
			if got, _ := s.CVByID(ctx, c.ID); got.Status != cv.StageFailed || got.Failure.Code != cv.FailInterrupted {
				t.Fatalf("got %+v", got)
			}
		})

		t.Run("concurrent claims never share a job", func(t *testing.T) {
			const n = 6
			for range n {
				upload(t, s, "par", t0)
			}
			for i := range n { // other users' jobs, so that workers race for par's slot too
				upload(t, s, fmt.Sprint("other", i), t0)
			}
			var mu sync.Mutex
			seen := map[string]int{}
			var wg sync.WaitGroup
			for w := range 4 {
				wg.Go(func() {
					for {
						j, err := s.ClaimJob(ctx, "w"+string(rune('a'+w)), t0.Add(time.Hour), lease)
						if err != nil {
							t.Error(err)
							return
						}
						if j == nil {
							return
						}
						mu.Lock()
						if j.UserID == "par" { // earlier subtests' expired leases are claimable too
							seen[j.CVID]++
						}
						mu.Unlock()
						// One running job per user: finish it so that the
						// user's next job can be claimed.
						if err := s.CompleteJob(ctx, j, result(1), t0.Add(time.Hour)); err != nil {
							t.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			if len(seen) != n {
				t.Fatalf("claimed %d distinct jobs, want %d", len(seen), n)
			}
			for id, k := range seen {
				if k != 1 {
					t.Fatalf("job %s claimed %d times", id, k)
				}
			}
		})
	}, store.Migrations()...)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

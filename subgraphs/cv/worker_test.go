package cv_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

// plainExtractor treats a file's bytes as its text.
type plainExtractor struct{}

func (plainExtractor) Sniff([]byte) (string, error) { return cv.KindPDF, nil }
func (plainExtractor) Extract(_ context.Context, data []byte) (cv.Extracted, error) {
	return cv.Extracted{Kind: cv.KindPDF, Pages: 1, Text: string(data)}, nil
}

// scriptedEngine fails, blocks or succeeds as a test needs.
type scriptedEngine struct {
	calls atomic.Int32
	fn    func(ctx context.Context, call int) error
}

func (e *scriptedEngine) Engine() string { return cv.EngineOffline }
func (e *scriptedEngine) Analyze(ctx context.Context, in cv.AnalysisInput) (*cv.Analysis, error) {
	if err := e.fn(ctx, int(e.calls.Add(1))); err != nil {
		return nil, err
	}
	return &cv.Analysis{Score: 50, Seniority: cv.SeniorityMid, Engine: cv.EngineOffline, Skills: in.Skills, AnalysedAt: time.Now()}, nil
}

type recordingPub struct {
	mu     sync.Mutex
	stages []string
}

func (p *recordingPub) Publish(_ context.Context, _ string, data []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var m cv.Progress
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	p.stages = append(p.stages, string(m.Stage))
	return nil
}

func (p *recordingPub) got() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.stages, " ")
}

func newWorker(st *store.Store, eng cv.Analyzer, pub cv.Publisher, id string, lease time.Duration) *cv.Worker {
	return &cv.Worker{Jobs: st, Files: st, Pub: pub, Log: logging.Discard(), ID: id, Lease: lease, RetryAfter: time.Millisecond,
		Pipeline: &cv.Pipeline{Extractor: plainExtractor{}, Analyzer: eng}}
}

func TestWorker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		st := store.New(d)
		up := func(user string) *cv.CV {
			c, err := st.CreateCV(ctx, cv.Upload{UserID: user, FileName: "a.pdf", Kind: cv.KindPDF, Data: []byte("Jo Bloggs\nSkills\nGo")}, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			return c
		}

		t.Run("a dead worker's job is finished by another", func(t *testing.T) {
			c := up("ada")
			// The first worker claims the job and dies: no heartbeat, no result.
			if j, err := st.ClaimJob(ctx, "dead-worker", time.Now(), 300*time.Millisecond); err != nil || j == nil {
				t.Fatalf("claim %v %v", j, err)
			}
			pub := &recordingPub{}
			w := newWorker(st, &scriptedEngine{fn: func(context.Context, int) error { return nil }}, pub, "alive", time.Second)
			if did, err := w.RunOnce(ctx); did || err != nil {
				t.Fatalf("claimed a live lease: %v %v", did, err)
			}
			time.Sleep(350 * time.Millisecond) // the dead worker's lease runs out
			if did, err := w.RunOnce(ctx); !did || err != nil {
				t.Fatalf("did %v err %v", did, err)
			}
			got, _ := st.CVByID(ctx, c.ID)
			if got.Status != cv.StageDone || got.Analysis == nil {
				t.Fatalf("status %s", got.Status)
			}
			if pub.got() != "EXTRACTING PARSING ANALYZING DONE" {
				t.Fatalf("published %q", pub.got())
			}
		})

		t.Run("a worker that loses its lease stops without writing", func(t *testing.T) {
			c := up("bob")
			release := make(chan struct{})
			slow := newWorker(st, &scriptedEngine{fn: func(ctx context.Context, _ int) error {
				<-release // stalls past its lease, as a paused process would
				return nil
			}}, nil, "slow", 3*time.Second)
			slowDone := make(chan error, 1)
			go func() { _, err := slow.RunOnce(ctx); slowDone <- err }()
			// Wait for the slow worker to be analysing, then steal the job as
			// if its lease had expired.
			deadline := time.Now().Add(5 * time.Second)
			for {
				got, _ := st.CVByID(ctx, c.ID)
				if got.Status == cv.StageAnalyzing {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("slow worker never started")
				}
				time.Sleep(5 * time.Millisecond)
			}
			thief, err := st.ClaimJob(ctx, "thief", time.Now().Add(time.Minute), time.Minute)
			if err != nil || thief == nil {
				t.Fatalf("steal %v %v", thief, err)
			}
			close(release)
			if err := <-slowDone; err != nil {
				t.Fatal(err)
			}
			got, _ := st.CVByID(ctx, c.ID)
			if got.Status == cv.StageDone || got.Analysis != nil {
				t.Fatalf("the worker without the lease wrote its result: %s", got.Status)
			}
			if err := st.CompleteJob(ctx, thief, cv.Result{Sections: &cv.Sections{}, Analysis: &cv.Analysis{Seniority: cv.SeniorityMid, Engine: cv.EngineOffline}}, time.Now()); err != nil {
				t.Fatalf("the lease holder cannot complete: %v", err)
			}
		})

		t.Run("transient engine failures are retried, then recorded", func(t *testing.T) {
			c := up("cy")
			eng := &scriptedEngine{fn: func(context.Context, int) error { return errors.New("model overloaded") }}
			pub := &recordingPub{}
			w := newWorker(st, eng, pub, "w", time.Second)
			for range 10 {
				if _, err := w.RunOnce(ctx); err != nil {
					t.Fatal(err)
				}
				time.Sleep(2 * time.Millisecond)
			}
			if n := eng.calls.Load(); n != int32(st.MaxAttempts) {
				t.Fatalf("engine called %d times, want %d", n, st.MaxAttempts)
			}
			got, _ := st.CVByID(ctx, c.ID)
			if got.Status != cv.StageFailed || got.Failure.Code != cv.FailEngine || !got.Failure.Retryable {
				t.Fatalf("cv %s %+v", got.Status, got.Failure)
			}
			if !strings.HasSuffix(pub.got(), "QUEUED EXTRACTING PARSING ANALYZING FAILED") {
				t.Fatalf("published %q", pub.got())
			}
		})

		t.Run("shutdown hands the running job back", func(t *testing.T) {
			c := up("eve")
			started := make(chan struct{})
			w := newWorker(st, &scriptedEngine{fn: func(ctx context.Context, _ int) error {
				close(started)
				<-ctx.Done() // a long analysis, interrupted by shutdown
				return ctx.Err()
			}}, nil, "stopping", time.Minute)
			w.Concurrency = 1
			wctx, stop := context.WithCancel(ctx)
			done := make(chan error, 1)
			go func() { done <- w.Run(wctx) }()
			<-started
			stop()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if got, _ := st.CVByID(ctx, c.ID); got.Status != cv.StageQueued {
				t.Fatalf("status %s after shutdown", got.Status)
			}
			j, err := st.ClaimJob(ctx, "next", time.Now(), time.Minute)
			if err != nil || j == nil || j.CVID != c.ID || j.Attempt != 1 {
				t.Fatalf("claim after shutdown %+v, %v", j, err)
			}
			if err := st.DeleteCV(ctx, c.ID); err != nil { // out of the next subtests' way
				t.Fatal(err)
			}
		})

		t.Run("quality-gate failures are final at once", func(t *testing.T) {
			c := up("dee")
			w := newWorker(st, &scriptedEngine{fn: func(context.Context, int) error {
				return cv.Fail(cv.FailUnreadable, "scanned", false, nil)
			}}, nil, "w", time.Second)
			if _, err := w.RunOnce(ctx); err != nil {
				t.Fatal(err)
			}
			if got, _ := st.CVByID(ctx, c.ID); got.Status != cv.StageFailed || got.Failure.Retryable {
				t.Fatalf("cv %s %+v", got.Status, got.Failure)
			}
		})
	}, store.Migrations()...)
}

package cv

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Publisher sends ephemeral progress messages (bus.Bus satisfies it).
type Publisher interface {
	Publish(ctx context.Context, topic string, data []byte) error
}

// FileSource reads a CV's stored file and the user's corrections.
type FileSource interface {
	FileData(ctx context.Context, cvID string) ([]byte, error)
	// CorrectionsOf returns the CV's corrections, nil when none.
	CorrectionsOf(ctx context.Context, cvID string) (*Corrections, error)
}

// Worker claims analysis jobs from the job table and runs the pipeline.
// Several workers (in one process or many) share the table: a claim is
// exclusive, a lease that is not renewed by heartbeats expires, and the job
// is then claimed again by whoever is alive.
type Worker struct {
	Jobs     JobStore
	Files    FileSource
	Pipeline *Pipeline
	Pub      Publisher
	Log      *slog.Logger
	// ID names this worker in leases; defaults to a random id.
	ID string
	// Lease is how long a claim lasts without a heartbeat (default 30s);
	// heartbeats come every Lease/3.
	Lease time.Duration
	// Poll is how often the table is checked when idle (default 2s).
	Poll time.Duration
	// Concurrency is the number of jobs run at once (default 2).
	Concurrency int
	// RetryAfter delays a retryable failure's next attempt (default 5s).
	RetryAfter time.Duration
	Now        func() time.Time

	once sync.Once
	wake chan struct{}
}

func (w *Worker) init() {
	w.once.Do(func() {
		if w.ID == "" {
			w.ID = "worker-" + uuid.NewString()
		}
		if w.Lease == 0 {
			w.Lease = 30 * time.Second
		}
		if w.Poll == 0 {
			w.Poll = 2 * time.Second
		}
		if w.Concurrency == 0 {
			w.Concurrency = 2
		}
		if w.RetryAfter == 0 {
			w.RetryAfter = 5 * time.Second
		}
		if w.Now == nil {
			w.Now = time.Now
		}
		w.wake = make(chan struct{}, 1)
	})
}

// Notify wakes the worker to look for a job now (after an upload).
func (w *Worker) Notify() {
	w.init()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run processes jobs until ctx ends.
func (w *Worker) Run(ctx context.Context) error {
	w.init()
	var wg sync.WaitGroup
	for range w.Concurrency {
		wg.Go(func() { w.loop(ctx) })
	}
	wg.Wait()
	return nil
}

func (w *Worker) loop(ctx context.Context) {
	t := time.NewTicker(w.Poll)
	defer t.Stop()
	for ctx.Err() == nil {
		did, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.Log.ErrorContext(ctx, "cv analysis worker", "err", err)
		}
		if did {
			continue // there may be more
		}
		select {
		case <-ctx.Done():
		case <-t.C:
		case <-w.wake:
		}
	}
}

// RunOnce expires dead jobs, claims one job and processes it. It reports
// whether it found one.
func (w *Worker) RunOnce(ctx context.Context) (bool, error) {
	w.init()
	expired, err := w.Jobs.ExpireJobs(ctx, w.Now())
	if err != nil {
		return false, err
	}
	for _, id := range expired {
		w.publish(ctx, Progress{CVID: id, Stage: StageFailed, Percent: 100, Message: "Analysis failed",
			Error: "the analysis was interrupted too many times; try again"})
	}
	j, err := w.Jobs.ClaimJob(ctx, w.ID, w.Now(), w.Lease)
	if err != nil || j == nil {
		return false, err
	}
	return true, w.process(ctx, j)
}

func (w *Worker) process(ctx context.Context, j *Job) error {
	log := w.Log.With("cv", j.CVID, "attempt", j.Attempt)
	jctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	hbDone := make(chan struct{})
	go func() {
		defer close(hbDone)
		w.heartbeat(jctx, j, cancel)
	}()
	defer func() { cancel(nil); <-hbDone }()

	step := func(stage Stage, percent int, msg string) error {
		if err := context.Cause(jctx); err != nil && errors.Is(err, ErrLeaseLost) {
			return err
		}
		p := Progress{CVID: j.CVID, Stage: stage, Percent: percent, Message: msg}
		if err := w.Jobs.SetProgress(jctx, j, p, w.Now()); err != nil {
			return err
		}
		w.publish(jctx, p)
		return nil
	}
	data, err := w.Files.FileData(jctx, j.CVID)
	var corr *Corrections
	if err == nil {
		// Read now: corrections are refused while the job runs, so these
		// are the ones the result must carry.
		corr, err = w.Files.CorrectionsOf(jctx, j.CVID)
	}
	if err == nil {
		var res Result
		res, err = w.Pipeline.Run(jctx, data, corr, step)
		if err == nil {
			err = w.Jobs.CompleteJob(jctx, j, res, w.Now())
			if err == nil {
				log.InfoContext(ctx, "cv analysed", "engine", res.Analysis.Engine, "score", res.Analysis.Score)
				w.publish(ctx, Progress{CVID: j.CVID, Stage: StageDone, Percent: 100, Message: "Analysis complete"})
				return nil
			}
		}
	}
	if errors.Is(err, ErrLeaseLost) || errors.Is(context.Cause(jctx), ErrLeaseLost) || errors.Is(err, ErrNotFound) {
		log.WarnContext(ctx, "cv analysis abandoned", "err", err)
		return nil // another worker has it, or the CV was deleted
	}
	if ctx.Err() != nil {
		// Shutting down: hand the job back so that a restart (a rolling
		// deploy) neither waits for the lease nor spends an attempt.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := w.Jobs.ReleaseJob(rctx, j, w.Now()); err != nil && !errors.Is(err, ErrLeaseLost) {
			log.WarnContext(rctx, "releasing cv job on shutdown", "err", err)
		}
		return nil
	}
	f := FailureOf(err)
	log.WarnContext(ctx, "cv analysis failed", "code", f.Code, "retryable", f.Retryable, "err", err)
	final, ferr := w.Jobs.FailJob(ctx, j, f, w.Now(), w.RetryAfter)
	if ferr != nil {
		if errors.Is(ferr, ErrLeaseLost) || errors.Is(ferr, ErrNotFound) {
			return nil
		}
		return fmt.Errorf("recording failure of cv %s: %w", j.CVID, ferr)
	}
	if final {
		w.publish(ctx, Progress{CVID: j.CVID, Stage: StageFailed, Percent: 100, Message: "Analysis failed", Error: f.Message})
	} else {
		w.publish(ctx, Progress{CVID: j.CVID, Stage: StageQueued, Percent: 0, Message: "Retrying shortly"})
	}
	return nil
}

// heartbeat renews the lease until ctx ends; a lost lease cancels the job.
func (w *Worker) heartbeat(ctx context.Context, j *Job, cancel context.CancelCauseFunc) {
	t := time.NewTicker(w.Lease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			err := w.Jobs.Heartbeat(ctx, j, w.Now(), w.Lease)
			if errors.Is(err, ErrLeaseLost) || errors.Is(err, ErrNotFound) {
				cancel(ErrLeaseLost)
				return
			}
			if err != nil && ctx.Err() == nil {
				w.Log.WarnContext(ctx, "cv job heartbeat", "cv", j.CVID, "err", err)
			}
		}
	}
}

// publish is best effort: progress is ephemeral and the stored state is
// what late subscribers read.
func (w *Worker) publish(ctx context.Context, p Progress) {
	if w.Pub == nil {
		return
	}
	b, _ := json.Marshal(p)
	if err := w.Pub.Publish(context.WithoutCancel(ctx), ProgressTopic(p.CVID), b); err != nil {
		w.Log.WarnContext(ctx, "publish cv progress", "cv", p.CVID, "err", err)
	}
}

package cv_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/careercoach/coach/subgraphs/cv"
)

// The stage delay (a test hook for browser tests) holds each stage after
// reporting it, and gives way to a cancelled context.
func TestPipelineStageDelay(t *testing.T) {
	tax := taxonomy(t)
	p := &cv.Pipeline{Extractor: textExtractor(longCV(t, 2_000)), Skills: tax, Analyzer: cv.NewOffline(tax), StageDelay: 40 * time.Millisecond}
	t.Run("holds each stage", func(t *testing.T) {
		var stages []string
		var at []time.Time
		_, err := p.Run(context.Background(), []byte("x"), nil, func(st cv.Stage, _ int, _ string) error {
			stages, at = append(stages, string(st)), append(at, time.Now())
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(stages, " "); got != "EXTRACTING PARSING ANALYZING" {
			t.Fatalf("stages %q", got)
		}
		for i := 1; i < len(at); i++ {
			if gap := at[i].Sub(at[i-1]); gap < 40*time.Millisecond {
				t.Errorf("%s came %s after %s, want the delay between", stages[i], gap, stages[i-1])
			}
		}
	})
	t.Run("cancelled during a stage", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		_, err := p.Run(ctx, []byte("x"), nil, func(cv.Stage, int, string) error { cancel(); return nil })
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}

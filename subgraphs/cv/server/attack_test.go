package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careercoach/coach/internal/bus/membus"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/dbtest"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/subgraphs/cv"
	"github.com/careercoach/coach/subgraphs/cv/extract/extracttest"
	"github.com/careercoach/coach/subgraphs/cv/server"
	"github.com/careercoach/coach/subgraphs/cv/store"
)

// TestLoopingPDFsDoNotStarveOthers replays issue 20 (item 8): one user
// uploads six looping PDFs (page tree and xref /Prev loops), then another
// user uploads a CV. Each looping file fails at its first attempt as
// damaged, never retried, and the other user's CV is the second job
// claimed, not the seventh.
func TestLoopingPDFsDoNotStarveOthers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := membus.New(logging.Discard(), membus.Options{})
		t.Cleanup(func() { _ = b.Close() })
		// No background workers: the test runs the worker step by step, so
		// the order of claims is the queue's, not the scheduler's.
		h := startWith(t, d, b, func(c *server.Config) { c.Workers = 0 })
		var looping []string
		for i := range 6 {
			file := []string{"pages-lists-itself.pdf", "xref-prev-loop.pdf"}[i%2]
			looping = append(looping, h.upload("mallory", "../extract/testdata/attack/"+file))
		}
		ada := h.upload("ada", "../extract/testdata/fpdf-two-page.pdf")

		ctx := context.Background()
		for {
			did, err := h.svc.Worker.RunOnce(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !did {
				break
			}
		}

		rows, err := d.QueryContext(ctx, `SELECT user_id, attempts FROM cv_jobs ORDER BY claimed_at, cv_id`)
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for rows.Next() {
			var user string
			var attempts int
			if err := rows.Scan(&user, &attempts); err != nil {
				t.Fatal(err)
			}
			if attempts != 1 {
				t.Errorf("a job of %s was tried %d times", user, attempts)
			}
			order = append(order, user)
		}
		rows.Close()
		if len(order) != 7 || order[1] != "ada" {
			t.Fatalf("claim order %v: ada's CV should be claimed second", order)
		}
		if c := h.waitStatus("ada", ada); c["status"] != "DONE" {
			t.Fatalf("ada's cv %v", c)
		}
		for _, id := range looping {
			c := h.query("mallory", `query($id: ID!) { cv(id: $id) { status failure { code message retryable } } }`, map[string]any{"id": id})["cv"].(map[string]any)
			f, _ := c["failure"].(map[string]any)
			if c["status"] != "FAILED" || f["code"] != cv.FailCorrupt || f["retryable"] != false ||
				!strings.Contains(f["message"].(string), "loops back on itself") {
				t.Fatalf("looping cv %v", c)
			}
		}
	}, store.Migrations()...)
}

// TestLargeDOCXIsRefused replays issue 20 (item 7) through the service: a
// DOCX of under 10 MB holding 41 million characters of text (it used to be
// stored whole, analysed for 72 s and served as 41 MB) fails at its first
// attempt with TOO_LARGE and a message that says why; no text is stored
// or served.
func TestLargeDOCXIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cv.docx")
	if err := os.WriteFile(path, extracttest.LargeDOCX(t, 41_000_000), 0o600); err != nil {
		t.Fatal(err)
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := membus.New(logging.Discard(), membus.Options{})
		t.Cleanup(func() { _ = b.Close() })
		h := startWith(t, d, b, func(c *server.Config) { c.Workers = 0 })
		id := h.upload("mallory", path)
		if did, err := h.svc.Worker.RunOnce(context.Background()); err != nil || !did {
			t.Fatalf("worker: %v, %v", did, err)
		}
		c := h.query("mallory", `query($id: ID!) { cv(id: $id) { status text sections { summary } failure { code message retryable } } }`,
			map[string]any{"id": id})["cv"].(map[string]any)
		f, _ := c["failure"].(map[string]any)
		if c["status"] != "FAILED" || c["text"] != nil || c["sections"] != nil || f["code"] != cv.FailTooLarge || f["retryable"] != false ||
			!strings.Contains(f["message"].(string), "more than 100,000 characters of text; a CV has at most 100,000") {
			t.Fatalf("cv %v", c)
		}
		var stored int
		if err := d.QueryRowContext(context.Background(), `SELECT LENGTH(text) FROM cvs WHERE id = $1`, id).Scan(&stored); err != nil || stored != 0 {
			t.Fatalf("stored %d characters of text (%v)", stored, err)
		}
	}, store.Migrations()...)
}

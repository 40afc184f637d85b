package tombstone

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/careercoach/coach/internal/auth"
)

// FeedPath is where the users service lists recent deletions for the
// router (service credential required; the router does not proxy it).
const FeedPath = "/internal/deleted-accounts"

// feedLimit bounds one answer of the feed.
const feedLimit = 50_000

// feedAnswer is the JSON of FeedPath.
type feedAnswer struct {
	Subjects []string `json:"subjects"`
}

// FeedHandler serves FeedPath: the subjects deleted within window (the
// longest an access token lives, plus leeway: older tokens have expired by
// themselves), to callers presenting the service credential.
func FeedHandler(s *Store, window time.Duration, secret string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !auth.ServiceCredentialOK(r.Header.Get(auth.ServiceTokenHeader), secret) {
			http.Error(w, "service credential required", http.StatusForbidden)
			return
		}
		ts, err := s.DeletedSince(r.Context(), time.Now().Add(-window), feedLimit)
		if err != nil {
			http.Error(w, "cannot list deleted accounts; try again", http.StatusServiceUnavailable)
			return
		}
		ans := feedAnswer{Subjects: make([]string, len(ts))}
		for i, t := range ts {
			ans.Subjects[i] = t.Subject
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(ans)
	})
}

// FetchFeed returns a Feed.Fetch that reads FeedPath of the users service at
// base (e.g. http://127.0.0.1:4001) with the service credential.
func FetchFeed(client *http.Client, base, secret string) func(context.Context) ([]string, error) {
	return func(ctx context.Context) ([]string, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+FeedPath, nil)
		if err != nil {
			return nil, fmt.Errorf("asking for deleted accounts: %w", err)
		}
		req.Header.Set(auth.ServiceTokenHeader, secret)
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("asking for deleted accounts: %w", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("asking for deleted accounts: %s answered %s", base, resp.Status)
		}
		var ans feedAnswer
		// ~40 bytes per subject: the bound keeps a bad answer from taking memory.
		if err := json.NewDecoder(io.LimitReader(resp.Body, 64*feedLimit)).Decode(&ans); err != nil {
			return nil, fmt.Errorf("reading deleted accounts: %w", err)
		}
		return ans.Subjects, nil
	}
}

// DefaultFeedInterval is how often a Feed asks by default.
const DefaultFeedInterval = time.Second

// Feed is an in-memory copy of recent deletions for a process without a
// database of its own (the router), refreshed every Interval. It implements
// auth.Revocations. Until the first answer it knows of no deletion; the
// services behind still refuse with their own tombstones.
type Feed struct {
	Fetch    func(context.Context) ([]string, error)
	Interval time.Duration
	Log      *slog.Logger

	mu      sync.RWMutex
	deleted map[string]struct{}
	failing bool
}

// Revoked reports whether subject was in the last answer.
func (f *Feed) Revoked(_ context.Context, subject string) (bool, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	_, ok := f.deleted[subject]
	return ok, nil
}

// Refresh asks once and replaces the copy.
func (f *Feed) Refresh(ctx context.Context) error {
	subjects, err := f.Fetch(ctx)
	if err != nil {
		return err
	}
	set := make(map[string]struct{}, len(subjects))
	for _, s := range subjects {
		set[s] = struct{}{}
	}
	f.mu.Lock()
	f.deleted = set
	f.mu.Unlock()
	return nil
}

// Run refreshes every Interval until ctx ends. Failures keep the last copy
// and are logged once until the feed answers again.
func (f *Feed) Run(ctx context.Context) error {
	interval := f.Interval
	if interval <= 0 {
		interval = DefaultFeedInterval
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		err := f.Refresh(ctx)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil && !f.failing:
			f.Log.WarnContext(ctx, "deleted accounts are not refreshing; subgraphs still refuse them", "err", err)
		case err == nil && f.failing:
			f.Log.InfoContext(ctx, "deleted accounts refresh again")
		}
		f.failing = err != nil
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

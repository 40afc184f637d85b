package courses_test

import (
	"context"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/subgraphs/courses"
)

// TestCourseURLsAreLive fetches every catalogue URL and fails on those that
// are gone (404, 410) or unreachable. It needs the internet, so it runs only
// with COACH_CHECK_COURSE_URLS=1 (run it before a catalogue release):
//
//	COACH_CHECK_COURSE_URLS=1 go test ./subgraphs/courses -run TestCourseURLsAreLive -v
//
// Sites that refuse robots (401, 403, 429) are logged, not failed.
func TestCourseURLsAreLive(t *testing.T) {
	if os.Getenv("COACH_CHECK_COURSE_URLS") != "1" {
		t.Skip("set COACH_CHECK_COURSE_URLS=1 to check the catalogue's URLs over the internet")
	}
	shipped, err := courses.LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	cat := shipped.Courses
	client := &http.Client{Timeout: 20 * time.Second}
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for _, c := range cat {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, c.URL, nil)
			req.Header.Set("User-Agent", "CareerCoach-catalogue-check/1.0")
			resp, err := client.Do(req)
			if err != nil {
				t.Errorf("%s %s: %v", c.ID, c.URL, err)
				return
			}
			resp.Body.Close()
			switch {
			case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone || resp.StatusCode >= 500:
				t.Errorf("%s %s: %s", c.ID, c.URL, resp.Status)
			case resp.StatusCode >= 400:
				t.Logf("%s %s: %s (inconclusive)", c.ID, c.URL, resp.Status)
			}
		}()
	}
	wg.Wait()
}

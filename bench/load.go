package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Load is one fixed-concurrency run: Clients loops, each posting Body to
// URL and waiting for the whole response before the next, as k6's
// constant-VUs executor does.
type Load struct {
	URL      string
	Body     []byte
	Clients  int
	Warmup   time.Duration // requests in this first phase are not counted
	Duration time.Duration // the measured phase
	// Want, when set, is the exact body every response must have;
	// otherwise a response is an error when it has an "errors" member, as
	// in k6.js's check.
	Want []byte
}

// Stats are the measured phase's numbers.
type Stats struct {
	Requests   int
	Errors     int
	FirstError string
	RPS        float64
	P50        time.Duration
	P95        time.Duration
	P99        time.Duration
	Max        time.Duration
}

// Run drives the load and returns when the measured phase ends (in-flight
// requests are cut off at 10 s).
func Run(ctx context.Context, l Load) (Stats, error) {
	if l.Clients <= 0 || l.Duration <= 0 {
		return Stats{}, fmt.Errorf("load: clients and duration must be positive")
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConnsPerHost: l.Clients,
		DisableCompression:  true,
	}}
	defer client.CloseIdleConnections()
	start := time.Now()
	measureFrom := start.Add(l.Warmup)
	end := measureFrom.Add(l.Duration)
	ctx, cancel := context.WithDeadline(ctx, end.Add(10*time.Second))
	defer cancel()

	type worker struct {
		lat    []time.Duration
		errs   int
		reqs   int
		first  string
		buffer bytes.Buffer
	}
	ws := make([]*worker, l.Clients)
	var wg sync.WaitGroup
	for i := range ws {
		w := &worker{}
		ws[i] = w
		wg.Go(func() {
			for {
				t0 := time.Now()
				if !t0.Before(end) || ctx.Err() != nil {
					return
				}
				err := l.once(ctx, client, &w.buffer)
				if t0.Before(measureFrom) {
					continue
				}
				w.reqs++
				if err != nil {
					w.errs++
					if w.first == "" {
						w.first = err.Error()
					}
					continue
				}
				w.lat = append(w.lat, time.Since(t0))
			}
		})
	}
	wg.Wait()

	var st Stats
	var lat []time.Duration
	for _, w := range ws {
		st.Requests += w.reqs
		st.Errors += w.errs
		if st.FirstError == "" {
			st.FirstError = w.first
		}
		lat = append(lat, w.lat...)
	}
	slices.Sort(lat)
	st.RPS = float64(st.Requests) / l.Duration.Seconds()
	if n := len(lat); n > 0 {
		st.P50, st.P95, st.P99, st.Max = lat[n*50/100], lat[n*95/100], lat[n*99/100], lat[n-1]
	}
	return st, nil
}

// once sends one request and checks its response.
func (l Load) once(ctx context.Context, c *http.Client, buf *bytes.Buffer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.URL, bytes.NewReader(l.Body))
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("post: %w", err)
	}
	defer res.Body.Close()
	buf.Reset()
	if _, err := io.Copy(buf, res.Body); err != nil {
		return fmt.Errorf("read response: %w", err)
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", res.StatusCode)
	}
	body := bytes.TrimRight(buf.Bytes(), "\n")
	if l.Want != nil {
		if !bytes.Equal(body, l.Want) {
			return fmt.Errorf("response differs from the expected one (%d bytes, want %d)", len(body), len(l.Want))
		}
		return nil
	}
	if bytes.Contains(body, []byte(`"errors"`)) {
		return fmt.Errorf("response has errors: %.200s", body)
	}
	return nil
}

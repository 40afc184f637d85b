package httpserver

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/logging"
)

// startLimited serves h with limits on 127.0.0.1 and returns its address.
func startLimited(t *testing.T, l config.HTTPLimits, h http.Handler) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	s := &Server{Addr: "127.0.0.1:0", Handler: h, Log: logging.Discard(), Limits: l,
		ShutdownTimeout: time.Second, Ready: func(a net.Addr) { addrc <- a }}
	errc := make(chan error, 1)
	go func() { errc <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-errc
	})
	return (<-addrc).String()
}

// healthOnly serves /healthz and /readyz.
func healthOnly() http.Handler {
	mux := http.NewServeMux()
	Health(mux, nil)
	return mux
}

// dialFrom opens a TCP connection to addr from the loopback address from
// (127.0.0.1, 127.0.0.2, …: Linux routes all of 127/8 to lo).
func dialFrom(t *testing.T, from, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 2 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial from %s: %v", from, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// get sends GET path on c and returns the status, or 0 and the error when
// the server closed the connection without an answer.
func get(c net.Conn, path string) (int, error) {
	_ = c.SetDeadline(time.Now().Add(3 * time.Second))
	if _, err := fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", path); err != nil {
		return 0, err
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}

// waitClosed reports how long the server took to close c (reads until EOF
// or a reset), failing after limit.
func waitClosed(t *testing.T, c net.Conn, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	_ = c.SetReadDeadline(start.Add(limit))
	_, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("connection still open after %s", limit)
	}
	return time.Since(start)
}

// The attack replayed at small scale: connections that send a header and
// then a body byte every 100ms (the attacker's "every few seconds", sped
// up) are closed once they fall behind the minimum rate, and their slots
// are free again; a body sent at a reasonable rate takes as long as it
// needs, and a stream that follows a body is not cut.
func TestSlowBodiesAreClosed(t *testing.T) {
	limits := config.HTTPLimits{ReadHeaderTimeout: 2 * time.Second, BodyTimeout: 300 * time.Millisecond, BodyMinRate: 1000,
		IdleTimeout: 5 * time.Second, MaxConnections: 100, MaxConnectionsPerIP: 10}
	var mu sync.Mutex
	var bodyErrs []error
	mux := http.NewServeMux()
	Health(mux, nil)
	mux.HandleFunc("POST /upload", func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		if err != nil {
			mu.Lock()
			bodyErrs = append(bodyErrs, err)
			mu.Unlock()
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fmt.Fprintf(w, "%d", n)
	})
	mux.HandleFunc("POST /stream", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		rc := http.NewResponseController(w)
		for i := range 6 { // 600ms: twice the body timeout
			fmt.Fprintf(w, "event %d\n", i)
			_ = rc.Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
	addr := startLimited(t, limits, mux)

	t.Run("trickled bodies are closed", func(t *testing.T) {
		const attackers = 10 // the whole per-address allowance
		conns := make([]net.Conn, attackers)
		for i := range conns {
			conns[i] = dialFrom(t, "127.0.0.1", addr)
			fmt.Fprintf(conns[i], "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n")
		}
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for _, c := range conns {
			wg.Go(func() {
				for {
					select {
					case <-stop:
						return
					case <-time.After(100 * time.Millisecond):
					}
					if _, err := c.Write([]byte("x")); err != nil {
						return
					}
				}
			})
		}
		for _, c := range conns {
			if took := waitClosed(t, c, 3*time.Second); took > 2*time.Second {
				t.Errorf("a trickling connection was closed after %s", took)
			}
		}
		close(stop)
		wg.Wait()
		mu.Lock()
		for _, err := range bodyErrs {
			if !errors.Is(err, ErrBodyTooSlow) {
				t.Errorf("handler read error %v, want ErrBodyTooSlow", err)
			}
		}
		if len(bodyErrs) != attackers {
			t.Errorf("%d handlers saw a slow body, want %d", len(bodyErrs), attackers)
		}
		mu.Unlock()
		// Their slots are free: the same address is served again.
		if status, err := get(dialFrom(t, "127.0.0.1", addr), "/healthz"); status != http.StatusOK {
			t.Fatalf("after the attack /healthz got %d, %v", status, err)
		}
	})

	t.Run("steady upload longer than the body timeout", func(t *testing.T) {
		c := dialFrom(t, "127.0.0.1", addr)
		const size = 40 << 10 // 8 chunks of 5 KiB, 100ms apart: 800ms at 50 KB/s
		fmt.Fprintf(c, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", size)
		chunk := strings.Repeat("y", 5<<10)
		for range 8 {
			time.Sleep(100 * time.Millisecond)
			if _, err := io.WriteString(c, chunk); err != nil {
				t.Fatalf("upload cut: %v", err)
			}
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || string(body) != fmt.Sprint(size) {
			t.Fatalf("upload answered %d %q", resp.StatusCode, body)
		}
	})

	t.Run("stream after a body outlives the body timeout", func(t *testing.T) {
		resp, err := http.Post("http://"+addr+"/stream", "application/json", strings.NewReader(`{"query":"subscription{x}"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil || !strings.Contains(string(body), "event 5") {
			t.Fatalf("stream cut: %q, %v", body, err)
		}
	})
}

func TestSlowHeadersAndIdleConnectionsAreClosed(t *testing.T) {
	limits := config.HTTPLimits{ReadHeaderTimeout: 300 * time.Millisecond, BodyTimeout: time.Second, BodyMinRate: 1000,
		IdleTimeout: 300 * time.Millisecond, MaxConnections: 100, MaxConnectionsPerIP: 10}
	addr := startLimited(t, limits, healthOnly())
	tests := []struct {
		name string
		send func(t *testing.T, c net.Conn)
	}{
		{"header never finished", func(t *testing.T, c net.Conn) {
			_, _ = io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n")
		}},
		{"idle after a request", func(t *testing.T, c net.Conn) {
			if status, err := get(c, "/healthz"); status != http.StatusOK {
				t.Fatalf("/healthz got %d, %v", status, err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dialFrom(t, "127.0.0.1", addr)
			tt.send(t, c)
			if took := waitClosed(t, c, 3*time.Second); took > 2*time.Second {
				t.Errorf("closed after %s", took)
			}
		})
	}
}

// One address holding its whole allowance is refused the next connection,
// while another address and the health probe are still served; a slot
// comes back when a connection closes. Past the total, everyone waits.
func TestConnectionCaps(t *testing.T) {
	limits := config.HTTPLimits{ReadHeaderTimeout: 5 * time.Second, BodyTimeout: time.Second, BodyMinRate: 1000,
		IdleTimeout: 5 * time.Second, MaxConnections: 6, MaxConnectionsPerIP: 3}
	addr := startLimited(t, limits, healthOnly())

	held := make([]net.Conn, 3)
	for i := range held {
		held[i] = dialFrom(t, "127.0.0.1", addr)
		if status, err := get(held[i], "/healthz"); status != http.StatusOK {
			t.Fatalf("connection %d: %d, %v", i+1, status, err)
		}
	}
	status, err := get(dialFrom(t, "127.0.0.1", addr), "/healthz")
	if status != http.StatusTooManyRequests && err == nil {
		t.Fatalf("the 4th connection from one address got %d, want 429 or a closed connection", status)
	}
	if status, err := get(dialFrom(t, "127.0.0.2", addr), "/healthz"); status != http.StatusOK {
		t.Fatalf("another address got %d, %v", status, err)
	}
	probe := dialFrom(t, "127.0.0.3", addr)
	if status, err := get(probe, "/healthz"); status != http.StatusOK {
		t.Fatalf("health probe got %d, %v", status, err)
	}
	_ = held[0].Close()
	waitFor(t, func() bool {
		status, _ := get(dialFrom(t, "127.0.0.1", addr), "/healthz")
		return status == http.StatusOK
	})

	// 127.0.0.1 holds 3 (two kept, one just made), .2's is idle, the probe
	// holds 1: one more fills the total, the one after is refused.
	if status, err := get(dialFrom(t, "127.0.0.4", addr), "/healthz"); status != http.StatusOK {
		t.Fatalf("the connection filling the total got %d, %v", status, err)
	}
	status, err = get(dialFrom(t, "127.0.0.5", addr), "/healthz")
	if status != http.StatusServiceUnavailable && err == nil {
		t.Fatalf("a connection past the total got %d, want 503 or a closed connection", status)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("condition not met within 3s")
}

func TestPeerOf(t *testing.T) {
	tests := []struct {
		name, addr, want string
	}{
		{"ipv4", "192.0.2.7:5000", "192.0.2.7/32"},
		{"ipv4-mapped ipv6", "[::ffff:192.0.2.7]:5000", "192.0.2.7/32"},
		{"ipv6 counts its /64", "[2001:db8:1:2:aaaa::1]:5000", "2001:db8:1:2::/64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := net.ResolveTCPAddr("tcp", tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			if got := peerOf(a).String(); got != tt.want {
				t.Fatalf("peerOf(%s) = %s, want %s", tt.addr, got, tt.want)
			}
		})
	}
}

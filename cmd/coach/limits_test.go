//go:build !routeronly

package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// The slow-body attack of issue 20 against `coach dev` at small scale: the
// router and a subgraph close connections that trickle a body, one address
// is refused past its connection cap while another, and the health probe,
// are still served.
func TestDevLimitsSlowBodiesAndConnections(t *testing.T) {
	d := startDev(t, "--body-timeout", "300ms", "--body-min-rate", "1000", "--max-tcp-connections-per-ip", "3",
		"--subgraph-body-timeout", "300ms", "--subgraph-body-min-rate", "1000")

	for name, addr := range map[string]string{"router": d.addr, "cv subgraph": d.subAddrs["cv"]} {
		t.Run("trickled body to the "+name, func(t *testing.T) {
			c := dialAs(t, "127.0.0.5", addr)
			fmt.Fprintf(c, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
			closed := make(chan time.Duration, 1)
			start := time.Now()
			go func() {
				_, _ = io.Copy(io.Discard, c)
				closed <- time.Since(start)
			}()
			for {
				select {
				case took := <-closed:
					if took > 2*time.Second {
						t.Fatalf("closed only after %s", took)
					}
					return
				case <-time.After(100 * time.Millisecond):
				}
				if time.Since(start) > 5*time.Second {
					t.Fatal("a connection sending a byte every 100ms is still open after 5s")
				}
				_, _ = c.Write([]byte(" "))
			}
		})
	}

	t.Run("connection cap per address", func(t *testing.T) {
		// Each claims another address in X-Forwarded-For: the socket's counts.
		for i := range 3 {
			if status := healthz(t, dialAs(t, "127.0.0.6", d.addr), fmt.Sprintf("203.0.113.%d", i)); status != http.StatusOK {
				t.Fatalf("connection %d got %d", i+1, status)
			}
		}
		if status := healthz(t, dialAs(t, "127.0.0.6", d.addr), "203.0.113.99"); status == http.StatusOK {
			t.Fatal("the 4th open connection from one address was served")
		}
		if status := healthz(t, dialAs(t, "127.0.0.7", d.addr), ""); status != http.StatusOK {
			t.Fatalf("another address got %d", status)
		}
		if resp, err := http.Get("http://" + d.addr + "/healthz"); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("the health probe failed: %v", err)
		} else {
			resp.Body.Close()
		}
	})
}

// dialAs connects to addr from the loopback address from (Linux routes all
// of 127/8 to lo); the connection is closed when the test ends.
func dialAs(t *testing.T, from, addr string) net.Conn {
	t.Helper()
	c, err := (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 2 * time.Second}).Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// healthz asks GET /healthz on c, claiming to be forwardedFor unless it is
// empty, and keeps c open; 0 means no answer.
func healthz(t *testing.T, c net.Conn, forwardedFor string) int {
	t.Helper()
	_ = c.SetDeadline(time.Now().Add(3 * time.Second))
	req := "GET /healthz HTTP/1.1\r\nHost: x\r\n"
	if forwardedFor != "" {
		req += "X-Forwarded-For: " + forwardedFor + "\r\n"
	}
	if _, err := io.WriteString(c, req+"\r\n"); err != nil {
		return 0
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

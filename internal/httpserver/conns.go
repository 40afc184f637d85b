package httpserver

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"sync"
	"time"
)

// connLimiter is a listener that refuses a connection beyond max open in
// all or perIP open from one client address, as nginx's limit_conn does.
// The address is the socket's peer, never a forwarded header: a client
// can set those to whatever dodges the cap.
type connLimiter struct {
	net.Listener
	max, perIP int
	log        *slog.Logger

	perIPRefusal, totalRefusal string

	mu      sync.Mutex
	open    int
	byPeer  map[netip.Prefix]int
	refused int       // since lastLog
	lastLog time.Time // of a refusal
}

func newConnLimiter(ln net.Listener, max, perIP int, log *slog.Logger) *connLimiter {
	return &connLimiter{Listener: ln, max: max, perIP: perIP, log: log, byPeer: map[netip.Prefix]int{},
		perIPRefusal: refusal("429 Too Many Requests", "too many open connections from your address; close some and retry"),
		totalRefusal: refusal("503 Service Unavailable", "the server has too many open connections; retry shortly")}
}

// refusal is the answer to a refused connection, sent before it is closed
// so that a well-behaved client learns why (429: its address has too many;
// 503: the server has).
func refusal(status, message string) string {
	body := `{"errors":[{"message":"` + message + `","extensions":{"code":"TOO_MANY_CONNECTIONS"}}]}`
	return fmt.Sprintf("HTTP/1.1 %s\r\nConnection: close\r\nRetry-After: 5\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
		status, len(body), body)
}

// Accept returns the next connection within the limits; those beyond are
// answered and closed here, without a goroutine or a read.
func (l *connLimiter) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		peer := peerOf(c.RemoteAddr())
		if answer := l.acquire(peer); answer != "" {
			// The answer fits the socket buffer; the deadline only guards
			// the accept loop against a peer that never reads at all.
			_ = c.SetWriteDeadline(time.Now().Add(100 * time.Millisecond))
			_, _ = io.WriteString(c, answer)
			_ = c.Close()
			continue
		}
		return &limitedConn{Conn: c, release: sync.OnceFunc(func() { l.release(peer) })}, nil
	}
}

func (l *connLimiter) acquire(peer netip.Prefix) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var answer string
	switch {
	case l.open >= l.max:
		answer = l.totalRefusal
	case l.byPeer[peer] >= l.perIP:
		answer = l.perIPRefusal
	default:
		l.open++
		l.byPeer[peer]++
		return ""
	}
	// One log line a second at most: a flood must not flood the log too.
	l.refused++
	if now := time.Now(); now.Sub(l.lastLog) >= time.Second {
		l.log.Warn("refusing connections over the limit", "refused", l.refused, "open", l.open,
			"max_tcp_connections", l.max, "max_tcp_connections_per_ip", l.perIP, "last_peer", peer.String())
		l.refused, l.lastLog = 0, now
	}
	return answer
}

func (l *connLimiter) release(peer netip.Prefix) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.open--
	if l.byPeer[peer]--; l.byPeer[peer] <= 0 {
		delete(l.byPeer, peer)
	}
}

// peerOf is the client address a limit counts: the IP, or its /64 for
// IPv6, where one client usually holds a whole /64 (RFC 6177).
func peerOf(a net.Addr) netip.Prefix {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return netip.Prefix{}
	}
	ip := tcp.AddrPort().Addr().Unmap()
	bits := ip.BitLen()
	if ip.Is6() {
		bits = 64
	}
	p, _ := ip.Prefix(bits)
	return p
}

// limitedConn gives its slot back when closed (by net/http, or by whoever
// hijacked it for a WebSocket).
type limitedConn struct {
	net.Conn
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}

// ReadFrom keeps sendfile for static files: net/http looks for it on the
// connection it was given.
func (c *limitedConn) ReadFrom(r io.Reader) (int64, error) { return io.Copy(c.Conn, r) }

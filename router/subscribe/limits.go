package subscribe

import (
	"net"
	"net/http"
	"sync"
)

// IPLimiter bounds concurrent long-lived connections per client address.
type IPLimiter struct {
	Max int // 0 means no limit

	mu   sync.Mutex
	open map[string]int
}

// Acquire takes a slot for ip; false when ip is at its limit.
func (l *IPLimiter) Acquire(ip string) bool {
	if l == nil || l.Max <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		l.open = map[string]int{}
	}
	if l.open[ip] >= l.Max {
		return false
	}
	l.open[ip]++
	return true
}

// Release gives back a slot taken by Acquire.
func (l *IPLimiter) Release(ip string) {
	if l == nil || l.Max <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[ip]--; l.open[ip] <= 0 {
		delete(l.open, ip)
	}
}

// ClientIP is the peer address of r. Forwarded headers are not trusted:
// any client could set them to dodge the limit.
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

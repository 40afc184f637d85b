package subscribe

import (
	"net/http/httptest"
	"testing"
)

// The per-address WebSocket cap counts the socket's peer: headers a client
// sets itself cannot move it to another address's allowance.
func TestClientIPIgnoresForwardedHeaders(t *testing.T) {
	tests := []struct {
		name, remote, header, value, want string
	}{
		{"ipv4", "192.0.2.7:5000", "", "", "192.0.2.7"},
		{"ipv6", "[2001:db8::1]:5000", "", "", "2001:db8::1"},
		{"X-Forwarded-For", "192.0.2.7:5000", "X-Forwarded-For", "203.0.113.9", "192.0.2.7"},
		{"X-Real-IP", "192.0.2.7:5000", "X-Real-IP", "203.0.113.9", "192.0.2.7"},
		{"Forwarded", "192.0.2.7:5000", "Forwarded", "for=203.0.113.9", "192.0.2.7"},
	}
	l := &IPLimiter{Max: 1}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/graphql", nil)
			r.RemoteAddr = tt.remote
			if tt.header != "" {
				r.Header.Set(tt.header, tt.value)
			}
			if got := ClientIP(r); got != tt.want {
				t.Fatalf("ClientIP = %s, want %s", got, tt.want)
			}
		})
	}
	// One slot for 192.0.2.7: a spoofed header does not win a second.
	if !l.Acquire("192.0.2.7") {
		t.Fatal("first connection refused")
	}
	r := httptest.NewRequest("GET", "/graphql", nil)
	r.RemoteAddr = "192.0.2.7:5001"
	r.Header.Set("X-Forwarded-For", "203.0.113.10")
	if l.Acquire(ClientIP(r)) {
		t.Fatal("a second connection with a spoofed X-Forwarded-For got a slot")
	}
}

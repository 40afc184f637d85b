package config

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// HTTPLimits bound what clients can hold of an HTTP server: how long a
// request's header and body may take, how long an idle connection stays
// open, and how many connections one address and all together may hold
// (issue 20: ~20,000 slow-body connections exhausted the file descriptors).
type HTTPLimits struct {
	// ReadHeaderTimeout bounds reading a request's header.
	ReadHeaderTimeout time.Duration
	// BodyTimeout and BodyMinRate pace a request body as Apache's
	// mod_reqtimeout does (body=20,MinRate=500): the body must be read
	// within BodyTimeout, extended by one second per BodyMinRate bytes
	// received. A whole-request timeout would cut long uploads; a
	// per-read one alone lets a byte every few seconds hold a connection
	// forever.
	BodyTimeout time.Duration
	BodyMinRate int
	// IdleTimeout closes a keep-alive connection waiting for its next request.
	IdleTimeout time.Duration
	// MaxConnections bounds open TCP connections; MaxConnectionsPerIP
	// those from one client address (an IPv6 /64), WebSockets included.
	MaxConnections      int
	MaxConnectionsPerIP int
}

// PublicHTTPLimits are the defaults of a server clients reach (the router).
func PublicHTTPLimits() HTTPLimits {
	return HTTPLimits{ReadHeaderTimeout: 10 * time.Second, BodyTimeout: 20 * time.Second, BodyMinRate: 500,
		IdleTimeout: 60 * time.Second, MaxConnections: 10000, MaxConnectionsPerIP: 256}
}

// InternalHTTPLimits are the defaults of a subgraph: all of the router's
// traffic comes from one address (up to 512 pooled connections per subgraph
// plus a WebSocket per subscription), so its per-address cap is higher.
func InternalHTTPLimits() HTTPLimits {
	l := PublicHTTPLimits()
	l.MaxConnections, l.MaxConnectionsPerIP = 4096, 2048
	return l
}

// BindHTTPLimits registers the limits' flags, each name after prefix
// ("" or "subgraph-"); the variables are COACH_ and the flag in capitals.
func BindHTTPLimits(f *FlagSet, l *HTTPLimits, prefix string, def HTTPLimits) {
	bind := func(name string) (string, string) {
		return prefix + name, "COACH_" + strings.ToUpper(strings.ReplaceAll(prefix+name, "-", "_"))
	}
	flag, env := bind("read-header-timeout")
	f.Duration(&l.ReadHeaderTimeout, flag, env, def.ReadHeaderTimeout, "time a client gets to send a request's header")
	flag, env = bind("body-timeout")
	f.Duration(&l.BodyTimeout, flag, env, def.BodyTimeout, "time a client gets to send a request body, extended by 1s per --"+prefix+"body-min-rate bytes received")
	flag, env = bind("body-min-rate")
	f.Int(&l.BodyMinRate, flag, env, def.BodyMinRate, "slowest accepted request body, in bytes per second")
	flag, env = bind("idle-timeout")
	f.Duration(&l.IdleTimeout, flag, env, def.IdleTimeout, "time an idle keep-alive connection stays open")
	flag, env = bind("max-tcp-connections")
	f.Int(&l.MaxConnections, flag, env, def.MaxConnections, "open connections (HTTP, WebSocket, event streams) in all")
	flag, env = bind("max-tcp-connections-per-ip")
	f.Int(&l.MaxConnectionsPerIP, flag, env, def.MaxConnectionsPerIP, "open connections (HTTP, WebSocket, event streams) per client address (IPv6: per /64)")
}

// Validate checks the limits; prefix names the flags as BindHTTPLimits did.
func (l HTTPLimits) Validate(prefix string) error {
	var errs []error
	for _, t := range []struct {
		name string
		d    time.Duration
	}{{"read-header-timeout", l.ReadHeaderTimeout}, {"body-timeout", l.BodyTimeout}, {"idle-timeout", l.IdleTimeout}} {
		if t.d <= 0 {
			errs = append(errs, fmt.Errorf("--%s%s must be positive, not %s", prefix, t.name, t.d))
		}
	}
	if l.BodyMinRate <= 0 {
		errs = append(errs, fmt.Errorf("--%sbody-min-rate must be positive, not %d", prefix, l.BodyMinRate))
	}
	if l.MaxConnectionsPerIP <= 0 || l.MaxConnections < l.MaxConnectionsPerIP {
		errs = append(errs, fmt.Errorf("--%smax-tcp-connections-per-ip (%d) must be positive and at most --%smax-tcp-connections (%d)",
			prefix, l.MaxConnectionsPerIP, prefix, l.MaxConnections))
	}
	return errors.Join(errs...)
}

package config

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// CheckAddr validates a listen address such as ":4001" or "127.0.0.1:4000".
func CheckAddr(flagName, addr string) error {
	if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
		return fmt.Errorf("--%s %q: want host:port or :port", flagName, addr)
	}
	return nil
}

// CheckURL validates an optional URL with one of the allowed schemes.
func CheckURL(flagName, raw string, schemes ...string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("--%s: %w", flagName, err)
	}
	for _, s := range schemes {
		if u.Scheme == s {
			return nil
		}
	}
	return fmt.Errorf("--%s: scheme %q not allowed, want %s", flagName, u.Scheme, strings.Join(schemes, " or "))
}

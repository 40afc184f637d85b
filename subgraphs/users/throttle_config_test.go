package users

import (
	"strings"
	"testing"
	"time"
)

func TestThrottleConfig(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*ThrottleConfig)
		wantErr string
	}{
		{"defaults", func(*ThrottleConfig) {}, ""},
		{"no free failures", func(c *ThrottleConfig) { c.AccountFreeFailures = 0 }, "--login-account-free-failures"},
		{"max below base", func(c *ThrottleConfig) { c.MaxDelay = c.BaseDelay / 2 }, "--login-max-delay"},
		{"forgetting before the longest delay ends", func(c *ThrottleConfig) { c.Forget = c.MaxDelay / 2 }, "--login-forget-after"},
		{"short device cookies", func(c *ThrottleConfig) { c.DeviceTTL = time.Minute }, "--device-cookie-ttl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := DefaultThrottle()
			tt.edit(&c)
			err := c.Validate()
			if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Validate = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestDelayDoublesUpToTheMaximum(t *testing.T) {
	c := DefaultThrottle()
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{0, 0}, {5, 0}, {6, time.Second}, {7, 2 * time.Second}, {10, 16 * time.Second},
		{15, 512 * time.Second}, {16, 15 * time.Minute}, {1000, 15 * time.Minute},
	}
	for _, tt := range tests {
		if got := c.delay(tt.failures, 5); got != tt.want {
			t.Errorf("delay(%d) = %s, want %s", tt.failures, got, tt.want)
		}
	}
}

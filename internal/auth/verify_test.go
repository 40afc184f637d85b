package auth_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/auth/authtest"
)

func TestVerify(t *testing.T) {
	iss := authtest.New(t)
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	tests := []struct {
		name    string
		token   func() string
		wantErr string
	}{
		{"valid", func() string { return iss.Token(t, "u1") }, ""},
		{"expired", func() string {
			return iss.Token(t, "u1", func(c *auth.Claims) {
				c.IssuedAt = jwt.NewNumericDate(time.Now().Add(-time.Hour))
				c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-10 * time.Minute))
			})
		}, "expired"},
		{"wrong audience", func() string {
			return iss.Token(t, "u1", func(c *auth.Claims) { c.Audience = jwt.ClaimStrings{"someone-else"} })
		}, "audience"},
		{"wrong issuer", func() string {
			return iss.Token(t, "u1", func(c *auth.Claims) { c.Issuer = "https://evil.test" })
		}, "issuer"},
		{"no expiry", func() string {
			return iss.Token(t, "u1", func(c *auth.Claims) { c.ExpiresAt = nil })
		}, "exp"},
		{"no subject", func() string {
			return iss.Token(t, "", nil...)
		}, "no subject"},
		{"alg none", func() string {
			tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": "u1", "iss": iss.URL, "aud": auth.Audience, "exp": time.Now().Add(time.Hour).Unix()})
			s, _ := tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
			return s
		}, "signing method none is invalid"},
		{"tampered payload", func() string {
			parts := strings.Split(iss.Token(t, "u1"), ".")
			other := strings.Split(iss.Token(t, "u2"), ".")
			return parts[0] + "." + other[1] + "." + parts[2]
		}, "signature is invalid"},
		{"signed by unknown key", func() string {
			tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, jwt.MapClaims{"sub": "u1", "iss": iss.URL, "aud": auth.Audience, "exp": time.Now().Add(time.Hour).Unix()})
			tok.Header["kid"] = "not-published"
			s, _ := tok.SignedString(otherKey)
			return s
		}, "key"},
		{"garbage", func() string { return "not.a.jwt" }, "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, err := iss.Verifier.Verify(context.Background(), tt.token())
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Verify: %v", err)
				}
				if claims.Subject != "u1" || claims.Email != "u1@example.test" {
					t.Fatalf("claims = %+v", claims)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestVerifyAfterKeyRotation(t *testing.T) {
	iss := authtest.New(t)
	ctx := context.Background()
	if _, err := iss.Verifier.Verify(ctx, iss.Token(t, "u1")); err != nil {
		t.Fatalf("before rotation: %v", err)
	}
	iss.Rotate(t) // the verifier has cached the old set; an unknown kid must trigger a refresh
	if _, err := iss.Verifier.Verify(ctx, iss.Token(t, "u1")); err != nil {
		t.Fatalf("after rotation: %v", err)
	}
}

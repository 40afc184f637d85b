package oauthtest

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// idToken signs an ID token for user, bad in the way fault says.
func (p *Provider) idToken(user User, nonce string, fault Fault) (string, error) {
	now := time.Now()
	claims := jwt.MapClaims{
		"iss": p.Issuer(), "sub": user.Subject, "aud": p.ClientID,
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "nonce": nonce,
		"email": user.Email, "name": user.Name,
	}
	maps.Copy(claims, p.flavour.claims(user))
	switch fault {
	case WrongAudience:
		claims["aud"] = "another-client"
	case Expired:
		claims["iat"], claims["exp"] = now.Add(-2*time.Hour).Unix(), now.Add(-time.Hour).Unix()
	case IssuedInFuture:
		claims["iat"] = now.Add(time.Hour).Unix()
	case WrongNonce:
		claims["nonce"] = "nonce-of-another-sign-in"
	case WrongIssuer:
		claims["iss"] = "https://issuer.invalid"
	}

	method, key, kid := jwt.SigningMethod(jwt.SigningMethodRS256), any(p.key), keyID
	switch fault {
	case AlgNone:
		method, key = jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType
	case AlgHS256:
		method, key = jwt.SigningMethodHS256, []byte(p.ClientSecret)
	case UnknownKey:
		other, err := p.unpublishedKey()
		if err != nil {
			return "", err
		}
		key, kid = other, "unpublished-key"
	}
	tok := jwt.NewWithClaims(method, claims)
	tok.Header["kid"] = kid
	signed, err := tok.SignedString(key)
	if err != nil {
		return "", fmt.Errorf("signing ID token: %w", err)
	}
	switch fault {
	case TamperedSignature:
		return tamperSignature(signed)
	case TamperedClaims:
		return tamperClaims(signed)
	}
	return signed, nil
}

func (p *Provider) unpublishedKey() (*rsa.PrivateKey, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.otherKey == nil {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return nil, fmt.Errorf("generating RSA key: %w", err)
		}
		p.otherKey = k
	}
	return p.otherKey, nil
}

// tamperSignature flips one bit of the signature.
func tamperSignature(token string) (string, error) {
	parts := strings.Split(token, ".")
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return "", fmt.Errorf("decoding signature: %w", err)
	}
	sig[len(sig)/2] ^= 0x01
	parts[2] = base64.RawURLEncoding.EncodeToString(sig)
	return strings.Join(parts, "."), nil
}

// tamperClaims swaps the subject for another person's and keeps the
// original signature, as an attacker editing a token would.
func tamperClaims(token string) (string, error) {
	parts := strings.Split(token, ".")
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", fmt.Errorf("decoding claims: %w", err)
	}
	var claims map[string]any
	if err := json.Unmarshal(payload, &claims); err != nil {
		return "", fmt.Errorf("decoding claims: %w", err)
	}
	claims["sub"] = "someone-else"
	payload, err = json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("encoding claims: %w", err)
	}
	parts[1] = base64.RawURLEncoding.EncodeToString(payload)
	return strings.Join(parts, "."), nil
}

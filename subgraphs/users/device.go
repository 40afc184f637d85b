package users

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// DeviceCookies issues and checks device cookies (OWASP "Slow Down Online
// Guessing Attacks with Device Cookies"): after a successful sign-in the
// browser gets a cookie that names the account and a random nonce, signed
// with HMAC-SHA256. Presenting it with that account's email takes the
// attempt out of the account's and the address's throttles; its failures
// count against the nonce alone.
type DeviceCookies struct {
	Key []byte // HMAC key, at least 32 bytes
	TTL time.Duration
}

// maxDeviceCookieLen bounds the cookie parsed: nonce + expiry + MAC.
const maxDeviceCookieLen = 128

// Issue returns a cookie value for email and its expiry.
func (d DeviceCookies) Issue(email string, now time.Time) (string, time.Time) {
	nonce := make([]byte, 16)
	_, _ = rand.Read(nonce) // crypto/rand.Read never fails on supported platforms
	exp := now.Add(d.TTL).Truncate(time.Second)
	payload := base64.RawURLEncoding.EncodeToString(nonce) + "." + strconv.FormatInt(exp.Unix(), 10)
	return payload + "." + d.mac(payload, email), exp
}

// check returns the nonce of a cookie that is well formed, unexpired and
// signed for email.
func (d DeviceCookies) check(cookie, email string, now time.Time) (string, bool) {
	if len(d.Key) == 0 || cookie == "" || len(cookie) > maxDeviceCookieLen {
		return "", false
	}
	payload, mac, ok := cutLast(cookie, ".")
	if !ok || !hmac.Equal([]byte(mac), []byte(d.mac(payload, email))) {
		return "", false
	}
	nonce, exp, _ := strings.Cut(payload, ".")
	unix, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || !now.Before(time.Unix(unix, 0)) {
		return "", false
	}
	return nonce, true
}

func (d DeviceCookies) mac(payload, email string) string {
	m := hmac.New(sha256.New, d.Key)
	m.Write([]byte("device-cookie-v1\x00" + email + "\x00" + payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+len(sep):], true
}

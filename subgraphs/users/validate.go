package users

import (
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/careercoach/coach/internal/apperr"
)

// Field limits.
const (
	MaxEmailLen       = 254
	MaxDisplayNameLen = 80
	MaxHeadlineLen    = 160
	MaxLocationLen    = 120
	MaxURLLen         = 2048
)

// NormalizeEmail validates an email address and lower-cases it, so that one
// person cannot hold two accounts by changing letter case.
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > MaxEmailLen {
		return "", apperr.Errorf(apperr.Invalid, "enter a valid email address")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
		return "", apperr.Errorf(apperr.Invalid, "enter a valid email address")
	}
	return strings.ToLower(s), nil
}

func checkText(field, v string, max int, required bool) (string, error) {
	v = strings.TrimSpace(v)
	if required && v == "" {
		return "", apperr.Errorf(apperr.Invalid, "%s must not be empty", field)
	}
	if utf8.RuneCountInString(v) > max {
		return "", apperr.Errorf(apperr.Invalid, "%s must be at most %d characters", field, max)
	}
	if strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "", apperr.Errorf(apperr.Invalid, "%s must not contain control characters", field)
	}
	return v, nil
}

// CheckDisplayName trims and validates a display name.
func CheckDisplayName(v string) (string, error) {
	return checkText("display name", v, MaxDisplayNameLen, true)
}

// Validate trims and checks an update; it returns the cleaned update.
func (u ProfileUpdate) Validate() (ProfileUpdate, error) {
	var err error
	clean := func(p *string, f func(string) (string, error)) *string {
		if p == nil || err != nil {
			return p
		}
		var v string
		v, err = f(*p)
		return &v
	}
	out := ProfileUpdate{
		DisplayName: clean(u.DisplayName, CheckDisplayName),
		Headline:    clean(u.Headline, func(v string) (string, error) { return checkText("headline", v, MaxHeadlineLen, false) }),
		Location:    clean(u.Location, func(v string) (string, error) { return checkText("location", v, MaxLocationLen, false) }),
		AvatarURL:   clean(u.AvatarURL, checkAvatarURL),
	}
	return out, err
}

func checkAvatarURL(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	pu, err := url.Parse(v)
	if err != nil || len(v) > MaxURLLen || pu.Scheme != "https" || pu.Host == "" {
		return "", apperr.Errorf(apperr.Invalid, "avatar URL must be an https:// address")
	}
	return v, nil
}

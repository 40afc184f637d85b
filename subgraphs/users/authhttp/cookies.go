package authhttp

import (
	"net/http"
	"time"

	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/subgraphs/users"
)

// setCookies hands the session to a browser: both tokens HttpOnly so page
// scripts cannot read them; the refresh token only travels to /auth.
func (h *Handler) setCookies(w http.ResponseWriter, s *users.Session) {
	http.SetCookie(w, &http.Cookie{
		Name: auth.AccessCookie, Value: s.AccessToken, Path: "/",
		Expires: s.AccessExpiresAt, MaxAge: int(time.Until(s.AccessExpiresAt).Seconds()),
		HttpOnly: true, Secure: h.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
	http.SetCookie(w, &http.Cookie{
		Name: auth.RefreshCookie, Value: s.RefreshToken, Path: "/auth",
		Expires: s.RefreshExpires, MaxAge: int(time.Until(s.RefreshExpires).Seconds()),
		HttpOnly: true, Secure: h.SecureCookies, SameSite: http.SameSiteStrictMode,
	})
	if s.DeviceCookie != "" {
		http.SetCookie(w, &http.Cookie{
			Name: DeviceCookie, Value: s.DeviceCookie, Path: "/auth/login",
			Expires: s.DeviceExpires, MaxAge: int(time.Until(s.DeviceExpires).Seconds()),
			HttpOnly: true, Secure: h.SecureCookies, SameSite: http.SameSiteStrictMode,
		})
	}
}

// DeviceCookie holds the device cookie (users.DeviceCookies); it only
// travels to the login endpoint and outlives sign-out, as it vouches for the
// browser, not for a session.
const DeviceCookie = "cc_device"

func (h *Handler) clearCookies(w http.ResponseWriter) {
	for _, c := range []struct{ name, path string }{{auth.AccessCookie, "/"}, {auth.RefreshCookie, "/auth"}} {
		http.SetCookie(w, &http.Cookie{Name: c.name, Value: "", Path: c.path, MaxAge: -1,
			HttpOnly: true, Secure: h.SecureCookies, SameSite: http.SameSiteLaxMode})
	}
}

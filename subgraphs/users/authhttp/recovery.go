package authhttp

import (
	"net/http"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/auth"
)

// recoveryRequest is the body of the verification, reset and change endpoints.
type recoveryRequest struct {
	Email               string `json:"email"`
	Token               string `json:"token"`
	Password            string `json:"password"`
	CurrentPassword     string `json:"currentPassword"`
	NewPassword         string `json:"newPassword"`
	NewEmail            string `json:"newEmail"`
	IncludeRefreshToken bool   `json:"includeRefreshToken"`
}

func (h *Handler) registerRecovery(mux *http.ServeMux) {
	mux.HandleFunc("POST /auth/verify-email", h.verifyEmail)
	mux.HandleFunc("POST /auth/verify-email/resend", h.resendVerification)
	mux.HandleFunc("POST /auth/password/forgot", h.forgotPassword)
	mux.HandleFunc("POST /auth/password/reset", h.resetPassword)
	mux.HandleFunc("POST /auth/password/change", h.changePassword)
	mux.HandleFunc("POST /auth/email/change", h.changeEmail)
	mux.HandleFunc("GET /auth/dev/mailbox", func(w http.ResponseWriter, r *http.Request) {
		if h.DevMailbox == nil {
			h.fail(w, r, apperr.Errorf(apperr.NotFound, "the development mailbox exists only in coach dev without SMTP"))
			return
		}
		h.DevMailbox.ServeHTTP(w, r)
	})
}

// accepted answers 202 for requests whose outcome is told by email only.
func (h *Handler) accepted(w http.ResponseWriter, r *http.Request, err error, status string) {
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusAccepted, map[string]string{"status": status})
}

func (h *Handler) verifyEmail(w http.ResponseWriter, r *http.Request) {
	var c recoveryRequest
	if !h.decode(w, r, &c) {
		return
	}
	s, err := h.Accounts.VerifyEmail(r.Context(), c.Token)
	h.answerSession(w, r, s, err, http.StatusOK, c.IncludeRefreshToken)
}

// resendVerification serves a signed-in user (no email in the body) or an
// address typed on the "check your inbox" page.
func (h *Handler) resendVerification(w http.ResponseWriter, r *http.Request) {
	var c recoveryRequest
	if !h.decode(w, r, &c) {
		return
	}
	if c.Email == "" {
		userID, ok := h.signedIn(w, r)
		if !ok {
			return
		}
		h.accepted(w, r, h.Accounts.ResendVerificationFor(r.Context(), userID), "verification_sent")
		return
	}
	h.accepted(w, r, h.Accounts.ResendVerification(r.Context(), c.Email, h.clientIP(r)), "verification_sent")
}

func (h *Handler) forgotPassword(w http.ResponseWriter, r *http.Request) {
	var c recoveryRequest
	if !h.decode(w, r, &c) {
		return
	}
	h.accepted(w, r, h.Accounts.ForgotPassword(r.Context(), c.Email, h.clientIP(r)), "reset_sent")
}

func (h *Handler) resetPassword(w http.ResponseWriter, r *http.Request) {
	var c recoveryRequest
	if !h.decode(w, r, &c) {
		return
	}
	s, err := h.Accounts.ResetPassword(r.Context(), c.Token, c.Password)
	h.answerSession(w, r, s, err, http.StatusOK, c.IncludeRefreshToken)
}

func (h *Handler) changePassword(w http.ResponseWriter, r *http.Request) {
	var c recoveryRequest
	userID, ok := h.decodeSignedIn(w, r, &c)
	if !ok {
		return
	}
	s, err := h.Accounts.ChangePassword(r.Context(), userID, c.CurrentPassword, c.NewPassword)
	h.answerSession(w, r, s, err, http.StatusOK, c.IncludeRefreshToken)
}

func (h *Handler) changeEmail(w http.ResponseWriter, r *http.Request) {
	var c recoveryRequest
	userID, ok := h.decodeSignedIn(w, r, &c)
	if !ok {
		return
	}
	h.accepted(w, r, h.Accounts.ChangeEmail(r.Context(), userID, c.CurrentPassword, c.NewEmail), "confirmation_sent")
}

// decodeSignedIn is decode for requests that need a signed-in user.
func (h *Handler) decodeSignedIn(w http.ResponseWriter, r *http.Request, v any) (string, bool) {
	if !h.decode(w, r, v) {
		return "", false
	}
	return h.signedIn(w, r)
}

// signedIn returns the user of the request's access token (Bearer or cookie).
func (h *Handler) signedIn(w http.ResponseWriter, r *http.Request) (string, bool) {
	raw := auth.TokenFromRequest(r)
	if raw == "" {
		h.fail(w, r, apperr.Errorf(apperr.Unauthenticated, "sign in first"))
		return "", false
	}
	claims, err := h.Verifier.Verify(r.Context(), raw)
	if err != nil {
		h.fail(w, r, apperr.Errorf(apperr.Unauthenticated, "your session expired; sign in again"))
		return "", false
	}
	return claims.Subject, true
}

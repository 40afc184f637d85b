package users

import (
	"fmt"
	"net/url"
	"strings"
)

// Subjects of the account emails (tests look for them).
const (
	SubjectVerify        = "Confirm your email address for Career Coach"
	SubjectAlreadyExists = "You already have a Career Coach account"
	SubjectReset         = "Reset your Career Coach password"
	SubjectChangeEmail   = "Confirm your new email address for Career Coach"
	SubjectEmailChanging = "Your Career Coach email address is being changed"
	SubjectEmailInUse    = "This address already has a Career Coach account"
	SubjectPasswordSet   = "Your Career Coach password was changed"
)

// link is base + path with the token as a query parameter.
func (a *Accounts) link(path, token string) string {
	return strings.TrimRight(a.LinkBase, "/") + path + "?token=" + url.QueryEscape(token)
}

func (a *Accounts) page(path string) string { return strings.TrimRight(a.LinkBase, "/") + path }

const notYou = "If you did not ask for this, ignore this email; nothing changes until the link is followed."

func (a *Accounts) verifyText(name, token string) string {
	if name != "" {
		name = " " + name
	}
	return fmt.Sprintf("Hello%s,\n\nconfirm that this is your email address by opening this link within 24 hours:\n\n%s\n\n%s\n",
		name, a.link("/verify-email", token), notYou)
}

func (a *Accounts) alreadyExistsText() string {
	return fmt.Sprintf("Hello,\n\nsomeone (hopefully you) tried to sign up for Career Coach with this address, but you already have an account.\n\nSign in: %s\nForgot your password? Set a new one: %s\n\nIf this was not you, you can ignore this email; your account did not change.\n",
		a.page("/signin"), a.page("/forgot-password"))
}

func (a *Accounts) resetText(token string) string {
	return fmt.Sprintf("Hello,\n\nset a new password for your Career Coach account by opening this link within 30 minutes:\n\n%s\n\nEvery device signed in to your account will be signed out.\n\n%s\n",
		a.link("/reset-password", token), notYou)
}

func (a *Accounts) changeEmailText(token string) string {
	return fmt.Sprintf("Hello,\n\nconfirm that your Career Coach account should use this email address from now on by opening this link within 24 hours:\n\n%s\n\n%s\n",
		a.link("/verify-email", token), notYou)
}

func (a *Accounts) emailChangingText(newEmail string) string {
	return fmt.Sprintf("Hello,\n\nsomeone signed in to your Career Coach account asked to change its email address to %s. It changes when the link sent there is followed.\n\nIf this was not you, set a new password now: %s\n",
		newEmail, a.page("/forgot-password"))
}

func (a *Accounts) emailInUseText() string {
	return fmt.Sprintf("Hello,\n\nsomeone asked to move a Career Coach account to this address, but an account already uses it. Nothing was changed.\n\nSign in: %s\n", a.page("/signin"))
}

func (a *Accounts) passwordSetText() string {
	return fmt.Sprintf("Hello,\n\nthe password of your Career Coach account was just changed, and every other device was signed out.\n\nIf this was not you, set a new password now: %s\n", a.page("/forgot-password"))
}

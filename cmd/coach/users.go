//go:build !routeronly

package main

import (
	"context"
	"errors"
	"flag"
	"time"

	"github.com/careercoach/coach/internal/bus/busopen"
	"github.com/careercoach/coach/internal/config"
	"github.com/careercoach/coach/internal/httpserver"
	"github.com/careercoach/coach/internal/logging"
	"github.com/careercoach/coach/internal/mail"
	"github.com/careercoach/coach/subgraphs/users"
	"github.com/careercoach/coach/subgraphs/users/server"
)

type usersMain struct {
	env
	svc   config.Service
	users server.Config
}

// bindUsers registers the users service's own flags (also used by dev).
func bindUsers(fs *config.FlagSet, c *server.Config) {
	fs.String(&c.PublicURL, "public-url", "COACH_PUBLIC_URL", "http://localhost:4000", "URL browsers use to reach the platform (token issuer, OAuth redirects)")
	fs.Duration(&c.AccessTTL, "access-ttl", "COACH_ACCESS_TTL", 15*time.Minute, "lifetime of access tokens")
	fs.Duration(&c.RefreshTTL, "refresh-ttl", "COACH_REFRESH_TTL", 30*24*time.Hour, "lifetime of refresh tokens (sessions)")
	fs.Duration(&c.RefreshGrace, "refresh-reuse-grace", "COACH_REFRESH_REUSE_GRACE", users.DefaultRefreshGrace, "a rotated refresh token presented again this soon gets the same successor (two tabs); later reuse signs that session out everywhere")
	fs.Duration(&c.KeyRotation, "key-rotation", "COACH_KEY_ROTATION", 30*24*time.Hour, "age at which the token signing key is replaced")
	fs.String(&c.OAuth.MicrosoftClientID, "microsoft-client-id", "COACH_MICROSOFT_CLIENT_ID", "", "Microsoft Entra ID app (client) id; empty: Microsoft sign-in off")
	fs.Secret(&c.OAuth.MicrosoftClientSecret, "microsoft-client-secret", "COACH_MICROSOFT_CLIENT_SECRET", "Microsoft client secret")
	fs.String(&c.OAuth.MicrosoftTenant, "microsoft-tenant", "COACH_MICROSOFT_TENANT", "common", "Microsoft tenant: common, organizations, consumers or a tenant id")
	fs.String(&c.OAuth.GoogleClientID, "google-client-id", "COACH_GOOGLE_CLIENT_ID", "", "Google OAuth client id; empty: Google sign-in off")
	fs.Secret(&c.OAuth.GoogleClientSecret, "google-client-secret", "COACH_GOOGLE_CLIENT_SECRET", "Google client secret")
	fs.Secret(&c.KeyEncryptionKey, "key-encryption-key", "COACH_KEY_ENCRYPTION_KEY", "base64 of 32 random bytes (openssl rand -base64 32) that encrypts the token signing keys at rest; required (coach dev generates one into --data-dir)")
	bindLoginThrottle(fs, c)
	bindAccountMail(fs, c)
}

// bindAccountMail registers the SMTP settings and the limits on account email.
func bindAccountMail(fs *config.FlagSet, c *server.Config) {
	mail.Bind(fs, &c.Mail)
	d := users.DefaultLimits()
	fs.Duration(&c.Limits.Window, "account-limit-window", "COACH_ACCOUNT_LIMIT_WINDOW", d.Window, "window of the sign-up and account-email limits")
	fs.Int(&c.Limits.SignupsPerIP, "signups-per-ip", "COACH_SIGNUPS_PER_IP", d.SignupsPerIP, "sign-ups per client address and window")
	fs.Int(&c.Limits.MailPerIP, "mail-per-ip", "COACH_MAIL_PER_IP", d.MailPerIP, "forgot-password and resend-verification requests per client address and window")
	fs.Int(&c.Limits.MailPerAddress, "mail-per-address", "COACH_MAIL_PER_ADDRESS", d.MailPerAddress, "account emails sent to one address per window (more are dropped)")
	fs.Int(&c.Limits.ReauthFailures, "reauth-failures", "COACH_REAUTH_FAILURES", d.ReauthFailures, "current-password attempts per user and window when changing password or email")
}

// bindLoginThrottle registers the limits on password guessing and hashing.
func bindLoginThrottle(fs *config.FlagSet, c *server.Config) {
	def := users.DefaultThrottle()
	fs.Int(&c.Throttle.AccountFreeFailures, "login-account-free-failures", "COACH_LOGIN_ACCOUNT_FREE_FAILURES", def.AccountFreeFailures, "failed sign-ins of one account (from browsers without its device cookie) before delays start")
	fs.Int(&c.Throttle.AddressFreeFailures, "login-address-free-failures", "COACH_LOGIN_ADDRESS_FREE_FAILURES", def.AddressFreeFailures, "failed sign-ins from one client address before delays start")
	fs.Duration(&c.Throttle.BaseDelay, "login-base-delay", "COACH_LOGIN_BASE_DELAY", def.BaseDelay, "first delay after the free failures; it doubles with each further failure")
	fs.Duration(&c.Throttle.MaxDelay, "login-max-delay", "COACH_LOGIN_MAX_DELAY", def.MaxDelay, "longest delay between sign-in attempts")
	fs.Duration(&c.Throttle.Forget, "login-forget-after", "COACH_LOGIN_FORGET_AFTER", def.Forget, "failures are forgotten after this long without one")
	fs.Duration(&c.Throttle.DeviceTTL, "device-cookie-ttl", "COACH_DEVICE_COOKIE_TTL", def.DeviceTTL, "lifetime of the device cookie a browser gets when it signs in")
	fs.Int(&c.HashConcurrency, "password-hash-concurrency", "COACH_PASSWORD_HASH_CONCURRENCY", users.DefaultHashConcurrency, "password hashes computed at once (each takes 19 MiB, ~50 MiB resident with GC lag)")
	fs.Duration(&c.HashWait, "password-hash-wait", "COACH_PASSWORD_HASH_WAIT", users.DefaultHashWait, "how long a sign-in waits for a hashing turn before it is answered 503")
}

func (m *usersMain) ParseFlags(args []string) error {
	fs := config.New("coach users", m.getenv)
	m.svc.Bind(fs, ":4001")
	bindUsers(fs, &m.users)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage(m.stdout, "coach users: the User Management subgraph (accounts, sign-in, tokens)")
		}
		return err
	}
	m.users.DataDir, m.users.DatabaseURL, m.users.ServiceSecret = m.svc.DataDir, m.svc.DatabaseURL, m.svc.ServiceSecret
	m.users.OAuth.PublicURL = m.users.PublicURL
	return errors.Join(m.svc.Validate(), m.users.Validate())
}

func (m *usersMain) Run(ctx context.Context) error {
	log, err := logging.New(m.stderr, m.svc.LogFormat, m.svc.LogLevel)
	if err != nil {
		return err
	}
	log = log.With("service", "users")
	b, err := busopen.Open(ctx, m.svc.RedisURL, log)
	if err != nil {
		return err
	}
	d, err := server.OpenDB(ctx, m.users, log)
	if err != nil {
		return errors.Join(err, b.Close())
	}
	svc, err := server.New(ctx, m.users, d, b, log)
	if err != nil {
		return errors.Join(err, d.Close(), b.Close())
	}
	srv := &httpserver.Server{Addr: m.svc.Addr, Handler: svc.Handler(), Log: log, ShutdownTimeout: m.svc.ShutdownGrace, Limits: m.svc.HTTP}
	runErr := runAll(ctx, srv.Run, svc.RunBackground)
	return errors.Join(runErr, svc.Close(), b.Close())
}

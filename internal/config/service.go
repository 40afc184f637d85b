package config

import (
	"errors"
	"fmt"
	"time"
)

// Service holds the settings every subgraph process shares.
type Service struct {
	Addr          string
	DataDir       string
	DatabaseURL   string
	RedisURL      string
	ServiceSecret string
	JWKSURL       string
	TokenIssuer   string
	LogLevel      string
	LogFormat     string
	ShutdownGrace time.Duration
	HTTP          HTTPLimits
}

// Bind registers the shared flags; defaultAddr is the service's own port.
func (s *Service) Bind(f *FlagSet, defaultAddr string) {
	f.String(&s.Addr, "addr", "COACH_ADDR", defaultAddr, "listen address")
	f.String(&s.DataDir, "data-dir", "COACH_DATA_DIR", "./data", "directory for SQLite files when no database URL is given")
	f.String(&s.DatabaseURL, "database-url", "COACH_DATABASE_URL", "", "PostgreSQL URL (empty: SQLite under --data-dir)")
	f.String(&s.RedisURL, "redis-url", "COACH_REDIS_URL", "", "Redis URL for pub/sub and events (empty: in-process bus)")
	f.Secret(&s.ServiceSecret, "service-secret", "COACH_SERVICE_SECRET", "shared secret the router presents for _entities/_service (required)")
	f.String(&s.JWKSURL, "jwks-url", "COACH_JWKS_URL", "http://127.0.0.1:4001/.well-known/jwks.json", "JWKS of the users service, to verify access tokens")
	f.String(&s.TokenIssuer, "token-issuer", "COACH_TOKEN_ISSUER", "http://localhost:4000", "issuer of access tokens (the public URL of the platform)")
	f.String(&s.LogLevel, "log-level", "COACH_LOG_LEVEL", "info", "debug, info, warn or error")
	f.String(&s.LogFormat, "log-format", "COACH_LOG_FORMAT", "text", "text or json")
	f.Duration(&s.ShutdownGrace, "shutdown-grace", "COACH_SHUTDOWN_GRACE", 15*time.Second, "time in-flight requests get to finish on shutdown")
	BindHTTPLimits(f, &s.HTTP, "", InternalHTTPLimits())
}

// Validate checks the shared settings.
func (s *Service) Validate() error {
	var errs []error
	errs = append(errs, CheckAddr("addr", s.Addr), s.HTTP.Validate(""))
	errs = append(errs, CheckURL("database-url", s.DatabaseURL, "postgres", "postgresql"))
	errs = append(errs, CheckURL("redis-url", s.RedisURL, "redis", "rediss"))
	errs = append(errs, CheckURL("jwks-url", s.JWKSURL, "http", "https"))
	errs = append(errs, CheckURL("token-issuer", s.TokenIssuer, "http", "https"))
	if s.DatabaseURL == "" && s.DataDir == "" {
		errs = append(errs, errors.New("--data-dir is required when --database-url is empty"))
	}
	errs = append(errs, CheckServiceSecret(s.ServiceSecret))
	return errors.Join(errs...)
}

// MinServiceSecretLen is the shortest service secret anything accepts.
const MinServiceSecretLen = 16

// CheckServiceSecret checks the shared secret the router presents to the
// subgraphs; every process that holds it checks it here.
func CheckServiceSecret(secret string) error {
	if len(secret) < MinServiceSecretLen {
		return fmt.Errorf("--service-secret must be at least %d characters (the router presents it for _entities and _service)", MinServiceSecretLen)
	}
	return nil
}

package db

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
)

// Config says which database to open and what to migrate.
type Config struct {
	// URL is a postgres:// (or postgresql://) URL. Empty means an embedded
	// SQLite file <DataDir>/<Name>.db. A URL that names no database
	// (postgres://host:5432) uses Name as the database name.
	URL string
	// DataDir holds the SQLite file; created when missing. Unused for PostgreSQL.
	DataDir string
	// Name names the database, e.g. "careercoach_users".
	Name string
	// Migrations are applied in order at Open.
	Migrations []Migrations
	// CreateIfMissing creates the PostgreSQL database when it does not exist,
	// connecting to the server's "postgres" maintenance database to do so.
	CreateIfMissing bool
}

// Migrations is one goose migration set: *.sql files at the root of FS,
// optionally overridden per engine under postgres/ or sqlite/.
type Migrations struct {
	// Name selects the version table goose_<Name>; unique within a Config.
	Name string
	FS   fs.FS
}

var identRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,50}$`)

func (c Config) validate() error {
	var errs []error
	if !identRE.MatchString(c.Name) {
		errs = append(errs, fmt.Errorf("name %q must be lower-case letters, digits and _ (at most 51), starting with a letter", c.Name))
	}
	if c.URL == "" {
		if c.DataDir == "" {
			errs = append(errs, errors.New("data dir is required for SQLite (no database URL given)"))
		}
		if c.CreateIfMissing {
			errs = append(errs, errors.New("create-if-missing applies to PostgreSQL only"))
		}
	} else if _, err := postgresURL(c.URL, c.Name); err != nil {
		errs = append(errs, err)
	}
	seen := map[string]bool{}
	for i, m := range c.Migrations {
		if !identRE.MatchString(m.Name) {
			errs = append(errs, fmt.Errorf("migrations[%d]: name %q must be lower-case letters, digits and _, starting with a letter", i, m.Name))
		}
		if seen[m.Name] {
			errs = append(errs, fmt.Errorf("migrations[%d]: duplicate name %q", i, m.Name))
		}
		seen[m.Name] = true
		if m.FS == nil {
			errs = append(errs, fmt.Errorf("migrations[%d] %q: FS is nil", i, m.Name))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("invalid database config: %w", err)
	}
	return nil
}

// postgresURL checks u and returns it with the database name filled in from
// name when u names none.
func postgresURL(u, name string) (*url.URL, error) {
	parsed, err := url.Parse(u)
	if err != nil {
		// url.Parse echoes the URL, password included: say less.
		return nil, errors.New("database URL is not a valid URL")
	}
	if parsed.Scheme != "postgres" && parsed.Scheme != "postgresql" {
		return nil, fmt.Errorf("database URL scheme %q is not supported (want postgres:// or empty for SQLite)", parsed.Scheme)
	}
	if parsed.Host == "" {
		return nil, errors.New("database URL has no host")
	}
	if strings.Trim(parsed.Path, "/") == "" {
		parsed.Path = "/" + name
	}
	return parsed, nil
}

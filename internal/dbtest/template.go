package dbtest

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/careercoach/coach/internal/db"
)

// templateVersion changes when the way templates are built changes, so that
// templates built by older code are not reused.
const templateVersion = "dbtest-v1"

// ensureTemplate returns the name of a template database holding migrations,
// building it unless a finished one exists. datistemplate marks it finished:
// it is set only after every migration succeeded.
func ensureTemplate(ctx context.Context, serverURL string, migrations []db.Migrations) (string, error) {
	sum, err := migrationsHash(migrations)
	if err != nil {
		return "", err
	}
	tpl := "coachtpl_" + hex.EncodeToString(sum[:8])
	admin, err := connectAdmin(ctx, serverURL)
	if err != nil {
		return "", err
	}
	defer admin.Close(context.WithoutCancel(ctx))

	if ready, err := isTemplate(ctx, admin, tpl); err != nil || ready {
		return tpl, err
	}
	lockKey := int64(binary.BigEndian.Uint64(sum[8:16]))
	if _, err := admin.Exec(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return "", fmt.Errorf("lock template %s: %w", tpl, err)
	}
	// Closing the session releases the lock too; unlock early to be tidy.
	defer func() { _, _ = admin.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockKey) }()

	// Another process may have finished it while we waited for the lock.
	if ready, err := isTemplate(ctx, admin, tpl); err != nil || ready {
		return tpl, err
	}
	ident := pgx.Identifier{tpl}.Sanitize()
	// A half-built template from a crashed run is rebuilt from scratch.
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
		return "", fmt.Errorf("drop unfinished template %s: %w", tpl, err)
	}
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return "", fmt.Errorf("create template %s: %w", tpl, err)
	}
	d, err := db.Open(ctx, db.Config{URL: withDatabase(serverURL, tpl), Name: tpl, Migrations: migrations}, Logger())
	if err != nil {
		return "", fmt.Errorf("migrate template %s: %w", tpl, err)
	}
	if err := d.Close(); err != nil {
		return "", fmt.Errorf("close template %s: %w", tpl, err)
	}
	// No connections from now on: CREATE DATABASE … TEMPLATE fails while any exist.
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+ident+" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true"); err != nil {
		return "", fmt.Errorf("mark %s as template: %w", tpl, err)
	}
	return tpl, nil
}

func isTemplate(ctx context.Context, admin *pgx.Conn, name string) (bool, error) {
	var ready bool
	err := admin.QueryRow(ctx, `SELECT datistemplate FROM pg_database WHERE datname = $1`, name).Scan(&ready)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look up template %s: %w", name, err)
	}
	return ready, nil
}

func createFromTemplate(ctx context.Context, serverURL, name, tpl string) error {
	admin, err := connectAdmin(ctx, serverURL)
	if err != nil {
		return err
	}
	defer admin.Close(context.WithoutCancel(ctx))
	stmt := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize() + " TEMPLATE " + pgx.Identifier{tpl}.Sanitize()
	for attempt := 1; ; attempt++ {
		_, err = admin.Exec(ctx, stmt)
		// 55006: the template's builder connection is still closing server-side.
		var pgErr *pgconn.PgError
		if err == nil || !errors.As(err, &pgErr) || pgErr.Code != "55006" || attempt == 10 {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	if err != nil {
		return fmt.Errorf("create database %s from %s: %w", name, tpl, err)
	}
	return nil
}

func dropDatabase(ctx context.Context, serverURL, name string) error {
	admin, err := connectAdmin(ctx, serverURL)
	if err != nil {
		return err
	}
	defer admin.Close(context.WithoutCancel(ctx))
	// FORCE: a test that leaked a connection must not leak its database too.
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %s: %w", name, err)
	}
	return nil
}

func connectAdmin(ctx context.Context, serverURL string) (*pgx.Conn, error) {
	conn, err := pgx.Connect(ctx, withDatabase(serverURL, "postgres"))
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", EnvURL, err)
	}
	return conn, nil
}

// withDatabase returns serverURL with its database replaced by name.
func withDatabase(serverURL, name string) string {
	u, err := url.Parse(serverURL)
	if err != nil {
		return serverURL // pgx reports the bad URL
	}
	u.Path = "/" + name
	return u.String()
}

// migrationsHash digests every file of every set, in order, with its path.
func migrationsHash(migrations []db.Migrations) ([sha256.Size]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", templateVersion)
	for _, m := range migrations {
		fmt.Fprintf(h, "set %q\n", m.Name)
		if m.FS == nil {
			continue // db.Open reports it
		}
		// WalkDir visits in lexical order, so the digest is stable.
		err := fs.WalkDir(m.FS, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := fs.ReadFile(m.FS, p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "file %q %d\n", p, len(b))
			h.Write(b)
			return nil
		})
		if err != nil {
			return [sha256.Size]byte{}, fmt.Errorf("hash migrations %q: %w", m.Name, err)
		}
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum, nil
}

// Package db opens a service's database — PostgreSQL (pgx/v5) when a URL is
// given, an embedded pure-Go SQLite file otherwise — applies its embedded goose
// migrations and runs transactions.
//
// # One SQL for both engines
//
// Stores write one set of SQL that runs unchanged on PostgreSQL and SQLite
// (modernc.org/sqlite binds $1, $2 … by number, as PostgreSQL does). The rules:
//
//   - Ids are TEXT holding uuid strings (uuid.NewString()); no SERIAL, no
//     AUTOINCREMENT, no database-generated keys.
//   - Timestamps are TIMESTAMP columns (not TIMESTAMPTZ: SQLite only turns
//     DATE, DATETIME and TIMESTAMP columns back into time.Time). Always bind
//     UTC values, ideally through [UTC], which also truncates to the
//     microsecond PostgreSQL keeps, so a value reads back equal on both
//     engines. Take "now" from Go, not from now()/CURRENT_TIMESTAMP. Scan
//     time.Time only from plain columns: an expression such as MAX(at) has
//     no declared type and comes back from SQLite as text.
//   - BOOLEAN columns, bound and scanned as Go bool; literals TRUE/FALSE.
//   - TEXT for strings and JSON (no JSONB), BIGINT/INTEGER for integers,
//     DOUBLE PRECISION for floats. No arrays, no = ANY($1): expand IN
//     lists or loop.
//   - Upserts with INSERT … ON CONFLICT (cols) DO NOTHING / DO UPDATE SET
//     x = excluded.x; RETURNING works on both.
//   - Placeholders are $1, $2 …; one may appear several times in a statement.
//   - Constraint errors are recognised with [IsUniqueViolation] and
//     [IsForeignKeyViolation], never by matching driver messages.
//   - LIMIT/OFFSET, COALESCE, CASE, lower(), LIKE (case-sensitive only on
//     PostgreSQL: compare lower(x) LIKE lower($1) for case-insensitive).
//
// # Migrations
//
// Each [Migrations] set is a directory of goose "*.sql" files
// (-- +goose Up / -- +goose Down) at the FS root with its own version table
// goose_<name>, so a service's own set and shared sets (bus.Migrations) evolve
// independently. When one engine really needs different SQL, put a file of the
// same name under postgres/ or sqlite/ in the set: it replaces the root file on
// that engine (a file only in the subfolder is added for that engine only).
// On PostgreSQL, concurrent Opens of one database are serialised by an
// advisory lock; a SQLite file must be migrated by one process at a time.
//
// # SQLite concurrency
//
// The SQLite file runs in WAL mode with several pooled connections: reads
// proceed concurrently, and every read-write transaction begins with BEGIN
// IMMEDIATE, so writers queue on the file lock (busy_timeout) at BEGIN instead
// of failing halfway with SQLITE_BUSY when two deferred transactions both try
// to upgrade. A single connection would be simpler but deadlocks any code that
// touches the pool while holding a transaction; here such code waits at most
// the busy timeout and gets an error instead. Pools hold at most 8
// connections on SQLite and 10 on PostgreSQL (five services and their
// replicas must fit in max_connections).
package db

-- +goose Up
-- Login throttling with growing delays replaces counting failures against
-- fixed limits (which let anyone lock anyone out).
DROP TABLE login_failures;

CREATE TABLE login_throttle (
    key      TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    next_at  TIMESTAMP NOT NULL,
    last_at  TIMESTAMP NOT NULL,
    version  BIGINT NOT NULL
);
CREATE INDEX login_throttle_last_at ON login_throttle(last_at);

-- +goose Down
DROP TABLE login_throttle;
CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at  TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures(key, at);

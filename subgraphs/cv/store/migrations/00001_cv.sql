-- +goose Up
CREATE TABLE cvs (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    uploaded_at  TIMESTAMP NOT NULL,
    status       TEXT NOT NULL,
    percent      INTEGER NOT NULL DEFAULT 0,
    message      TEXT NOT NULL DEFAULT '',
    fail_code    TEXT NOT NULL DEFAULT '',
    fail_message TEXT NOT NULL DEFAULT '',
    retryable    BOOLEAN NOT NULL DEFAULT FALSE,
    text         TEXT NOT NULL DEFAULT '',
    pages        INTEGER NOT NULL DEFAULT 0,
    sections     TEXT NOT NULL DEFAULT '',
    analysis     TEXT NOT NULL DEFAULT '',
    analysed_at  TIMESTAMP,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX cvs_user_uploaded ON cvs(user_id, uploaded_at);
CREATE INDEX cvs_user_analysed ON cvs(user_id, analysed_at);

-- One job row per CV: the analysis queue. state is queued, running, done
-- or failed; a running job whose lease_until passed belongs to a dead worker.
CREATE TABLE cv_jobs (
    cv_id        TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL,
    state        TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_after    TIMESTAMP NOT NULL,
    lease_owner  TEXT NOT NULL DEFAULT '',
    lease_until  TIMESTAMP,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX cv_jobs_runnable ON cv_jobs(state, run_after);

-- +goose Down
DROP TABLE cv_jobs;
DROP TABLE cvs;

-- +goose Up
-- Job ads a user aims at (issue 26): the ad as pasted, where the
-- application stands and when each status was reached (history, JSON).
CREATE TABLE job_targets (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    title      TEXT NOT NULL,
    company    TEXT NOT NULL,
    ad_text    TEXT NOT NULL,
    status     TEXT NOT NULL,
    history    TEXT NOT NULL,
    goal_id    TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX job_targets_user ON job_targets(user_id, created_at);

-- +goose Down
DROP TABLE job_targets;

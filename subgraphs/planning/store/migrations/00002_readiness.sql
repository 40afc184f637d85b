-- +goose Up
-- Readiness for each role the user has an active goal for, recorded when
-- their skill profile changes it (for a chart of readiness over time).
CREATE TABLE readiness_snapshots (
    id        TEXT PRIMARY KEY,
    user_id   TEXT NOT NULL,
    role_id   TEXT NOT NULL,
    readiness INTEGER NOT NULL,
    taken_at  TIMESTAMP NOT NULL
);
CREATE INDEX readiness_snapshots_user_role ON readiness_snapshots(user_id, role_id, taken_at);

-- +goose Down
DROP TABLE readiness_snapshots;

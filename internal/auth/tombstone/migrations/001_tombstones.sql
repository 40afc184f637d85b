-- +goose Up
-- Deleted accounts this service knows of: their tokens are refused and
-- their data erased (see internal/auth/tombstone).
CREATE TABLE auth_tombstones (
	subject TEXT PRIMARY KEY,
	deleted_at TIMESTAMP NOT NULL,
	recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX auth_tombstones_recorded ON auth_tombstones (recorded_at);
CREATE INDEX auth_tombstones_deleted ON auth_tombstones (deleted_at);

-- +goose Down
DROP TABLE auth_tombstones;

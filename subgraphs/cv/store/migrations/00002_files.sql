-- +goose Up
-- File bytes live apart from the cvs rows so that listings never read them.
CREATE TABLE cv_files (
    cv_id TEXT PRIMARY KEY,
    data  BLOB NOT NULL
);

-- +goose Down
DROP TABLE cv_files;

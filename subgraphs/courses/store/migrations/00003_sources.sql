-- +goose Up
-- Courses come from published course lists (issue 25): each names its source.
-- A course the catalogue no longer ships is retired rather than deleted (other
-- services hold its id): it still resolves by id but is neither searched nor
-- recommended.
ALTER TABLE courses ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE courses ADD COLUMN retired BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE courses DROP COLUMN retired;
ALTER TABLE courses DROP COLUMN source;

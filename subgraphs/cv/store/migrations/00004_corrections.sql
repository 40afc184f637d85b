-- +goose Up
-- The user's corrections of a CV's reading (issue 21), as JSON: applied to
-- every analysis of the CV, also after a re-analysis.
ALTER TABLE cvs ADD COLUMN corrections TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE cvs DROP COLUMN corrections;

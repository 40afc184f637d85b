-- +goose Up
-- The skills of each user's latest analysed CV, fed by cv.analyzed: one kind
-- of evidence of the skill profile (see progress.Profiler).
CREATE TABLE cv_skills (
    user_id     TEXT NOT NULL,
    skill       TEXT NOT NULL,
    level       INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    cv_id       TEXT NOT NULL,
    analysed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, skill)
);

-- A course's level (BEGINNER, INTERMEDIATE, ADVANCED; '' before courses sent it).
ALTER TABLE courses ADD COLUMN level TEXT NOT NULL DEFAULT '';

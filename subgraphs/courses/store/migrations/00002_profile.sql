-- +goose Up
-- The user's combined skill profile (skillprofile.changed from progress):
-- when present it replaces the CV's skills as what recommendations fill.
CREATE TABLE user_skill_profiles (
    user_id    TEXT PRIMARY KEY,
    skills     TEXT NOT NULL, -- JSON [{name, level}]
    updated_at TIMESTAMP NOT NULL
);

-- Courses the user completed (enrollment.completed): never recommended again.
CREATE TABLE user_completed_courses (
    user_id      TEXT NOT NULL,
    course_id    TEXT NOT NULL,
    completed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, course_id)
);

-- +goose Down
DROP TABLE user_completed_courses;
DROP TABLE user_skill_profiles;

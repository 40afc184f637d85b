-- +goose Up
-- SQLite version; postgres/00001_courses.sql replaces it on PostgreSQL.
CREATE TABLE courses (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    provider       TEXT NOT NULL,
    url            TEXT NOT NULL,
    description    TEXT NOT NULL,
    skills         TEXT NOT NULL, -- JSON array of canonical names, catalogue order
    level          TEXT NOT NULL,
    duration_hours REAL NOT NULL,
    free           BOOLEAN NOT NULL,
    rating         REAL,
    language       TEXT NOT NULL,
    category       TEXT NOT NULL,
    content_hash   TEXT NOT NULL, -- of the catalogue entry: a change rewrites the row
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX courses_title ON courses(title, id);

-- One row per course and skill, for the skills filter (no arrays on SQLite).
CREATE TABLE course_skills (
    course_id TEXT NOT NULL,
    skill_key TEXT NOT NULL, -- lower-cased name
    PRIMARY KEY (course_id, skill_key)
);
CREATE INDEX course_skills_key ON course_skills(skill_key, course_id);

-- Full-text index, kept in step with courses by the seed (same transaction).
CREATE VIRTUAL TABLE courses_fts USING fts5(
    id UNINDEXED, title, skills, provider, description,
    tokenize = 'porter unicode61'
);

-- What cv.analyzed said about a user (the latest analysis wins).
CREATE TABLE user_profiles (
    user_id         TEXT PRIMARY KEY,
    cv_id           TEXT NOT NULL,
    skills          TEXT NOT NULL, -- JSON [{name, level}]
    suggested_roles TEXT NOT NULL, -- JSON [string]
    analyzed_at     TIMESTAMP NOT NULL
);

-- What goal.changed said about each goal; deleted goals stay as tombstones
-- so that a late, older event cannot bring them back.
CREATE TABLE user_goals (
    user_id           TEXT NOT NULL,
    goal_id           TEXT NOT NULL,
    status            TEXT NOT NULL,
    title             TEXT NOT NULL,
    target_role_id    TEXT NOT NULL,
    target_role_title TEXT NOT NULL,
    required_skills   TEXT NOT NULL, -- JSON [{name, level}]
    deleted           BOOLEAN NOT NULL,
    changed_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, goal_id)
);

-- The stored recommendations of a user, replaced as a whole on recompute.
CREATE TABLE recommendations (
    user_id        TEXT NOT NULL,
    course_id      TEXT NOT NULL,
    rank           INTEGER NOT NULL,
    score          REAL NOT NULL,
    reason         TEXT NOT NULL,
    reason_source  TEXT NOT NULL, -- template or model
    matched_skills TEXT NOT NULL, -- JSON [string]
    PRIMARY KEY (user_id, course_id)
);
CREATE INDEX recommendations_rank ON recommendations(user_id, rank);

-- The input the stored recommendations were computed from, so that an
-- identical recomputation changes nothing.
CREATE TABLE recommendation_inputs (
    user_id    TEXT PRIMARY KEY,
    input_hash TEXT NOT NULL,
    basis      TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE recommendation_inputs;
DROP TABLE recommendations;
DROP TABLE user_goals;
DROP TABLE user_profiles;
DROP TABLE courses_fts;
DROP TABLE course_skills;
DROP TABLE courses;

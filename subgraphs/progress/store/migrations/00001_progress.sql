-- +goose Up
-- Read model of the courses catalogue, fed by course.catalogued.
CREATE TABLE courses (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    skills         TEXT NOT NULL, -- JSON array of canonical skill names
    duration_hours DOUBLE PRECISION NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE enrollments (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL,
    course_id    TEXT NOT NULL,
    status       TEXT NOT NULL,
    percent      INTEGER NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    completed_at TIMESTAMP,
    UNIQUE (user_id, course_id)
);

-- Read model of goal ownership, fed by goal.changed.
CREATE TABLE goals (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX goals_user ON goals(user_id);

CREATE TABLE milestones (
    id          TEXT PRIMARY KEY,
    goal_id     TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    due_date    TEXT NOT NULL, -- YYYY-MM-DD or ''
    position    INTEGER NOT NULL,
    achieved_at TIMESTAMP,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX milestones_goal ON milestones(goal_id, position);
CREATE INDEX milestones_user ON milestones(user_id);

CREATE TABLE assessments (
    id       TEXT PRIMARY KEY,
    user_id  TEXT NOT NULL,
    skill    TEXT NOT NULL,
    level    INTEGER NOT NULL,
    source   TEXT NOT NULL,
    score    INTEGER,
    note     TEXT NOT NULL,
    taken_at TIMESTAMP NOT NULL
);
CREATE INDEX assessments_user_skill ON assessments(user_id, skill, taken_at);

CREATE TABLE quiz_attempts (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL,
    skill        TEXT NOT NULL,
    question_ids TEXT NOT NULL, -- JSON array
    started_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP
);
CREATE INDEX quiz_attempts_user_skill ON quiz_attempts(user_id, skill, started_at);

-- The feed; day is the UTC date (YYYY-MM-DD) of occurred_at, for streaks
-- and the weekly series without date functions that differ by engine.
CREATE TABLE activity (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    ref_id      TEXT NOT NULL,
    title       TEXT NOT NULL,
    hours       DOUBLE PRECISION NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    day         TEXT NOT NULL
);
CREATE INDEX activity_user_time ON activity(user_id, occurred_at);
CREATE INDEX activity_user_day ON activity(user_id, day);

-- +goose Down
DROP TABLE activity;
DROP TABLE quiz_attempts;
DROP TABLE assessments;
DROP TABLE milestones;
DROP TABLE goals;
DROP TABLE enrollments;
DROP TABLE courses;

-- +goose Up
CREATE TABLE goals (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    target_role_id TEXT NOT NULL,
    target_date    TIMESTAMP,
    status         TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX goals_user ON goals(user_id, created_at);

-- Read model of cv.analyzed: the skills of each user's latest analysed CV.
CREATE TABLE user_skill_sets (
    user_id     TEXT PRIMARY KEY,
    cv_id       TEXT NOT NULL,
    analyzed_at TIMESTAMP NOT NULL
);
CREATE TABLE user_skills (
    user_id   TEXT NOT NULL,
    skill_key TEXT NOT NULL,
    name      TEXT NOT NULL,
    level     INTEGER NOT NULL,
    PRIMARY KEY (user_id, skill_key)
);

-- Read model of course.catalogued: which courses teach which skill.
CREATE TABLE courses (
    course_id      TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    duration_hours DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE TABLE course_skills (
    course_id TEXT NOT NULL,
    skill_key TEXT NOT NULL,
    PRIMARY KEY (course_id, skill_key)
);
CREATE INDEX course_skills_skill ON course_skills(skill_key);

CREATE TABLE interview_attempts (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answer      TEXT NOT NULL,
    feedback    TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX interview_attempts_user ON interview_attempts(user_id, created_at);

-- +goose Down
DROP TABLE interview_attempts;
DROP TABLE course_skills;
DROP TABLE courses;
DROP TABLE user_skills;
DROP TABLE user_skill_sets;
DROP TABLE goals;

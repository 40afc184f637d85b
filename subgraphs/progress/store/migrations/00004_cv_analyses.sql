-- +goose Up
-- The latest CV analysis whose skills cv_skills holds (also when it found
-- none): a user with a CV_ANALYZED activity but no row here was analysed
-- before progress kept CV skills.
CREATE TABLE cv_analyses (
    user_id     TEXT PRIMARY KEY,
    cv_id       TEXT NOT NULL,
    analysed_at TIMESTAMP NOT NULL
);
INSERT INTO cv_analyses (user_id, cv_id, analysed_at)
    SELECT user_id, MIN(cv_id), MAX(analysed_at) FROM cv_skills GROUP BY user_id;

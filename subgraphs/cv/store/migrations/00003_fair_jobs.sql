-- +goose Up
-- Fair claiming (issue 20): one running job per user, and the user served
-- least recently goes first, so one user's uploads cannot hold every worker.
ALTER TABLE cv_jobs ADD COLUMN claimed_at TIMESTAMP;
UPDATE cv_jobs SET state = 'queued', lease_owner = '', lease_until = NULL
    WHERE state = 'running' AND cv_id NOT IN (SELECT MIN(cv_id) FROM cv_jobs WHERE state = 'running' GROUP BY user_id);
CREATE UNIQUE INDEX cv_jobs_one_running_per_user ON cv_jobs(user_id) WHERE state = 'running';
CREATE INDEX cv_jobs_user_claimed ON cv_jobs(user_id, claimed_at);

-- +goose Down
DROP INDEX cv_jobs_user_claimed;
DROP INDEX cv_jobs_one_running_per_user;
ALTER TABLE cv_jobs DROP COLUMN claimed_at;

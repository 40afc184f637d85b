-- +goose Up
-- A question's attempts over time (User.interviewPractice(questionId)).
CREATE INDEX interview_attempts_user_question ON interview_attempts(user_id, question_id, created_at);

-- +goose Down
DROP INDEX interview_attempts_user_question;
